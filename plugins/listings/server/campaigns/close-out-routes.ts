import { InputError, NotFoundError, type PluginContext, type SqlValue } from '@workbench/plugin-api';
import { InventoryToken } from '../tokens.js';
import { campaignStore } from './campaign-store.js';
import { CAMPAIGN_SALES_SCHEMA, campaignSales } from './close-out-sales.js';
import { assertStatus } from './campaign-status.js';
import { CAMPAIGN_SCHEMAS } from './campaign-schemas.js';
import { def, ID_PARAMS, nullable, ref } from '../shared/schema-refs.js';
import { buildReport, type CampaignReport, type SalesInput } from './close-out-report.js';

const PERMISSION = 'listings.campaigns.run';
const pieces = { type: 'integer', minimum: 0, maximum: 10_000_000 };

interface CloseOutBody {
  version: number;
  sales?: SalesInput[];
  forecastSales?: number | null;
  samePeriodSales?: number | null;
  cost?: number | null;
}

/**
 * Refuses sales lines for SKUs outside the campaign, or the same SKU twice; and sold figures
 * typed in while fulfillment's orders count them (`fromOrders`), or missing while they do not.
 */
function checkSales(sales: readonly SalesInput[], skuIds: ReadonlySet<number>, fromOrders: boolean): void {
  const seen = new Set<number>();
  const wrong = sales.flatMap((s, i) => {
    const problem = !skuIds.has(s.skuId) ? '不在这个活动里' : seen.has(s.skuId) ? '重复了' : null;
    seen.add(s.skuId);
    if (problem) return [{ path: `/sales/${i}/skuId`, in: 'body', message: `#${s.skuId} ${problem}` }];
    if (fromOrders && (s.qty !== undefined || s.amount !== undefined)) {
      return [{ path: `/sales/${i}/${s.qty !== undefined ? 'qty' : 'amount'}`, in: 'body', message: `#${s.skuId} 的销量和销售额由“订单与仓储”的订单统计，不用填` }];
    }
    if (!fromOrders && (s.qty === undefined || s.amount === undefined)) {
      return [{ path: `/sales/${i}/${s.qty === undefined ? 'qty' : 'amount'}`, in: 'body', message: `#${s.skuId} 要填卖出件数和销售额` }];
    }
    return [];
  });
  if (wrong.length === 0) return;
  throw new InputError(
    {
      'zh-CN': `销售数据有误：${wrong.map((w) => w.message).join('，')}`,
      en: fromOrders
        ? 'Some sales lines name SKUs outside the campaign or one SKU twice, or give sold figures, which come from the Fulfillment plugin’s orders'
        : 'Some sales lines name SKUs outside the campaign or one SKU twice, or lack the pieces sold and the takings',
    },
    { errors: wrong },
  );
}

/** Close-out (复盘): ended → closed, keeping the report on the campaign. */
export function addCloseOutRoutes(ctx: PluginContext): void {
  ctx.routes.add<{ id: number }, Record<string, unknown>, CloseOutBody, CampaignReport>({
    method: 'post',
    path: '/campaigns/:id/close-out',
    permission: PERMISSION,
    summary: { 'zh-CN': '活动复盘：核对销量与库存，算投入产出比', en: 'Close out a campaign: sales against stock, and its return' },
    description: {
      'zh-CN': '销量和销售额从“订单与仓储”的订单统计（活动开始到结束之间付款、未关闭的订单），库存也从那里取；没有这个插件时用这里填的数字。预估销售额、同期销售额和费用不填就用活动上的。',
      en: 'Sold pieces and takings come from fulfillment’s orders (paid between the campaign’s start and end, not closed) and stock from its inventory when it runs; else from the figures given here. Forecast, same-period sales and cost default to the campaign’s own.',
    },
    params: ID_PARAMS,
    body: {
      type: 'object',
      properties: {
        version: def('version'),
        sales: {
          type: 'array',
          maxItems: 2000,
          items: {
            type: 'object',
            properties: { skuId: def('id'), qty: pieces, amount: def('price'), stockAtStart: pieces, leftover: pieces },
            required: ['skuId'],
            additionalProperties: false,
          },
        },
        forecastSales: nullable(def('price')),
        samePeriodSales: nullable(def('price')),
        cost: nullable(def('price')),
      },
      required: ['version'],
      additionalProperties: false,
    },
    response: ref(CAMPAIGN_SCHEMAS.report),
    action: 'close out campaign',
    handler: async ({ params, body, actor }) => {
      const inventory = ctx.services.optional(InventoryToken);
      // Asked before the transaction, so a slow inventory or order count never holds up other writes.
      const skuIds = await ctx.db.read(async (q) => (await campaignStore(q).skus(await campaignStore(q).productIds(params.id))).map((s) => s.skuId));
      const inventoryNow = inventory ? await inventory.available(skuIds) : new Map<number, number>();
      const counted = await campaignSales(ctx, params.id, skuIds);
      const sold = counted.available ? new Map(counted.skus.map((s) => [s.skuId, s])) : undefined;
      const window = counted.window ?? undefined;
      return ctx.db.transaction(async (tx) => {
        const campaign = await campaignStore(tx).require(params.id);
        assertStatus(campaign, ['ended'], { 'zh-CN': '复盘', en: 'be closed out' });
        const skus = await campaignStore(tx).skus(campaign.productIds);
        const sales = body.sales ?? [];
        checkSales(sales, new Set(skus.map((s) => s.skuId)), sold !== undefined);
        const atStart = await tx.all<{ sku_id: number; stock_at_start: number }>('SELECT sku_id, stock_at_start FROM listings_campaign_stock WHERE campaign_id = ?', [campaign.id]);
        const closedAt = ctx.now();
        const report = buildReport({
          campaignId: campaign.id,
          closedAt,
          closedBy: actor!.id,
          skus,
          campaignPrices: new Map(campaign.prices.map((p) => [p.skuId, p.price])),
          sales,
          ...(sold && window ? { sold, salesWindow: window } : {}),
          inventoryAtStart: new Map(atStart.map((r) => [r.sku_id, r.stock_at_start])),
          inventoryNow,
          forecastSales: body.forecastSales !== undefined ? body.forecastSales : campaign.forecastSales,
          samePeriodSales: body.samePeriodSales !== undefined ? body.samePeriodSales : campaign.samePeriodSales,
          cost: body.cost !== undefined ? body.cost : campaign.cost,
        });
        const changes: Record<string, SqlValue> = {
          status: 'closed',
          report: JSON.stringify(report),
          forecast_sales: report.forecastSales,
          same_period_sales: report.samePeriodSales,
          cost: report.cost,
          closed_at: closedAt,
          closed_by: actor!.id,
          updated_at: closedAt,
        };
        await tx.updateVersioned('listings_campaigns', { id: campaign.id, version: body.version }, changes);
        return report;
      });
    },
  });

  ctx.routes.add({
    method: 'get',
    path: '/campaigns/:id/sales',
    permission: PERMISSION,
    summary: { 'zh-CN': '活动销量（从订单统计）', en: 'A campaign’s sales, counted from the orders' },
    description: {
      'zh-CN': '“订单与仓储”运行时，活动开始到结束之间付款、未关闭的订单里每个 SKU 的件数和销售额，复盘就用这些数字',
      en: 'When fulfillment runs: per SKU the pieces and takings of orders paid between the campaign’s start and end, not closed — the figures the close-out uses',
    },
    params: ID_PARAMS,
    response: CAMPAIGN_SALES_SCHEMA,
    handler: async ({ params }: { params: { id: number } }) => {
      const skuIds = await ctx.db.read(async (q) => {
        await campaignStore(q).require(params.id);
        return (await campaignStore(q).skus(await campaignStore(q).productIds(params.id))).map((s) => s.skuId);
      });
      return campaignSales(ctx, params.id, skuIds);
    },
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, CampaignReport>({
    method: 'get',
    path: '/campaigns/:id/report',
    permission: PERMISSION,
    summary: { 'zh-CN': '活动复盘报告', en: 'A campaign’s close-out report' },
    params: ID_PARAMS,
    response: ref(CAMPAIGN_SCHEMAS.report),
    handler: ({ params }) =>
      ctx.db.read(async (q) => {
        const row = await campaignStore(q).row(params.id);
        if (!row) await campaignStore(q).require(params.id);
        if (!row?.report) {
          throw new NotFoundError({ 'zh-CN': '这个活动还没有复盘，结束后先做复盘', en: 'This campaign has not been closed out yet; close it out once it has ended' });
        }
        return JSON.parse(row.report) as CampaignReport;
      }),
  });
}
