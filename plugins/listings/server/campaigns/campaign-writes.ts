import { InputError, type Transaction } from '@workbench/plugin-api';
import { campaignStore } from './campaign-store.js';
import { PREPARING, pricingStatus } from './campaign-status.js';

/** Refuses ids that name no row, listing each missing one at its place in the body. */
async function requireRows(tx: Transaction, table: 'listings_products' | 'listings_coupons', ids: readonly number[], field: string): Promise<void> {
  const missing: { path: string; in: string; message: string }[] = [];
  for (const [i, id] of ids.entries()) {
    if (!(await tx.get(`SELECT 1 AS found FROM ${table} WHERE id = ?`, [id]))) missing.push({ path: `/${field}/${i}`, in: 'body', message: `#${id}` });
  }
  if (missing.length === 0) return;
  const what = table === 'listings_products' ? { zh: '商品', en: 'products' } : { zh: '优惠券', en: 'coupons' };
  const list = missing.map((m) => m.message).join('、');
  throw new InputError(
    { 'zh-CN': `没有找到这些${what.zh}：${list}，请重新选择`, en: `These ${what.en} were not found: ${list}; choose again` },
    { errors: missing },
  );
}

/**
 * Replaces the campaign's products; campaign prices of SKUs that left the campaign go with them,
 * so a product taken out and put back is priced (and checked) afresh.
 */
export async function setProducts(tx: Transaction, campaignId: number, productIds: readonly number[]): Promise<void> {
  const unique = [...new Set(productIds)];
  await requireRows(tx, 'listings_products', unique, 'productIds');
  await tx.run('DELETE FROM listings_campaign_products WHERE campaign_id = ?', [campaignId]);
  for (const id of unique) await tx.run('INSERT INTO listings_campaign_products (campaign_id, product_id) VALUES (?, ?)', [campaignId, id]);
  await tx.run(
    `DELETE FROM listings_campaign_prices WHERE campaign_id = ?
        AND sku_id NOT IN (SELECT s.id FROM listings_skus s JOIN listings_campaign_products cp ON cp.product_id = s.product_id WHERE cp.campaign_id = ?)`,
    [campaignId, campaignId],
  );
}

/** Replaces the coupons the campaign uses. */
export async function setCoupons(tx: Transaction, campaignId: number, couponIds: readonly number[]): Promise<void> {
  const unique = [...new Set(couponIds)];
  await requireRows(tx, 'listings_coupons', unique, 'couponIds');
  await tx.run('DELETE FROM listings_campaign_coupons WHERE campaign_id = ?', [campaignId]);
  for (const id of unique) await tx.run('INSERT INTO listings_campaign_coupons (campaign_id, coupon_id) VALUES (?, ?)', [campaignId, id]);
}

/**
 * Moves a campaign that is still being prepared to the state its prices call for (see
 * `pricingStatus`); a campaign past preparation keeps its state.
 */
export async function refreshPricingStatus(tx: Transaction, campaignId: number): Promise<void> {
  const row = await campaignStore(tx).row(campaignId);
  if (!row || !PREPARING.includes(row.status)) return;
  const skus = await campaignStore(tx).skus(await campaignStore(tx).productIds(campaignId));
  const next = pricingStatus(skus.map((s) => s.skuId), await campaignStore(tx).prices(campaignId));
  if (next !== row.status) await tx.run('UPDATE listings_campaigns SET status = ? WHERE id = ?', [next, campaignId]);
}

/** Refuses a window that ends before (or when) it starts, naming both fields. */
export function assertWindowOrder(startsAt: string, endsAt: string): void {
  if (Date.parse(endsAt) > Date.parse(startsAt)) return;
  throw new InputError(
    { 'zh-CN': '活动的结束时间要晚于开始时间', en: 'The campaign must end after it starts' },
    { errors: [{ path: '/endsAt', in: 'body', message: `> ${startsAt}` }] },
  );
}
