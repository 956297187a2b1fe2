import { ConflictError, InputError, type Queryable, type Transaction } from '@workbench/plugin-api';
import type { PoolCount } from '../../shared/records.js';
import { trackingMatches } from '../../shared/tracking.js';
import type { CourierSetting, FulfillmentSettings } from '../settings.js';
import type { StepBy } from '../shared/actor.js';
import { normaliseTracking } from '../shipping/courier-rules.js';
import { CODE128_TEXT } from './code128.js';


/** A number of an import that did not go in, and why. */
export interface PoolSkip {
  trackingNo: string;
  reason: string;
}

/** At most this many numbers in one range: a typo in the end number should not make a million rows. */
export const MAX_RANGE = 50_000;

const field = (path: string, message: string) => ({ errors: [{ path, in: 'body', message }] });

/**
 * The numbers from `from` to `to`, both included: the same letters before a run of digits, the
 * digits counted up with their leading zeros kept (SF0012 … SF0100). Digits beyond 15 are counted
 * with BigInt, as couriers' numbers run to 15 digits and more.
 */
export function expandRange(fromText: string, toText: string): string[] {
  const from = normaliseTracking(fromText);
  const to = normaliseTracking(toText);
  const a = /^(.*?)(\d+)$/.exec(from);
  const b = /^(.*?)(\d+)$/.exec(to);
  if (!a || !b || a[1] !== b[1] || a[2]!.length !== b[2]!.length) {
    throw new InputError(
      { 'zh-CN': `号段 ${from} 到 ${to} 看不懂：起止单号要前缀相同、数字位数相同（如 773000000001 到 773000000500）`, en: `Cannot read the range ${from} to ${to}: both ends need the same prefix and as many digits (e.g. 773000000001 to 773000000500)` },
      field('/to', 'range'),
    );
  }
  const start = BigInt(a[2]!);
  const end = BigInt(b[2]!);
  if (end < start) {
    throw new InputError({ 'zh-CN': `结束单号 ${to} 比起始单号 ${from} 小，请对调`, en: `The end number ${to} is below the start ${from}; swap them` }, field('/to', 'order'));
  }
  if (end - start + 1n > BigInt(MAX_RANGE)) {
    throw new InputError(
      { 'zh-CN': `一个号段最多 ${MAX_RANGE} 个单号，${from} 到 ${to} 有 ${end - start + 1n} 个：请核对结束单号，或分几次导入`, en: `A range holds at most ${MAX_RANGE} numbers; ${from} to ${to} has ${end - start + 1n} — check the end number or import it in parts` },
      field('/to', 'size'),
    );
  }
  const width = a[2]!.length;
  const numbers: string[] = [];
  for (let n = start; n <= end; n++) numbers.push(`${a[1]}${n.toString().padStart(width, '0')}`);
  return numbers;
}

/**
 * Adds numbers to a courier's pool in the caller's transaction. A number already in any pool, or
 * already on an order, is skipped and reported; one not of the courier's shape or not printable
 * as Code 128 refuses the whole import (a wrong file, most likely), naming it.
 */
export async function addNumbers(tx: Transaction, courier: CourierSetting, numbers: string[], by: StepBy, now: string): Promise<{ added: number; skipped: PoolSkip[] }> {
  const clean = numbers.map(normaliseTracking).filter(Boolean);
  if (clean.length === 0) throw new InputError({ 'zh-CN': '没有要导入的单号', en: 'No numbers to import' }, field('/numbers', 'empty'));
  const bad = clean.find((n) => !CODE128_TEXT.test(n) || !trackingMatches(courier, n));
  if (bad) {
    throw new InputError(
      { 'zh-CN': `${bad} 不是${courier.name}的单号格式，整批没有导入：请核对快递公司和单号`, en: `${bad} is not shaped like a ${courier.name} number; nothing was imported — check the courier and the numbers` },
      field('/numbers', 'shape'),
    );
  }
  const skipped: PoolSkip[] = [];
  let added = 0;
  const seen = new Set<string>();
  for (const n of clean) {
    if (seen.has(n)) {
      skipped.push({ trackingNo: n, reason: 'repeated' });
      continue;
    }
    seen.add(n);
    const onOrder = await tx.get<{ order_no: string }>('SELECT order_no FROM fulfillment_orders WHERE tracking_no = ? LIMIT 1', [n]);
    if (onOrder) {
      skipped.push({ trackingNo: n, reason: `used:${onOrder.order_no}` });
      continue;
    }
    const inserted = await tx.run(
      'INSERT INTO fulfillment_tracking_numbers (courier, tracking_no, imported_by, imported_by_name, imported_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (tracking_no) DO NOTHING',
      [courier.code, n, by.id, by.name, now],
    );
    if (inserted.changes === 0) skipped.push({ trackingNo: n, reason: 'in-pool' });
    else added++;
  }
  return { added, skipped };
}

/** A pool number an order holds: its courier and number. */
export interface PoolNumber {
  courier: string;
  trackingNo: string;
}

/** The pool number the order already holds, if any. */
export async function heldNumber(q: Queryable, orderId: number): Promise<PoolNumber | undefined> {
  return q.get<PoolNumber>('SELECT courier, tracking_no AS trackingNo FROM fulfillment_tracking_numbers WHERE order_id = ?', [orderId]);
}

/**
 * Gives the order the courier's next free number, in the caller's transaction: the number is
 * marked the order's by the same statement that finds it, so two stations asking at once never get
 * the same one (the workbench runs one write transaction at a time, and the UPDATE only takes a
 * row still free). The caller has looked for a number the order already holds (`heldNumber`); a
 * courier whose pool is empty answers undefined, and the packer scans a waybill as before.
 */
export async function takeNumber(tx: Transaction, orderId: number, courier: string, by: StepBy, now: string): Promise<PoolNumber | undefined> {
  const taken = await tx.get<{ tracking_no: string }>(
    `UPDATE fulfillment_tracking_numbers SET order_id = ?, taken_by_name = ?, taken_at = ?
     WHERE id = (SELECT id FROM fulfillment_tracking_numbers WHERE courier = ? AND order_id IS NULL ORDER BY id LIMIT 1) AND order_id IS NULL
     RETURNING tracking_no`,
    [orderId, by.name, now, courier],
  );
  return taken ? { courier, trackingNo: taken.tracking_no } : undefined;
}

/** Refuses a tracking number that a pool gave to another order (the ship route checks it). */
export async function refuseOthersNumber(q: Queryable, orderId: number, trackingNo: string): Promise<void> {
  const other = await q.get<{ order_no: string }>(
    'SELECT o.order_no FROM fulfillment_tracking_numbers t JOIN fulfillment_orders o ON o.id = t.order_id WHERE t.tracking_no = ? AND t.order_id <> ?',
    [trackingNo, orderId],
  );
  if (other) {
    throw new ConflictError(
      { 'zh-CN': `运单号 ${trackingNo} 的面单是给订单 ${other.order_no} 打的，请贴对面单`, en: `The label with ${trackingNo} was printed for order ${other.order_no}; use this order’s label` },
      field('/trackingNo', 'other-label'),
    );
  }
}

/** Per courier of the settings (and any other a pool still holds): imported, used, remaining, low. */
export async function poolCounts(q: Queryable, settings: FulfillmentSettings): Promise<PoolCount[]> {
  const rows = await q.all<{ courier: string; imported: number; used: number }>(
    'SELECT courier, COUNT(*) AS imported, COUNT(order_id) AS used FROM fulfillment_tracking_numbers GROUP BY courier',
  );
  const threshold = settings.labels.poolLowThreshold;
  const codes = [...settings.couriers.map((c) => c.code), ...rows.map((r) => r.courier).filter((c) => !settings.couriers.some((s) => s.code === c))];
  return codes.map((code) => {
    const row = rows.find((r) => r.courier === code);
    const imported = row?.imported ?? 0;
    const used = row?.used ?? 0;
    const remaining = imported - used;
    return { courier: code, name: settings.couriers.find((c) => c.code === code)?.name ?? code, imported, used, remaining, low: imported > 0 && remaining < threshold };
  });
}
