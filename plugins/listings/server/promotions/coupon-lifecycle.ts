// What happens to a coupon: designed, issued as codes, redeemed for one order, returned when that
// order closes while the coupon is still valid.
import { randomInt } from 'node:crypto';
import { ConflictError, InputError, type Transaction } from '@workbench/plugin-api';
import type { CouponCode } from '../types.js';
import { couponCodeFromRow, type CouponCodeRow, couponStore, usableUntil } from './coupon-store.js';
import { yuan } from '../shared/money.js';
import { addDays, earlier, type ShopTime } from '../shared/time.js';

export interface CouponDesign {
  name: string;
  faceValue: number;
  threshold: number;
  productIds: number[];
  validFrom: string;
  validUntil?: string;
}

export interface Clock {
  now: string;
  shopTime: ShopTime;
  validityDays: number;
}

const bad = (zh: string, en: string, path: string, message: string) => new InputError({ 'zh-CN': zh, en }, { errors: [{ path, in: 'body', message }] });

/** Stores a coupon design; without `validUntil` it is valid `validityDays` from `validFrom`. */
export async function createCoupon(tx: Transaction, design: CouponDesign, clock: Clock, actorId: number | null): Promise<number> {
  const name = design.name.trim();
  if (name === '') throw bad('请填写优惠券名称', 'Enter a name for the coupon', '/name', '不能为空');
  const validUntil = design.validUntil ?? addDays(design.validFrom, clock.validityDays, clock.shopTime);
  if (Date.parse(validUntil) <= Date.parse(design.validFrom)) throw bad('有效期的结束要晚于开始', 'The validity must end after it starts', '/validUntil', '早于或等于开始时间');
  if (design.threshold > 0 && design.faceValue >= design.threshold) {
    throw bad(`券面额 ${yuan(design.faceValue)} 元要小于使用门槛 ${yuan(design.threshold)} 元`, 'The face value must be below the threshold', '/faceValue', '不小于门槛');
  }
  for (const [i, id] of design.productIds.entries()) {
    if (!(await tx.get('SELECT id FROM listings_products WHERE id = ?', [id]))) throw bad(`商品 #${id} 不存在`, `Product #${id} does not exist`, `/productIds/${i}`, '不存在');
  }
  const { lastId } = await tx.run(
    'INSERT INTO listings_coupons (name, face_value, threshold, product_ids, valid_from, valid_until, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [name, design.faceValue, design.threshold, JSON.stringify([...new Set(design.productIds)]), design.validFrom, validUntil, clock.now, actorId],
  );
  return lastId;
}

// No 0/O, 1/I: codes are read aloud and typed from chat messages.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newCode = () => Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/**
 * Issues `count` codes of a coupon. Each expires `validityDays` after issue (counted from the
 * coupon's start when issued early), and never after the coupon's own end.
 */
export async function issueCodes(tx: Transaction, couponId: number, count: number, clock: Clock): Promise<CouponCode[]> {
  const coupon = await couponStore(tx).requireRow(couponId);
  const nowMs = Date.parse(clock.now);
  if (nowMs >= Date.parse(coupon.valid_until)) {
    throw new ConflictError({ 'zh-CN': `优惠券「${coupon.name}」已过了有效期，不能再发`, en: `The coupon “${coupon.name}” is past its validity; no more codes can be issued` });
  }
  const start = nowMs < Date.parse(coupon.valid_from) ? coupon.valid_from : clock.now;
  const expiresAt = earlier(addDays(start, clock.validityDays, clock.shopTime), coupon.valid_until);
  const codes: CouponCode[] = [];
  while (codes.length < count) {
    const code = newCode();
    // A clash with an earlier code is astronomically rare; it is simply drawn again.
    const { changes } = await tx.run(
      "INSERT INTO listings_coupon_codes (code, coupon_id, status, issued_at, expires_at) VALUES (?, ?, 'issued', ?, ?) ON CONFLICT (code) DO NOTHING",
      [code, couponId, clock.now, expiresAt],
    );
    if (changes === 1) codes.push({ code, couponId, status: 'issued', issuedAt: clock.now, expiresAt, usedAt: null, orderRef: null });
  }
  return codes;
}

/** Marks a code used for an order: once per code, one code per order, only while it is valid. */
export async function redeemCode(tx: Transaction, rawCode: string, orderRef: string, now: string): Promise<CouponCode> {
  const { code, coupon } = await couponStore(tx).requireCode(rawCode);
  const nowMs = Date.parse(now);
  if (code.status === 'used') {
    throw new ConflictError(
      code.order_ref === orderRef
        ? { 'zh-CN': `券码 ${code.code} 已经用在订单 ${orderRef} 上了`, en: `The code ${code.code} is already used for order ${orderRef}` }
        : { 'zh-CN': `券码 ${code.code} 已在订单 ${code.order_ref ?? ''} 用过，每张券只能用一次`, en: `The code ${code.code} was already used for order ${code.order_ref ?? ''}; a coupon is used once` },
    );
  }
  if (code.status === 'expired' || nowMs >= usableUntil(code, coupon)) {
    throw new ConflictError({ 'zh-CN': `券码 ${code.code} 已过期，不能使用`, en: `The code ${code.code} has expired` });
  }
  if (nowMs < Date.parse(coupon.valid_from)) {
    throw new ConflictError({ 'zh-CN': `券码 ${code.code} 要到 ${coupon.valid_from} 才能用`, en: `The code ${code.code} is valid from ${coupon.valid_from}` });
  }
  const other = await tx.get<CouponCodeRow>("SELECT * FROM listings_coupon_codes WHERE order_ref = ? AND status = 'used'", [orderRef]);
  if (other) {
    throw new ConflictError({ 'zh-CN': `订单 ${orderRef} 已用了券码 ${other.code}，每个订单只能用一张券`, en: `Order ${orderRef} already uses the code ${other.code}; one coupon per order` });
  }
  await tx.run("UPDATE listings_coupon_codes SET status = 'used', used_at = ?, order_ref = ? WHERE code = ? AND status IN ('issued', 'returned')", [now, orderRef, code.code]);
  const updated = await couponStore(tx).requireCode(code.code);
  return couponCodeFromRow(updated.code, updated.coupon, nowMs);
}

/**
 * The order closed: its coupon comes back (status `returned`, usable again) when it is still inside
 * its validity; one whose time has run out stays used. Answers the codes returned.
 */
export async function releaseOrder(tx: Transaction, orderRef: string, now: string): Promise<{ returned: string[] }> {
  const rows = await tx.all<CouponCodeRow>("SELECT * FROM listings_coupon_codes WHERE order_ref = ? AND status = 'used' ORDER BY code", [orderRef]);
  const returned: string[] = [];
  for (const row of rows) {
    const coupon = await couponStore(tx).requireRow(row.coupon_id);
    if (Date.parse(now) >= usableUntil(row, coupon)) continue;
    await tx.run("UPDATE listings_coupon_codes SET status = 'returned', used_at = NULL, order_ref = NULL WHERE code = ?", [row.code]);
    returned.push(row.code);
  }
  return { returned };
}
