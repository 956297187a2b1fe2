import { ForbiddenError, InputError, NotFoundError, type Actor, type PluginContext, type Transaction } from '@workbench/plugin-api';
import { campaignStore } from './campaign-store.js';
import { assertStatus, PREPARING } from './campaign-status.js';
import { refreshPricingStatus } from './campaign-writes.js';
import { CAMPAIGN_SCHEMAS } from './campaign-schemas.js';
import { def, ref } from '../shared/schema-refs.js';
import type { Campaign, CampaignPrice } from './campaign-types.js';

const PERMISSION = 'listings.campaigns.run';
const VERSION_BODY = { type: 'object', properties: { version: def('version') }, required: ['version'], additionalProperties: false };

interface PricesBody {
  version: number;
  prices: { skuId: number; price: number }[];
}

/** The same person may not confirm a price they set: that is the whole point of 二次核对. */
function refuseOwnPrices(own: readonly CampaignPrice[]): void {
  if (own.length === 0) return;
  const codes = own.map((p) => p.code).join('、');
  throw new ForbiddenError(
    {
      'zh-CN': `${codes} 的活动价是你自己设的，二次核对要由另一位同事来做`,
      en: `You set the campaign price of ${codes}; the second check must be done by someone else`,
    },
    { errors: own.map((p) => ({ path: `/prices/${p.skuId}`, in: 'params', message: 'set by you' })) },
  );
}

/** Campaign prices and their second check (二次核对). */
export function addPriceRoutes(ctx: PluginContext): void {
  const markConfirmed = async (tx: Transaction, actor: Actor, campaignId: number, skuIds: readonly number[], version: number) => {
    await tx.updateVersioned('listings_campaigns', { id: campaignId, version }, { updated_at: ctx.now() });
    for (const skuId of skuIds) {
      await tx.run('UPDATE listings_campaign_prices SET confirmed_by = ?, confirmed_at = ? WHERE campaign_id = ? AND sku_id = ?', [actor.id, ctx.now(), campaignId, skuId]);
    }
    await refreshPricingStatus(tx, campaignId);
    return campaignStore(tx).require(campaignId);
  };

  ctx.routes.add<{ id: number }, Record<string, unknown>, PricesBody, Campaign>({
    method: 'put',
    path: '/campaigns/:id/prices',
    permission: PERMISSION,
    summary: { 'zh-CN': '设置活动价', en: 'Set campaign prices' },
    description: {
      'zh-CN': '只改列出的 SKU。改了价格的 SKU 要重新二次核对，活动回到“已定价（待核对）”；所有 SKU 都有活动价后进入该状态。',
      en: 'Only the listed SKUs change. A changed price needs its second check again and the campaign goes back to prices-set; it reaches that state once every SKU has a price.',
    },
    params: { type: 'object', properties: { id: def('id') }, required: ['id'] },
    body: {
      type: 'object',
      properties: {
        version: def('version'),
        prices: {
          type: 'array',
          minItems: 1,
          maxItems: 2000,
          items: { type: 'object', properties: { skuId: def('id'), price: { allOf: [def('price'), { minimum: 1 }] } }, required: ['skuId', 'price'], additionalProperties: false },
        },
      },
      required: ['version', 'prices'],
      additionalProperties: false,
    },
    response: ref(CAMPAIGN_SCHEMAS.campaign),
    action: 'set campaign prices',
    handler: ({ params, body, actor }) =>
      ctx.db.transaction(async (tx) => {
        const campaign = await campaignStore(tx).require(params.id);
        assertStatus(campaign, PREPARING, { 'zh-CN': '改活动价', en: 'have its prices changed' });
        const skus = new Set((await campaignStore(tx).skus(campaign.productIds)).map((s) => s.skuId));
        const strangers = body.prices.map((p, i) => ({ ...p, i })).filter((p) => !skus.has(p.skuId));
        if (strangers.length > 0) {
          throw new InputError(
            {
              'zh-CN': `SKU ${strangers.map((s) => `#${s.skuId}`).join('、')} 不属于这个活动的商品，请先把它的商品加进活动`,
              en: `SKU ${strangers.map((s) => `#${s.skuId}`).join(', ')} does not belong to this campaign's products; add its product first`,
            },
            { errors: strangers.map((s) => ({ path: `/prices/${s.i}/skuId`, in: 'body', message: `#${s.skuId}` })) },
          );
        }
        await tx.updateVersioned('listings_campaigns', { id: params.id, version: body.version }, { updated_at: ctx.now() });
        const current = new Map(campaign.prices.map((p) => [p.skuId, p.price]));
        for (const { skuId, price } of body.prices) {
          // Re-sending the same figure keeps its confirmation; any other figure must be checked anew.
          if (current.get(skuId) === price) continue;
          await tx.run(
            `INSERT INTO listings_campaign_prices (campaign_id, sku_id, price, set_by, set_at, confirmed_by, confirmed_at)
             VALUES (?, ?, ?, ?, ?, NULL, NULL)
             ON CONFLICT (campaign_id, sku_id) DO UPDATE SET price = excluded.price, set_by = excluded.set_by, set_at = excluded.set_at,
               confirmed_by = NULL, confirmed_at = NULL`,
            [params.id, skuId, price, actor!.id, ctx.now()],
          );
        }
        await refreshPricingStatus(tx, params.id);
        return campaignStore(tx).require(params.id);
      }),
  });

  ctx.routes.add<{ id: number; skuId: number }, Record<string, unknown>, { version: number }, Campaign>({
    method: 'post',
    path: '/campaigns/:id/prices/:skuId/confirm',
    permission: PERMISSION,
    summary: { 'zh-CN': '核对一个活动价（二次核对）', en: 'Confirm one campaign price (second check)' },
    description: { 'zh-CN': '必须由设价以外的同事核对。', en: 'Someone other than the person who set the price must confirm it.' },
    params: { type: 'object', properties: { id: def('id'), skuId: def('id') }, required: ['id', 'skuId'] },
    body: VERSION_BODY,
    response: ref(CAMPAIGN_SCHEMAS.campaign),
    action: 'confirm campaign price',
    handler: ({ params, body, actor }) =>
      ctx.db.transaction(async (tx) => {
        const campaign = await campaignStore(tx).require(params.id);
        assertStatus(campaign, ['prices-set'], { 'zh-CN': '核对活动价', en: 'have its prices confirmed' });
        const price = campaign.prices.find((p) => p.skuId === params.skuId);
        if (!price) {
          throw new NotFoundError({ 'zh-CN': `SKU #${params.skuId} 在这个活动里还没有活动价`, en: `SKU #${params.skuId} has no campaign price in this campaign` });
        }
        if (price.confirmedBy !== null) return campaign;
        refuseOwnPrices(price.setBy === actor!.id ? [price] : []);
        return markConfirmed(tx, actor!, params.id, [params.skuId], body.version);
      }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { version: number }, Campaign>({
    method: 'post',
    path: '/campaigns/:id/prices/confirm-all',
    permission: PERMISSION,
    summary: { 'zh-CN': '核对全部活动价（二次核对）', en: 'Confirm every campaign price (second check)' },
    description: {
      'zh-CN': '确认看过的版本里所有待核对的价格；其中有自己设的价格时整批拒绝。',
      en: 'Confirms every price awaiting its check in the version you reviewed; refused as a whole when any of them is your own.',
    },
    params: { type: 'object', properties: { id: def('id') }, required: ['id'] },
    body: VERSION_BODY,
    response: ref(CAMPAIGN_SCHEMAS.campaign),
    action: 'confirm all campaign prices',
    handler: ({ params, body, actor }) =>
      ctx.db.transaction(async (tx) => {
        const campaign = await campaignStore(tx).require(params.id);
        assertStatus(campaign, ['prices-set'], { 'zh-CN': '核对活动价', en: 'have its prices confirmed' });
        const open = campaign.prices.filter((p) => p.confirmedBy === null);
        refuseOwnPrices(open.filter((p) => p.setBy === actor!.id));
        return markConfirmed(tx, actor!, params.id, open.map((p) => p.skuId), body.version);
      }),
  });
}
