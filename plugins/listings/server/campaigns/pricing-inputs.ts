import type { Queryable } from '@workbench/plugin-api';
import type { Coupon, PricedSku, Promotion, PromotionRule, PromotionScope } from '../types.js';

interface PromotionRow {
  id: number;
  name: string;
  kind: Promotion['kind'];
  rule: string;
  scope: string;
  starts_at: string;
  ends_at: string;
  status: Promotion['status'];
  suspended_reason: string | null;
  campaign_id: number | null;
  version: number;
  created_at: string;
  updated_at: string;
}

interface CouponRow {
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

/** A promotion with its rule and scope parsed from JSON. */
function promotionFromRow(r: PromotionRow): Promotion {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    rule: JSON.parse(r.rule) as PromotionRule,
    scope: JSON.parse(r.scope) as PromotionScope,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    status: r.status,
    suspendedReason: r.suspended_reason,
    campaignId: r.campaign_id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A coupon design as the engine takes it. */
export function couponFromRow(r: CouponRow): Coupon {
  return {
    id: r.id,
    name: r.name,
    faceValue: r.face_value,
    threshold: r.threshold,
    productIds: JSON.parse(r.product_ids) as number[],
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    version: r.version,
    createdAt: r.created_at,
  };
}

/** Promotions that have not ended; the engine itself decides which apply at a given instant. */
export async function readLivePromotions(q: Queryable): Promise<Promotion[]> {
  const rows = await q.all<PromotionRow>("SELECT * FROM listings_promotions WHERE status <> 'ended' ORDER BY id");
  return rows.map(promotionFromRow);
}

/** Every coupon design, or only those with the given ids. */
export async function readCoupons(q: Queryable, ids?: readonly number[]): Promise<Coupon[]> {
  if (ids && ids.length === 0) return [];
  const rows = ids
    ? await q.all<CouponRow>(`SELECT * FROM listings_coupons WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY id`, [...ids])
    : await q.all<CouponRow>('SELECT * FROM listings_coupons ORDER BY id');
  return rows.map(couponFromRow);
}

/** The engine's view of these SKUs at their everyday prices; SKUs without a product are left out. */
export async function readPricedSkus(q: Queryable, skuIds: readonly number[]): Promise<Map<number, PricedSku>> {
  const map = new Map<number, PricedSku>();
  if (skuIds.length === 0) return map;
  const rows = await q.all<PricedSku>(
    `SELECT s.id AS skuId, s.product_id AS productId, p.category_id AS categoryId, s.code, p.title, s.price, s.cost
       FROM listings_skus s JOIN listings_products p ON p.id = s.product_id
      WHERE s.id IN (${skuIds.map(() => '?').join(', ')})`,
    [...skuIds],
  );
  for (const row of rows) map.set(row.skuId, row);
  return map;
}
