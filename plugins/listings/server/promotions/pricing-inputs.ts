// Everything the engine needs for one cart, read from the database: the SKUs with their product
// and category (and the running campaign's price, a discount on the everyday price), the promotions live at `at` that
// touch the cart, and the presented coupon.
import { InputError, type Queryable } from '@workbench/plugin-api';
import type { CartInput, Coupon, CouponCode, Promotion } from '../types.js';
import type { SkuRow } from '../catalog/product-store.js';
import type { EngineSku } from './candidates.js';
import { couponCodeFromRow, couponFromRow, couponStore } from './coupon-store.js';
import { promotionStore } from './promotion-store.js';

export interface PricingInputs {
  skus: Map<number, EngineSku>;
  promotions: Promotion[];
  coupon?: { coupon: Coupon; code: CouponCode };
  /** A coupon code was given but no coupon has it. */
  unknownCoupon?: string;
}

/** A SKU row with its product's and category's facts; those are null for a SKU without a product. */
type SkuFacts = Pick<SkuRow, 'id' | 'product_id' | 'code' | 'attributes' | 'price' | 'cost' | 'needs_completing'> & {
  title: string | null;
  status: string | null;
  category_id: number | null;
  parent_id: number | null;
};

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** A line title a clerk recognises: the product title with the SKU's colour and size. */
function titleOf(row: SkuFacts): string {
  const values = Object.values(JSON.parse(row.attributes) as Record<string, string>).filter((v) => v !== '');
  return values.length ? `${row.title ?? row.code} ${values.join(' ')}` : (row.title ?? row.code);
}

async function readSkus(q: Queryable, ids: readonly number[]): Promise<Map<number, SkuFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await q.all<SkuFacts>(
    `SELECT s.id, s.product_id, s.code, s.attributes, s.price, s.cost, s.needs_completing, p.title, p.status, p.category_id, c.parent_id
     FROM listings_skus s
     LEFT JOIN listings_products p ON p.id = s.product_id
     LEFT JOIN listings_categories c ON c.id = p.category_id
     WHERE s.id IN (${placeholders(ids.length)})`,
    [...ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** The engine's view of a SKU that has a product, at `price`. */
function engineSku(row: SkuFacts & { product_id: number }, price: number): EngineSku {
  return {
    skuId: row.id,
    productId: row.product_id,
    categoryId: row.category_id,
    parentCategoryId: row.parent_id,
    code: row.code,
    title: titleOf(row),
    price,
    cost: row.cost,
    listed: row.status === 'listed',
  };
}

const hasProduct = (row: SkuFacts): row is SkuFacts & { product_id: number } => row.product_id !== null;

/**
 * The engine's view of these SKUs at their everyday prices, built as `POST /price` builds it;
 * SKUs without a product are left out. For checks that price carts of their own.
 */
export async function readEngineSkus(q: Queryable, skuIds: readonly number[]): Promise<Map<number, EngineSku>> {
  const skus = new Map<number, EngineSku>();
  for (const row of (await readSkus(q, [...new Set(skuIds)])).values()) if (hasProduct(row)) skus.set(row.id, engineSku(row, row.price));
  return skus;
}

type CampaignPrice = NonNullable<EngineSku['campaign']>;

/** The lowest campaign price per SKU among the campaigns running at `atMs`. */
async function campaignPrices(q: Queryable, ids: number[], atMs: number): Promise<Map<number, CampaignPrice>> {
  const prices = new Map<number, CampaignPrice>();
  if (ids.length === 0) return prices;
  const rows = await q.all<{ sku_id: number; price: number; campaign_id: number; name: string; starts_at: string; ends_at: string }>(
    `SELECT cp.sku_id, cp.price, c.id AS campaign_id, c.name, c.starts_at, c.ends_at
     FROM listings_campaign_prices cp JOIN listings_campaigns c ON c.id = cp.campaign_id
     WHERE c.status = 'running' AND cp.sku_id IN (${placeholders(ids.length)})`,
    ids,
  );
  for (const r of rows) {
    if (Date.parse(r.starts_at) > atMs || atMs >= Date.parse(r.ends_at)) continue;
    const known = prices.get(r.sku_id);
    if (known === undefined || r.price < known.price || (r.price === known.price && r.campaign_id < known.campaignId)) {
      prices.set(r.sku_id, { campaignId: r.campaign_id, name: r.name, price: r.price });
    }
  }
  return prices;
}

/** Does the promotion name anything in the cart? Others would only add noise to the explanation. */
function touches(p: Promotion, skuIds: Set<number>, productIds: Set<number>, categoryIds: Set<number>): boolean {
  if (p.rule.kind === 'bundle') return p.rule.skuIds.some((id) => skuIds.has(id));
  const products = p.scope.productIds ?? [];
  const categories = p.scope.categoryIds ?? [];
  if (products.length === 0 && categories.length === 0) return true;
  return products.some((id) => productIds.has(id)) || categories.some((id) => categoryIds.has(id));
}

/**
 * Reads the inputs for `cart` at `at`. An unknown SKU, or a stub nobody has completed yet, is a
 * 400 naming its line (`/lines/2/skuId`).
 */
export async function loadPricingInputs(q: Queryable, cart: CartInput, at: string): Promise<PricingInputs> {
  const atMs = Date.parse(at);
  const lineIds = [...new Set(cart.lines.map((l) => l.skuId))];
  const facts = await readSkus(q, lineIds);
  const problems = cart.lines.flatMap((line, i) => {
    const row = facts.get(line.skuId);
    if (!row) return [{ path: `/lines/${i}/skuId`, in: 'body', message: `SKU #${line.skuId} 不存在` }];
    if (row.product_id === null || row.needs_completing === 1) return [{ path: `/lines/${i}/skuId`, in: 'body', message: `${row.code} 待完善` }];
    return [];
  });
  if (problems.length > 0) {
    throw new InputError(
      { 'zh-CN': '购物车里有不存在或还没补全商品和价格的 SKU，请检查标出的行', en: 'Some cart lines name SKUs that do not exist or are not completed yet' },
      { errors: problems },
    );
  }
  const productIds = new Set([...facts.values()].map((r) => r.product_id!));
  const categoryIds = new Set([...facts.values()].flatMap((r) => [r.category_id, r.parent_id].filter((c): c is number => c !== null)));
  const promotions = (await promotionStore(q).live()).filter(
    (p) => Date.parse(p.startsAt) <= atMs && atMs < Date.parse(p.endsAt) && touches(p, new Set(lineIds), productIds, categoryIds),
  );
  // Gift and bundle SKUs are read too: the explanation names them and a gift's cost counts.
  const extraIds = promotions.flatMap((p) => (p.rule.kind === 'full-gift' ? [p.rule.giftSkuId] : p.rule.kind === 'bundle' ? p.rule.skuIds : [])).filter((id) => !facts.has(id));
  for (const [id, row] of await readSkus(q, [...new Set(extraIds)])) facts.set(id, row);
  const campaign = await campaignPrices(q, [...facts.keys()], atMs);
  const skus = new Map<number, EngineSku>();
  for (const row of facts.values()) {
    if (!hasProduct(row)) continue;
    const sku = engineSku(row, row.price);
    const running = campaign.get(row.id);
    skus.set(row.id, running ? { ...sku, campaign: running } : sku);
  }
  const result: PricingInputs = { skus, promotions };
  if (cart.couponCode !== undefined && cart.couponCode.trim() !== '') {
    const found = await couponStore(q).code(cart.couponCode);
    if (found) result.coupon = { coupon: couponFromRow(found.coupon), code: couponCodeFromRow(found.code, found.coupon, atMs) };
    else result.unknownCoupon = cart.couponCode.trim().toUpperCase();
  }
  return result;
}
