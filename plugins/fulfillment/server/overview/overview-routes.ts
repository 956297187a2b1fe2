import type { JsonSchema, PluginContext } from '@workbench/plugin-api';
import { fulfillmentSettings } from '../settings.js';
import { overviewFigures, type Overview } from './overview-figures.js';

const count: JsonSchema = { type: 'integer', minimum: 0 };
const dayFigures: JsonSchema = {
  type: 'object',
  properties: { day: { type: 'string' }, paidOrders: count, paidAmount: count, shipped: count },
  required: ['day', 'paidOrders', 'paidAmount', 'shipped'],
};

/** `GET /overview`: the figures of the owner's home page. */
export function addOverviewRoutes(ctx: PluginContext): void {
  ctx.routes.add<Record<string, string>, Record<string, unknown>, undefined, Overview>({
    method: 'get',
    path: '/overview',
    permission: 'fulfillment.sales.read',
    summary: {
      'zh-CN': '首页数字：今日付款订单与销售额、今日发货、待审核、付款超时未发货，及近 30 天每天的数字',
      en: 'Home figures: orders paid and sales today, shipped today, awaiting review, paid but not shipped in time, and each of the last 30 days',
    },
    response: {
      type: 'object',
      properties: {
        day: { type: 'string' },
        today: dayFigures,
        pendingReview: count,
        overdue: { type: 'object', properties: { hours: count, count, before: { type: 'string' } }, required: ['hours', 'count', 'before'] },
        days: { type: 'array', items: dayFigures },
      },
      required: ['day', 'today', 'pendingReview', 'overdue', 'days'],
    },
    handler: () => ctx.db.read((q) => overviewFigures(q, ctx, fulfillmentSettings(ctx).shipping.overdueAfterHours)),
  });
}
