import { regionOf } from '../../shared/mask.js';
import { PLATFORM_STATUS_TEXTS, type PlatformStatus } from '../../shared/state-names.js';
import type { CourierSetting } from '../settings.js';
import type { CsvColumnMapping, CsvRecord, Turns } from '@workbench/plugin-api';
import type { ParsedItem } from './item-rows.js';
import { readHeader, RowCells, type MoneyReader } from './report-cells.js';
import { ORDER_COLUMNS, ORDER_REPORT_COLUMNS, type OrderColumn } from './report-columns.js';
import { REASONS, type Rejection } from './row-reasons.js';
import type { ShopClock } from './shop-clock.js';

/** One order of the order report, read and checked; money in 分, times as the shop stores them. */
export interface ParsedOrder {
  row: number;
  orderNo: string;
  shopName: string | null;
  buyerNick: string;
  buyerAccount: string;
  platformStatus: PlatformStatus;
  goodsTotal: number;
  shippingFee: number;
  total: number;
  paidAmount: number;
  refundAmount: number;
  buyerMessage: string;
  sellerRemark: string;
  receiverName: string;
  receiverPhone: string;
  receiverAddress: string;
  receiverRegion: string;
  postCode: string;
  shippingMethod: string;
  placedAt: string;
  paidAt: string | null;
  trackingNo: string | null;
  /** The courier's code in the settings, when 物流公司 names one the shop knows. */
  courier: string | null;
  closeReason: string | null;
  /** The lines of the item report, in the order the file gives them. */
  items: ParsedItem[];
}

export interface OrderReport {
  orders: Map<string, ParsedOrder>;
  rejected: Rejection[];
  /** Order numbers of refused rows, so their items are not refused a second time. */
  refused: Set<string>;
}

const STATUS_WORDS = Object.keys(PLATFORM_STATUS_TEXTS).filter((t) => !t.includes(','));
// Taobao writes the post code after the address: `… 文三路100号(310012)`.
const POST_CODE = /\s*[(（](\d{6})[)）]\s*$/u;

function statusOf(text: string): PlatformStatus | undefined {
  const clean = text.replace(/\s+/g, '');
  return PLATFORM_STATUS_TEXTS[clean] ?? PLATFORM_STATUS_TEXTS[clean.replace(/,/g, '，')];
}

/** 申通快递 → STO: the first courier of the settings whose name the cell holds, or whose code it is. */
function courierOf(couriers: readonly CourierSetting[], text: string): string | null {
  if (text === '') return null;
  const upper = text.toUpperCase();
  return couriers.find((c) => text.includes(c.name) || upper === c.code)?.code ?? null;
}

/**
 * Reads the 订单报表 rows into orders by number. A row with any unreadable cell is refused whole,
 * naming each cell; rows with nothing in them are skipped (they keep their number). Read in
 * slices of `turns`.
 */
export async function readOrderReport(
  file: string,
  records: readonly CsvRecord[],
  deps: { clock: ShopClock; money: MoneyReader; couriers: readonly CourierSetting[]; onRow: () => void; turns: Turns; mapping?: CsvColumnMapping },
): Promise<OrderReport> {
  const { index, rejected } = readHeader<OrderColumn>(file, records[0], ORDER_REPORT_COLUMNS, '订单报表', { mapping: deps.mapping });
  const orders = new Map<string, ParsedOrder>();
  const refused = new Set<string>();
  if (rejected.length) return { orders, rejected, refused };
  const cells = new RowCells<OrderColumn>(file, index, deps.money);
  const time = (key: 'placedAt' | 'paidAt', required: boolean): string | null => {
    const value = cells.text(key, 40);
    if (value === '') {
      if (required) cells.refuse(key, REASONS.empty(ORDER_COLUMNS[key]));
      return null;
    }
    const read = deps.clock.read(value);
    if (read === undefined) cells.refuse(key, REASONS.time(ORDER_COLUMNS[key], value));
    return read ?? null;
  };
  for (let r = 1; r < records.length; r++) {
    if (deps.turns.due) await deps.turns.next();
    deps.onRow();
    cells.load(records[r]!);
    if (cells.blank()) continue;
    const orderNo = cells.text('orderNo', 32);
    if (orderNo === '') cells.refuse('orderNo', REASONS.empty(ORDER_COLUMNS.orderNo));
    else if (!/^\d+$/.test(orderNo)) cells.refuse('orderNo', REASONS.orderNo(orderNo));
    const statusText = cells.text('status', 40);
    const platformStatus = statusOf(statusText);
    if (!platformStatus) cells.refuse('status', statusText === '' ? REASONS.empty(ORDER_COLUMNS.status) : REASONS.status(statusText, STATUS_WORDS));
    const buyerNick = cells.text('buyerNick', 64);
    if (buyerNick === '') cells.refuse('buyerNick', REASONS.empty(ORDER_COLUMNS.buyerNick));
    const written = cells.text('receiverAddress', 300);
    const postCode = POST_CODE.exec(written)?.[1] ?? '';
    const receiverAddress = postCode ? written.replace(POST_CODE, '') : written;
    const order: ParsedOrder = {
      row: cells.row,
      orderNo,
      shopName: cells.text('shopName', 100) || null,
      buyerNick,
      buyerAccount: cells.text('buyerAccount', 100),
      platformStatus: platformStatus ?? 'paid',
      goodsTotal: cells.fen('goodsTotal'),
      shippingFee: cells.fen('shippingFee'),
      total: cells.fen('total'),
      paidAmount: cells.fen('paidAmount'),
      refundAmount: cells.fen('refundAmount'),
      buyerMessage: cells.text('buyerMessage', 500),
      sellerRemark: cells.text('sellerRemark', 500),
      receiverName: cells.text('receiverName', 50),
      // 联系手机 when there is one, else the landline; spaces inside (138 1234 5678) go.
      receiverPhone: (cells.text('mobile', 30) || cells.text('phone', 30)).replace(/[\s']/g, ''),
      receiverAddress,
      receiverRegion: regionOf(receiverAddress),
      postCode,
      shippingMethod: cells.text('shippingMethod', 50),
      placedAt: time('placedAt', true) ?? '',
      paidAt: time('paidAt', false),
      trackingNo: cells.text('trackingNo', 40).replace(/\s+/g, '') || null,
      courier: courierOf(deps.couriers, cells.text('courier', 50)),
      closeReason: cells.text('closeReason', 200) || null,
      items: [],
    };
    const earlier = orderNo === '' ? undefined : orders.get(orderNo);
    if (earlier) cells.refuse('orderNo', REASONS.repeatedOrder(orderNo, earlier.row));
    if (cells.problems.length) {
      rejected.push(...cells.problems);
      if (orderNo !== '') refused.add(orderNo);
      continue;
    }
    orders.set(orderNo, order);
  }
  return { orders, rejected, refused };
}
