import { changes } from '@workbench/ui';
import type { Bilingual, OrderStatus, PlatformStatus, WaveClass } from '../shared/state-names.js';

// Waves, pick lists and replenishment tasks as the API sends them (README "Waves, picking,
// verification"), for the waves view and the wave board, with the names of their states. The
// browser never imports server code, so the shapes are restated here as the panels read them.

export type WaveStatus = 'picking' | 'picked' | 'done' | 'cancelled';

export const WAVE_STATUS_NAMES: Record<WaveStatus, Bilingual> = {
  picking: { 'zh-CN': '拣货中', en: 'Picking' },
  picked: { 'zh-CN': '已拣货', en: 'Picked' },
  done: { 'zh-CN': '已完成', en: 'Done' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
};

/** The badge tone (labels.ts classes) of each wave state. */
export const WAVE_STATUS_TONE: Record<WaveStatus, 'pass' | 'warn' | 'done' | 'plain'> = { picking: 'warn', picked: 'pass', done: 'done', cancelled: 'plain' };

export const WAVE_CLASSES: readonly WaveClass[] = ['single', 'multi-one-zone', 'multi-cross-zone'];

/** A wave in the list: `GET /waves`. */
export interface WaveRow extends Record<string, unknown> {
  id: number;
  waveNo: string;
  status: WaveStatus;
  orders: number;
  classes: Record<WaveClass, number>;
  createdAt: string;
  createdByName: string;
  pickedAt: string | null;
  pickedByName?: string | null;
  version: number;
}

/** One order of a wave with the class it got and its slot in the seeding wall. */
export interface WaveOrder {
  orderId: number;
  orderNo: string;
  class: WaveClass;
  slot: number;
  status: OrderStatus;
  /** 单品提总: picked in the SKU's total line. */
  bulkPick: boolean;
  itemCount?: number;
  platformStatus: PlatformStatus;
  /** Closed or refunding on Taobao: its goods go back on the shelf instead of shipping. */
  mustPutBack: boolean;
}

/** One line of the pick list, per bin in path order. */
export interface PickLine {
  /** Null when the SKU has no bin left to take it from. */
  locationCode: string | null;
  zone: string | null;
  pathOrder: number | null;
  skuId: number;
  skuCode: string;
  title: string;
  /** The catalogue's name with colour and size; null when listings has none (show `title`). */
  catalogName?: string | null;
  qty: number;
  /** 单品提总: one line with the total for all the SKU's single-item orders. */
  bulk: boolean;
  slots: { slot: number; orderNo: string; qty: number }[];
}

export type ReplenishmentStatus = 'open' | 'done' | 'cancelled';

export const REPLENISHMENT_STATUS_NAMES: Record<ReplenishmentStatus, Bilingual> = {
  open: { 'zh-CN': '待补货', en: 'To do' },
  done: { 'zh-CN': '已补货', en: 'Done' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
};

/** A replenishment task: storage → pick face, before the wave is picked. */
export interface Replenishment {
  id: number;
  waveId: number | null;
  waveNo?: string | null;
  skuId: number;
  skuCode: string;
  title: string;
  fromLocationCode: string;
  toLocationCode: string;
  qty: number;
  status: ReplenishmentStatus;
  createdAt: string;
  doneAt?: string | null;
}

/** An order a new wave left out, and why (e.g. a SKU with no location). */
export interface SkippedOrder {
  orderId: number;
  orderNo: string;
  reason: string | Bilingual;
}

/** A wave with everything the board shows: `GET /waves/:id`, and `POST /waves` (with `skipped`). */
export interface WaveDetail extends WaveRow {
  orderList: WaveOrder[];
  pickList: PickLine[];
  replenishments: Replenishment[];
  skipped?: SkippedOrder[];
}
