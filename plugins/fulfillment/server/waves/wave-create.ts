import { ConflictError, InputError, NotFoundError, type Actor, type Locale, type PluginContext, type Queryable, type Transaction } from '@workbench/plugin-api';
import { ORDER_STATUS_NAMES, type Bilingual, type OrderStatus, type WaveClass } from '../../shared/state-names.js';
import { recordHistory } from '../orders/order-moves.js';
import { fulfillmentSettings } from '../settings.js';
import { stepBy } from '../shared/actor.js';
import { binsOf, zoneOfSku } from './bins.js';
import { classifyOrder } from './classify.js';
import { createReplenishments } from './replenishments.js';
import { planWave } from './wave-plan.js';
import { readWave } from './wave-read.js';
import type { CreatedWave, SkippedOrder } from './wave-types.js';

export interface CandidateRow {
  id: number;
  order_no: string;
  status: OrderStatus;
  wave_id: number | null;
  wave_no: string | null;
  version: number;
}

export interface Member {
  order: CandidateRow;
  class: WaveClass;
  skuIds: number[];
}

export const QUEUE = 'ORDER BY o.priority, o.placed_at, o.id';
export const CANDIDATE = `SELECT o.id, o.order_no, o.status, o.wave_id, o.version, w.wave_no
  FROM fulfillment_orders o LEFT JOIN fulfillment_waves w ON w.id = o.wave_id`;

/**
 * Makes a wave of approved orders not yet in one: the ones given, or the queue from the top up to
 * `waves.maxOrdersPerWave`. Each order gets its class and a seeding slot; an order with a SKU that
 * has no location is left out and reported. Replenishment tasks are made for short pick faces.
 */
export async function createWave(ctx: PluginContext, actor: Actor, orderIds: number[] | undefined, locale: Locale): Promise<CreatedWave> {
  const { maxOrdersPerWave, bulkPickThreshold } = fulfillmentSettings(ctx).waves;
  return ctx.db.transaction(async (tx) => {
    const candidates = orderIds ? await givenOrders(tx, orderIds, maxOrdersPerWave) : await tx.all<CandidateRow>(`${CANDIDATE} WHERE o.status = 'approved' AND o.wave_id IS NULL ${QUEUE}`);
    const { members, skipped } = await placeOrders(tx, candidates, maxOrdersPerWave, locale);
    if (members.length === 0) {
      if (skipped.length === 0) {
        throw new ConflictError({ 'zh-CN': '没有可以组波次的订单：已审核且不在波次里的订单一单也没有', en: 'No order to put in a wave: no approved order is outside a wave' });
      }
      const list = skipped.map((s) => `${s.orderNo}（${s.reason}）`).join('；');
      throw new ConflictError({ 'zh-CN': `这些订单都不能组波次：${list}`, en: `None of these orders can go into a wave: ${list}` });
    }

    const now = ctx.now();
    const by = stepBy(actor);
    const waveNo = await nextWaveNo(tx, now);
    const { lastId: waveId } = await tx.run('INSERT INTO fulfillment_waves (wave_no, status, created_by, created_by_name, created_at) VALUES (?, ?, ?, ?, ?)', [waveNo, 'picking', by.id, by.name, now]);

    const singles = new Map<number, number>();
    for (const m of members) if (m.class === 'single') singles.set(m.skuIds[0]!, (singles.get(m.skuIds[0]!) ?? 0) + 1);
    for (const [i, m] of members.entries()) {
      const slot = i + 1;
      // Only more orders than the threshold are worth a total pick; at it, they join the wave's own picks.
      const bulk = m.class === 'single' && (singles.get(m.skuIds[0]!) ?? 0) > bulkPickThreshold;
      await tx.run('INSERT INTO fulfillment_wave_orders (wave_id, order_id, class, bulk_pick, slot) VALUES (?, ?, ?, ?, ?)', [waveId, m.order.id, m.class, bulk ? 1 : 0, slot]);
      await tx.updateVersioned('fulfillment_orders', { id: m.order.id, version: m.order.version }, { wave_id: waveId, updated_at: now });
      await recordHistory(tx, m.order.id, { action: 'wave', by, at: now, detail: { waveId, waveNo, slot, class: m.class, bulkPick: bulk } });
    }

    await createReplenishments(tx, waveId, (await planWave(tx, waveId)).skus, now);
    return { ...(await readWave(tx, waveId)), skipped };
  });
}

/** The orders asked for, in queue order; refused together when any is unknown, not approved or already waved. */
async function givenOrders(q: Queryable, ids: number[], max: number): Promise<CandidateRow[]> {
  const unique = [...new Set(ids)];
  if (unique.length > max) {
    throw new InputError(
      { 'zh-CN': `一个波次最多 ${max} 单，这次选了 ${unique.length} 单；请分成几个波次`, en: `A wave holds at most ${max} orders; ${unique.length} were chosen — split them into several waves` },
      { errors: [{ path: '/orderIds', in: 'body', message: `≤ ${max}` }] },
    );
  }
  const rows = await q.all<CandidateRow>(`${CANDIDATE} WHERE o.id IN (SELECT value FROM json_each(?)) ${QUEUE}`, [JSON.stringify(unique)]);
  const missing = unique.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length) throw new NotFoundError({ 'zh-CN': `订单不存在：${missing.join('、')}`, en: `No such orders: ${missing.join(', ')}` });
  const refused = rows.filter((r) => r.status !== 'approved' || r.wave_id !== null);
  if (refused.length) {
    const why = (r: CandidateRow): Bilingual =>
      r.wave_id !== null
        ? { 'zh-CN': `${r.order_no} 已在波次 ${r.wave_no ?? r.wave_id} 里`, en: `${r.order_no} is already in wave ${r.wave_no ?? r.wave_id}` }
        : { 'zh-CN': `${r.order_no} 是「${ORDER_STATUS_NAMES[r.status]['zh-CN']}」`, en: `${r.order_no} is "${ORDER_STATUS_NAMES[r.status].en}"` };
    throw new ConflictError({
      'zh-CN': `只有已审核、还没进波次的订单才能组波次：${refused.map((r) => why(r)['zh-CN']).join('；')}。请把它们从所选订单中去掉`,
      en: `Only approved orders outside a wave can go into one: ${refused.map((r) => why(r).en).join('; ')}. Leave them out and try again`,
    });
  }
  return rows;
}

/** Classifies the candidates in order until the wave is full; orders that cannot be picked are reported. */
export async function placeOrders(q: Queryable, candidates: CandidateRow[], max: number, locale: Locale): Promise<{ members: Member[]; skipped: SkippedOrder[] }> {
  const items = candidates.length
    ? await q.all<{ order_id: number; sku_id: number | null; sku_code: string }>(
        "SELECT order_id, sku_id, sku_code FROM fulfillment_order_items WHERE order_id IN (SELECT value FROM json_each(?)) AND refund_state <> 'succeeded' ORDER BY id",
        [JSON.stringify(candidates.map((c) => c.id))],
      )
    : [];
  const bins = await binsOf(q, items.flatMap((i) => (i.sku_id === null ? [] : [i.sku_id])));
  const members: Member[] = [];
  const skipped: SkippedOrder[] = [];
  for (const order of candidates) {
    if (members.length >= max) break;
    const lines = items.filter((i) => i.order_id === order.id);
    const unmatched = lines.filter((l) => l.sku_id === null).map((l) => l.sku_code);
    const homeless = lines.filter((l) => l.sku_id !== null && zoneOfSku(bins, l.sku_id) === undefined).map((l) => l.sku_code);
    if (lines.length === 0 || unmatched.length || homeless.length) {
      const reason: Bilingual = lines.length === 0
        ? { 'zh-CN': '订单没有商品', en: 'the order has no items' }
        : unmatched.length
          ? { 'zh-CN': `商家编码 ${unmatched.join('、')} 还没有对应的 SKU，请先在商品里补上`, en: `code ${unmatched.join(', ')} matches no SKU yet; add it to the catalog first` }
          : { 'zh-CN': `${homeless.join('、')} 没有库位，拣货员不知道去哪里拿；请先给它分配库位并入库`, en: `${homeless.join(', ')} has no location, so nobody knows where to pick it; assign a bin and put stock in first` };
      skipped.push({ orderId: order.id, orderNo: order.order_no, skuCodes: [...unmatched, ...homeless], reason: reason[locale] });
      continue;
    }
    const skuIds = [...new Set(lines.map((l) => l.sku_id!))];
    members.push({ order, skuIds, class: classifyOrder(skuIds.map((skuId) => ({ skuId, zone: zoneOfSku(bins, skuId)! }))) });
  }
  return { members, skipped };
}

/** BC + the shop's date + that day's sequence in four digits: BC202611230001. */
async function nextWaveNo(tx: Transaction, now: string): Promise<string> {
  const prefix = `BC${now.slice(0, 10).replace(/-/g, '')}`;
  const last = await tx.get<{ wave_no: string }>('SELECT wave_no FROM fulfillment_waves WHERE wave_no LIKE ? ORDER BY length(wave_no) DESC, wave_no DESC LIMIT 1', [`${prefix}%`]);
  const seq = last ? Number(last.wave_no.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(seq).padStart(4, '0')}`;
}
