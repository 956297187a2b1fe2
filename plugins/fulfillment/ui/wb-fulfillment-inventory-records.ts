import type { Location, LocationKind, StockItem, StocktakeStatus, StocktakeSummary } from '../shared/records.js';
import type { Bilingual } from '../shared/state-names.js';

// The warehouse records as the API sends them (README "Warehouse"), for the warehouse panels, and
// the names of their kinds in both languages. The browser never imports server code, so the
// shapes not yet in shared/records.ts are restated here as the panels read them.

export type { LocationKind } from '../shared/records.js';

/** One SKU's stock: `GET /stock`, indexable so the data table can read any column. */
export interface StockRow extends StockItem, Record<string, unknown> {}

/** A location (库位): `GET /locations`, indexable so the data table can read any column. */
export interface LocationRow extends Location, Record<string, unknown> {}

export type LedgerKind = 'inbound' | 'outbound' | 'transfer' | 'adjustment' | 'defective' | 'return' | 'putback';

/** One movement: `GET /ledger`. */
export interface LedgerRow extends Record<string, unknown> {
  id: number;
  at: string;
  kind: LedgerKind;
  skuId: number;
  skuCode?: string | null;
  locationCode: string | null;
  qty: number;
  balance: number;
  orderId: number | null;
  orderNo?: string | null;
  reference: string | null;
  reason: string;
  override: boolean;
  actorName: string;
}

export interface InboundLine {
  skuId: number;
  skuCode: string;
  title?: string;
  received: number;
  passed: number;
  failed: number;
  locationCode: string | null;
  failureReason: string | null;
}

/** 入库单: `GET /inbound`, `POST /inbound`. */
export interface InboundNote extends Record<string, unknown> {
  id: number;
  noteNo: string;
  source: string;
  reference: string | null;
  supplier: string | null;
  actorName: string;
  createdAt: string;
  lines?: InboundLine[];
}

export type { Stocktake, StocktakeLine, StocktakeStatus } from '../shared/records.js';

/** 盘点: a sheet as `GET /stocktakes` lists it, indexable so the data table can read any column. */
export interface StocktakeRow extends StocktakeSummary, Record<string, unknown> {}

/** An open reminder: `GET /reminders`. */
export interface Reminder {
  id: number;
  kind: string;
  period: string;
  message: string | Bilingual;
  createdAt: string;
  dismissedAt?: string | null;
}

export const LEDGER_KIND_NAMES: Record<LedgerKind, Bilingual> = {
  inbound: { 'zh-CN': '入库', en: 'Inbound' },
  outbound: { 'zh-CN': '出库', en: 'Outbound' },
  transfer: { 'zh-CN': '移库', en: 'Transfer' },
  adjustment: { 'zh-CN': '调整', en: 'Adjustment' },
  defective: { 'zh-CN': '残次', en: 'Defective' },
  return: { 'zh-CN': '退货入库', en: 'Return' },
  putback: { 'zh-CN': '放回库位', en: 'Put back' },
};

export const LOCATION_KIND_NAMES: Record<LocationKind, Bilingual> = {
  pick: { 'zh-CN': '拣货位', en: 'Pick face' },
  storage: { 'zh-CN': '存储位', en: 'Storage' },
};

export const STOCKTAKE_STATUS_NAMES: Record<StocktakeStatus, Bilingual> = {
  counting: { 'zh-CN': '盘点中', en: 'Counting' },
  posted: { 'zh-CN': '已过账', en: 'Posted' },
  cancelled: { 'zh-CN': '已作废', en: 'Cancelled' },
};

/** Options for a data-table filter from one of the name maps above. */
export function optionsOf<K extends string>(names: Record<K, Bilingual>): { value: string; label: Bilingual }[] {
  return (Object.keys(names) as K[]).map((value) => ({ value, label: names[value] }));
}
