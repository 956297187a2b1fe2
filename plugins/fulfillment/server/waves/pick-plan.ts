import type { Bin } from './bins.js';
import type { PickLine, SlotShare } from './wave-types.js';

/** One order's need of one SKU in the wave. */
export interface Need {
  slot: number;
  orderNo: string;
  qty: number;
  /** Part of the SKU's 单品提总 total. */
  bulk: boolean;
}

/** Everything the wave needs of one SKU. */
export interface SkuDemand {
  skuId: number;
  skuCode: string;
  title: string;
  needs: Need[];
}

/** What the plan found for one SKU besides its pick lines: the basis for replenishment. */
export interface SkuPlan {
  skuId: number;
  lines: PickLine[];
  /** Pieces the wave needs beyond what its pick faces hold for it. */
  shortfall: number;
  /** The pick face a replenishment fills (the SKU's first in path order). */
  face: Bin | undefined;
  /** What that face still holds for this wave once earlier waves have taken theirs. */
  faceLeft: number;
  /** Storage bins with what is left in them once earlier waves have taken theirs. */
  storage: { bin: Bin; left: number }[];
}

/**
 * Plans one SKU's picks. `bins` hold the stock as it will be once open replenishments are done;
 * `claimed` is what earlier waves, not yet shipped, still take from them (first, in the same
 * order). A 单品提总 total comes whole from the first storage bin that holds all of it — a box
 * opened once instead of emptying the face; when no storage bin does, it is picked like the rest:
 * pick faces in path order first, then storage bins. Anything left beyond every bin is put on the
 * first pick face (the replenishment target) or the first bin.
 */
export function planSku(demand: SkuDemand, bins: Bin[], claimed: number): SkuPlan {
  const afterClaims = leftAfterClaims(bins, claimed);
  const left = [...afterClaims];
  const faces = bins.flatMap((b, i) => (b.kind === 'pick' ? [i] : []));
  const faceLeft = faces.reduce((sum, i) => sum + left[i]!, 0);
  const total = demand.needs.reduce((sum, n) => sum + n.qty, 0);
  const bulkTotal = demand.needs.reduce((sum, n) => sum + (n.bulk ? n.qty : 0), 0);
  const box = bulkTotal > 0 ? bins.findIndex((b, i) => b.kind === 'storage' && left[i]! >= bulkTotal) : -1;

  const shares = new Map<string, { bin: Bin | undefined; bulk: boolean; slots: SlotShare[] }>();
  const add = (index: number | undefined, need: Need, qty: number) => {
    const key = `${index ?? '-'}:${need.bulk}`;
    const line = shares.get(key) ?? { bin: index === undefined ? undefined : bins[index], bulk: need.bulk, slots: [] };
    const same = line.slots.find((s) => s.slot === need.slot);
    if (same) same.qty += qty;
    else line.slots.push({ slot: need.slot, orderNo: need.orderNo, qty });
    shares.set(key, line);
  };
  const order = [...demand.needs].sort((a, b) => Number(b.bulk) - Number(a.bulk) || a.slot - b.slot);
  const fallback = faces[0] ?? (bins.length ? 0 : undefined);
  for (const need of order) {
    if (need.bulk && box >= 0) {
      left[box]! -= need.qty;
      add(box, need, need.qty);
      continue;
    }
    let rest = need.qty;
    for (let i = 0; i < bins.length && rest > 0; i++) {
      const take = Math.min(left[i]!, rest);
      if (take === 0) continue;
      left[i]! -= take;
      rest -= take;
      add(i, need, take);
    }
    if (rest > 0) add(fallback, need, rest);
  }
  // A total taken from storage neither needs the faces nor can refill them.
  const fromFaces = box >= 0 ? total - bulkTotal : total;
  const storage = bins.flatMap((bin, i) => (bin.kind === 'storage' ? [{ bin, left: afterClaims[i]! - (i === box ? bulkTotal : 0) }] : []));

  const lines: PickLine[] = [...shares.values()].map((s) => ({
    locationCode: s.bin?.code ?? null,
    zone: s.bin?.zone ?? null,
    pathOrder: s.bin?.pathOrder ?? null,
    skuId: demand.skuId,
    skuCode: demand.skuCode,
    title: demand.title,
    qty: s.slots.reduce((sum, x) => sum + x.qty, 0),
    bulk: s.bulk,
    slots: s.slots.sort((a, b) => a.slot - b.slot),
  }));
  const first = faces[0];
  return {
    skuId: demand.skuId,
    lines,
    shortfall: first === undefined ? 0 : Math.max(0, fromFaces - faceLeft),
    face: first === undefined ? undefined : bins[first],
    faceLeft: first === undefined ? 0 : afterClaims[first]!,
    storage,
  };
}

/** What each bin holds once `claimed` pieces are taken from the bins in order. */
function leftAfterClaims(bins: Bin[], claimed: number): number[] {
  const left = bins.map((b) => Math.max(0, b.qty));
  let claim = claimed;
  for (let i = 0; i < bins.length && claim > 0; i++) {
    const take = Math.min(left[i]!, claim);
    left[i]! -= take;
    claim -= take;
  }
  return left;
}

/** Pick lines in walking order: path order, then bin, bulk totals before single shares. */
export function byPath(a: PickLine, b: PickLine): number {
  const pa = a.pathOrder ?? Number.MAX_SAFE_INTEGER;
  const pb = b.pathOrder ?? Number.MAX_SAFE_INTEGER;
  return pa - pb || (a.locationCode ?? '').localeCompare(b.locationCode ?? '') || Number(b.bulk) - Number(a.bulk);
}
