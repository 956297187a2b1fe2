import type { OrderStatus, PlatformStatus, WaveClass } from '../../shared/state-names.js';
import type { Order, WaveSummary } from '../types.js';

/** An order of a wave: its class, its place on the seeding wall, and where it is now. */
export interface WaveOrder {
  orderId: number;
  orderNo: string;
  class: WaveClass;
  slot: number;
  /** 单品提总: its SKU was picked in total with the other single-item orders of that SKU. */
  bulkPick: boolean;
  status: OrderStatus;
  itemCount: number;
  platformStatus: PlatformStatus;
  /** Closed or refunding on Taobao while its goods are picked or about to be: they go back on the shelf. */
  mustPutBack: boolean;
}

/** One order's share of a pick line: the seeding slot it goes to. */
export interface SlotShare {
  slot: number;
  orderNo: string;
  qty: number;
}

/** One stop on the pick path: a bin, the SKU it holds and how many to take from it. */
export interface PickLine {
  /** Null only when the SKU lost every location after the wave was made. */
  locationCode: string | null;
  zone: string | null;
  pathOrder: number | null;
  skuId: number;
  skuCode: string;
  title: string;
  /** The catalogue's product title with the SKU's options (colour, size); null when listings has none — show `title`. */
  catalogName?: string | null;
  qty: number;
  /** A 单品提总 line: the total for all the SKU's single-item orders. */
  bulk: boolean;
  slots: SlotShare[];
}

export type ReplenishmentStatus = 'open' | 'done' | 'cancelled';

/** A move of stock from a storage bin to a pick face, so the wave finds enough on the face. */
export interface Replenishment {
  id: number;
  waveId: number | null;
  waveNo: string | null;
  skuId: number;
  skuCode: string;
  /** The item's title as its orders name it ('' when none does). */
  title: string;
  fromLocationCode: string;
  toLocationCode: string;
  qty: number;
  status: ReplenishmentStatus;
  createdAt: string;
  doneBy: number | null;
  doneAt: string | null;
}

/** What goes into each seeding slot, per SKU. */
export interface SeedingSku {
  skuId: number;
  skuCode: string;
  title: string;
  /** The catalogue's product title with the SKU's options (colour, size); null when listings has none — show `title`. */
  catalogName?: string | null;
  total: number;
  bulk: boolean;
  slots: SlotShare[];
}

export interface SeedingSummary {
  slots: number;
  bulkSkuCodes: string[];
  skus: SeedingSku[];
}

/** A wave in the list: the summary with the picker's name. */
export interface WaveListItem extends WaveSummary {
  pickedByName: string | null;
}

export interface WaveDetail extends WaveListItem {
  orderList: WaveOrder[];
  pickList: PickLine[];
  replenishments: Replenishment[];
  seeding: SeedingSummary;
}

/** An order a new wave left out, and why. */
export interface SkippedOrder {
  orderId: number;
  orderNo: string;
  skuCodes: string[];
  reason: string;
}

export interface CreatedWave extends WaveDetail {
  skipped: SkippedOrder[];
}

/** The verification station's view of one order. */
export interface VerificationLine {
  skuId: number;
  skuCode: string;
  barcode: string | null;
  title: string;
  /** The catalogue's product title with the SKU's options (colour, size); null when listings has none — show `title`. */
  catalogName?: string | null;
  expected: number;
  scanned: number;
}

export interface VerificationView {
  order: Order;
  lines: VerificationLine[];
  complete: boolean;
}

/** One scan as recorded at the station. */
export interface VerificationScan {
  id: number;
  code: string;
  skuId: number | null;
  outcome: 'ok' | 'wrong-item' | 'surplus' | 'unknown';
  actorName: string;
  at: string;
}

export interface ScanAnswer {
  orderId: number;
  line: VerificationLine;
  complete: boolean;
  status: OrderStatus;
}
