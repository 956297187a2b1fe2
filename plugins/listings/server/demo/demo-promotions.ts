import type { Transaction } from '@workbench/plugin-api';
import { shiftDays } from './demo-time.js';

/** Codes that read well aloud over 旺旺: no 0/O or 1/I. */
const DEMO_CODES = ['QJ8K2M7P', 'HW4N9TXC', 'RB6D3YKF', 'MZ7P5GUA', 'TC2X8LVE', 'KP9F4SWN'];

/**
 * The demo shop's promotions: a shop-wide 满减, 95折 on trousers, a 10 元 coupon with codes out,
 * and a campaign still in draft for the coats.
 */
export async function fillDemoPromotions(tx: Transaction, now: string, refs: { bottomsCategoryId: number; campaignProductIds: number[] }): Promise<void> {
  const start = shiftDays(now, -2);
  const end = shiftDays(now, 20);
  const promotion = (name: string, kind: string, rule: unknown, scope: unknown) =>
    tx.run(
      'INSERT INTO listings_promotions (name, kind, rule, scope, starts_at, ends_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [name, kind, JSON.stringify(rule), JSON.stringify(scope), start, end, start, start],
    );
  await promotion('全店满 199 减 20，满 299 减 40', 'full-reduction', { kind: 'full-reduction', tiers: [{ threshold: 19900, amount: 2000 }, { threshold: 29900, amount: 4000 }] }, {});
  await promotion('裤装 95 折', 'percent', { kind: 'percent', percent: 95 }, { categoryIds: [refs.bottomsCategoryId] });

  const validUntil = shiftDays(now, 15);
  const { lastId: couponId } = await tx.run(
    'INSERT INTO listings_coupons (name, face_value, threshold, product_ids, valid_from, valid_until, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ['新客 10 元券（满 99 可用）', 1000, 9900, '[]', now, validUntil, now],
  );
  for (const [i, code] of DEMO_CODES.entries()) {
    const used = i === 0;
    await tx.run(
      'INSERT INTO listings_coupon_codes (code, coupon_id, status, issued_at, expires_at, used_at, order_ref) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [code, couponId, used ? 'used' : 'issued', now, validUntil, used ? now : null, used ? '3617204859120447' : null],
    );
  }

  const { lastId: campaignId } = await tx.run(
    'INSERT INTO listings_campaigns (name, kind, starts_at, ends_at, forecast_sales, same_period_sales, cost, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ['双十二外套专场', '双十二', shiftDays(now, 10), shiftDays(now, 13), 3_000_000, 1_200_000, 300_000, now, now],
  );
  for (const productId of refs.campaignProductIds) {
    await tx.run('INSERT INTO listings_campaign_products (campaign_id, product_id) VALUES (?, ?)', [campaignId, productId]);
  }
}
