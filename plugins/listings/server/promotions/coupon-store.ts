// Coupon designs (listings_coupons) and issued codes (listings_coupon_codes): rows and records.
import { NotFoundError, type Queryable } from '@workbench/plugin-api';
import type { Coupon, CouponCode, CouponCodeStatus } from '../types.js';
import { likePattern } from '../catalog/product-list.js';

export interface CouponRow {
  id: number;
  name: string;
  face_value: number;
  threshold: number;
  product_ids: string;
  valid_from: string;
  valid_until: string;
  version: number;
  created_at: string;
}

export interface CouponCodeRow {
  code: string;
  coupon_id: number;
  status: CouponCodeStatus;
  issued_at: string;
  expires_at: string;
  used_at: string | null;
  order_ref: string | null;
}

/** A coupon design as the API sends it. */
export function couponFromRow(row: CouponRow): Coupon {
  return {
    id: row.id,
    name: row.name,
    faceValue: row.face_value,
    threshold: row.threshold,
    productIds: JSON.parse(row.product_ids) as number[],
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    version: row.version,
    createdAt: row.created_at,
  };
}

/** The last instant a code can be used: its own expiry or its coupon's, whichever comes first. */
export const usableUntil = (code: CouponCodeRow, coupon: CouponRow) => Math.min(Date.parse(code.expires_at), Date.parse(coupon.valid_until));

/**
 * The code as the API shows it. A stored issued or returned code whose time has run out reads as
 * `expired`, so nobody needs a job to flip it.
 */
export function couponCodeFromRow(row: CouponCodeRow, coupon: CouponRow, nowMs: number): CouponCode {
  const lapsed = (row.status === 'issued' || row.status === 'returned') && nowMs >= usableUntil(row, coupon);
  return {
    code: row.code,
    couponId: row.coupon_id,
    status: lapsed ? 'expired' : row.status,
    issuedAt: row.issued_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    orderRef: row.order_ref,
  };
}

const notFound = (id: number) => new NotFoundError({ 'zh-CN': `没有找到优惠券 #${id}`, en: `Coupon #${id} was not found` });

/** Codes are typed by hand from a buyer's message, so they are read without case or spaces. */
export const normalizeCode = (code: string) => code.trim().toUpperCase();

export type CouponListItem = Coupon & { issuedCount: number; usedCount: number };

/** Reads of 优惠券 and their codes over `listings_coupons` and `listings_coupon_codes`; the coupon lifecycle writes them. */
export interface CouponStore {
  /** Every coupon design, or only those with the given ids, in id order. */
  all(ids?: readonly number[]): Promise<Coupon[]>;
  /** The coupon design row, or a 404. */
  requireRow(id: number): Promise<CouponRow>;
  /** The code with its coupon design, or undefined. */
  code(code: string): Promise<{ code: CouponCodeRow; coupon: CouponRow } | undefined>;
  /** The code with its coupon design, or a 404 asking to check the code. */
  requireCode(code: string): Promise<{ code: CouponCodeRow; coupon: CouponRow }>;
  /** One page of coupon designs, newest first, with how many codes were issued and used. */
  list(query: { page: number; pageSize: number; q?: string }): Promise<{ items: CouponListItem[]; total: number; page: number; pageSize: number }>;
}

/** The coupon store over a transaction or any other Queryable. */
export function couponStore(q: Queryable): CouponStore {
  return new DbCouponStore(q);
}

class DbCouponStore implements CouponStore {
  constructor(private readonly q: Queryable) {}

  async all(ids?: readonly number[]): Promise<Coupon[]> {
    if (ids && ids.length === 0) return [];
    const rows = ids
      ? await this.q.all<CouponRow>(`SELECT * FROM listings_coupons WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY id`, [...ids])
      : await this.q.all<CouponRow>('SELECT * FROM listings_coupons ORDER BY id');
    return rows.map(couponFromRow);
  }

  async requireRow(id: number): Promise<CouponRow> {
    const row = await this.q.get<CouponRow>('SELECT * FROM listings_coupons WHERE id = ?', [id]);
    if (!row) throw notFound(id);
    return row;
  }

  async code(code: string): Promise<{ code: CouponCodeRow; coupon: CouponRow } | undefined> {
    const row = await this.q.get<CouponCodeRow>('SELECT * FROM listings_coupon_codes WHERE code = ?', [normalizeCode(code)]);
    if (!row) return undefined;
    return { code: row, coupon: await this.requireRow(row.coupon_id) };
  }

  async requireCode(code: string): Promise<{ code: CouponCodeRow; coupon: CouponRow }> {
    const found = await this.code(code);
    if (!found) throw new NotFoundError({ 'zh-CN': `没有找到券码 ${normalizeCode(code)}，请核对`, en: `No coupon has the code ${normalizeCode(code)}; check it` });
    return found;
  }

  async list(query: { page: number; pageSize: number; q?: string }): Promise<{ items: CouponListItem[]; total: number; page: number; pageSize: number }> {
    const where = query.q ? "WHERE c.name LIKE ? ESCAPE '\\'" : '';
    const params = query.q ? [likePattern(query.q)] : [];
    const count = await this.q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM listings_coupons c ${where}`, params);
    const rows = await this.q.all<CouponRow & { issued_count: number; used_count: number }>(
      `SELECT c.*,
         (SELECT COUNT(*) FROM listings_coupon_codes k WHERE k.coupon_id = c.id) AS issued_count,
         (SELECT COUNT(*) FROM listings_coupon_codes k WHERE k.coupon_id = c.id AND k.status = 'used') AS used_count
       FROM listings_coupons c ${where} ORDER BY c.id DESC LIMIT ? OFFSET ?`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return {
      items: rows.map((r) => ({ ...couponFromRow(r), issuedCount: r.issued_count, usedCount: r.used_count })),
      total: count?.n ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
