import { InputError, type PluginContext, type Queryable } from '@workbench/plugin-api';
import { productStore } from '../catalog/product-store.js';
import { couponStore } from '../promotions/coupon-store.js';
import { readEngineSkus } from '../promotions/pricing-inputs.js';
import { promotionStore } from '../promotions/promotion-store.js';
import { lowestPrice } from './lowest-price.js';
import { stackingPolicy } from '../promotions/settings.js';
import { listingsSettings } from '../settings.js';
import { CAMPAIGN_SCHEMAS } from './campaign-schemas.js';
import { def, ID_PARAMS, ref } from '../shared/schema-refs.js';
import { priceTag } from '../shared/money.js';
import { windowsOverlap } from '../shared/time.js';

const PERMISSION = 'listings.campaigns.run';

/** A ratio in percent with at most one decimal (0.4567 → 45.7), as the answer and its message show it. */
const percentOf = (ratio: number) => Math.round(ratio * 1000) / 10;

export interface CommissionWarning {
  skuId: number;
  code: string;
  price: number;
  cost: number;
  lowestPrice: number;
  marginPercent: number;
  discountPercent: number;
  commissionPercent: number;
  /** The campaign whose price reaches the lowest price, or null for the everyday price. */
  campaignId: number | null;
  message: { 'zh-CN': string; en: string };
}

export interface CommissionAnswer {
  productId: number;
  commissionPercent: number;
  version: number;
  warnings: CommissionWarning[];
}

interface Deepest {
  lowest: number;
  campaignId: number | null;
  campaignName: string | null;
}

/**
 * The lowest price per piece each SKU of the product can reach from now on: at its everyday price
 * under every promotion and coupon still to come, and at each campaign price of a campaign not
 * closed out, within that campaign's window.
 */
async function deepestPrices(ctx: PluginContext, q: Queryable, productId: number): Promise<Map<number, Deepest>> {
  const now = ctx.now();
  const promotions = (await promotionStore(q).live()).filter((p) => Date.parse(p.endsAt) > Date.parse(now));
  const coupons = (await couponStore(q).all()).filter((c) => Date.parse(c.validUntil) > Date.parse(now));
  const horizon = new Date(Math.max(Date.parse(now) + 1, ...promotions.map((p) => Date.parse(p.endsAt)), ...coupons.map((c) => Date.parse(c.validUntil)))).toISOString();
  const skus = await productStore(q).skus(productId);
  const giftIds = promotions.flatMap((p) => (p.rule.kind === 'full-gift' ? [p.rule.giftSkuId] : []));
  const priced = await readEngineSkus(q, [...skus.map((s) => s.id), ...giftIds]);
  const campaignPrices = await q.all<{ sku_id: number; price: number; campaign_id: number; name: string; starts_at: string; ends_at: string }>(
    `SELECT cp.sku_id, cp.price, c.id AS campaign_id, c.name, c.starts_at, c.ends_at
       FROM listings_campaign_prices cp JOIN listings_campaigns c ON c.id = cp.campaign_id
      WHERE c.status <> 'closed' AND cp.sku_id IN (SELECT id FROM listings_skus WHERE product_id = ?)`,
    [productId],
  );
  const policy = stackingPolicy(ctx);
  const result = new Map<number, Deepest>();
  for (const sku of skus) {
    const base = priced.get(sku.id);
    if (!base) continue;
    const options = [{ price: sku.price, from: now, to: horizon, campaignId: null as number | null, campaignName: null as string | null }];
    for (const c of campaignPrices.filter((c) => c.sku_id === sku.id && Date.parse(c.ends_at) > Date.parse(now))) {
      const from = Date.parse(c.starts_at) > Date.parse(now) ? c.starts_at : now;
      options.push({ price: c.price, from, to: c.ends_at, campaignId: c.campaign_id, campaignName: c.name });
    }
    let best: Deepest = { lowest: sku.price, campaignId: null, campaignName: null };
    for (const option of options) {
      const within = (start: string, end: string) => windowsOverlap(start, end, option.from, option.to);
      const { lowest } = lowestPrice({
        sku: option.campaignId === null ? base : { ...base, campaign: { campaignId: option.campaignId, name: option.campaignName ?? '', price: option.price } },
        others: priced,
        promotions: promotions.filter((p) => within(p.startsAt, p.endsAt)),
        coupons: coupons.filter((c) => within(c.validFrom, c.validUntil)),
        policy,
        from: option.from,
        to: option.to,
      });
      if (lowest.unitPrice < best.lowest) best = { lowest: lowest.unitPrice, campaignId: option.campaignId, campaignName: option.campaignName };
    }
    result.set(sku.id, best);
  }
  return result;
}

/**
 * Warnings for SKUs where the commission plus the deepest discount the SKU can get takes more
 * than its margin (price − cost) / price: every such sale through 淘宝客 loses money.
 */
async function commissionWarnings(ctx: PluginContext, q: Queryable, productId: number, percent: number): Promise<CommissionWarning[]> {
  const deepest = await deepestPrices(ctx, q, productId);
  const warnings: CommissionWarning[] = [];
  for (const sku of await productStore(q).skus(productId)) {
    const d = deepest.get(sku.id);
    if (!d || sku.price <= 0) continue;
    const margin = (sku.price - sku.cost) / sku.price;
    const discount = (sku.price - d.lowest) / sku.price;
    if (percent / 100 + discount <= margin) continue;
    const via = d.campaignName ? `，活动「${d.campaignName}」` : '';
    const viaEn = d.campaignName ? `, campaign “${d.campaignName}”` : '';
    warnings.push({
      skuId: sku.id,
      code: sku.code,
      price: sku.price,
      cost: sku.cost,
      lowestPrice: d.lowest,
      marginPercent: percentOf(margin),
      discountPercent: percentOf(discount),
      commissionPercent: percent,
      campaignId: d.campaignId,
      message: {
        'zh-CN': `${sku.code}：佣金 ${percent}% 加上最大折扣 ${percentOf(discount)}%（最低 ${priceTag(d.lowest)}${via}）超过了毛利率 ${percentOf(margin)}%（售价 ${priceTag(sku.price)}，成本 ${priceTag(sku.cost)}）`,
        en: `${sku.code}: a ${percent}% commission plus the deepest discount of ${percentOf(discount)}% (lowest ${priceTag(d.lowest)}${viaEn}) exceeds the margin of ${percentOf(margin)}% (price ${priceTag(sku.price)}, cost ${priceTag(sku.cost)})`,
      },
    });
  }
  return warnings;
}

/** `PUT /products/:id/commission`: the product's 淘宝客 commission. */
export function addCommissionRoute(ctx: PluginContext): void {
  ctx.routes.add<{ id: number }, Record<string, unknown>, { percent: number; version: number }, CommissionAnswer>({
    method: 'put',
    path: '/products/:id/commission',
    permission: PERMISSION,
    summary: { 'zh-CN': '设置淘宝客佣金', en: 'Set the affiliate (淘宝客) commission' },
    description: {
      'zh-CN': '不能超过设置里的上限（默认 70%）。佣金加上 SKU 能拿到的最大折扣超过毛利率时，回答里带 warnings。',
      en: 'At most the limit in the settings (70 % by default). The answer carries warnings when commission plus the deepest discount exceeds a SKU’s margin.',
    },
    params: ID_PARAMS,
    body: {
      type: 'object',
      properties: { percent: { type: 'number', minimum: 0, maximum: 100 }, version: def('version') },
      required: ['percent', 'version'],
      additionalProperties: false,
    },
    response: ref(CAMPAIGN_SCHEMAS.commission),
    action: 'set commission',
    handler: ({ params, body }) => {
      const limit = listingsSettings(ctx).promotions.maxCommissionPercent;
      if (body.percent > limit) {
        throw new InputError(
          { 'zh-CN': `淘宝客佣金最多 ${limit}%，${body.percent}% 超过了上限`, en: `The affiliate commission is at most ${limit} %; ${body.percent} % is above the limit` },
          { errors: [{ path: '/percent', in: 'body', message: `≤ ${limit}` }] },
        );
      }
      return ctx.db.transaction(async (tx) => {
        await productStore(tx).require(params.id);
        const version = await tx.updateVersioned('listings_products', { id: params.id, version: body.version }, { commission_percent: body.percent, updated_at: ctx.now() });
        return { productId: params.id, commissionPercent: body.percent, version, warnings: await commissionWarnings(ctx, tx, params.id, body.percent) };
      });
    },
  });
}
