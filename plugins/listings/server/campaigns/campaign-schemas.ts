import type { JsonSchema, PluginContext } from '@workbench/plugin-api';
import { def, nullable, ref } from '../shared/schema-refs.js';

const BASE = 'https://workbench.local/schemas/listings';

/** `$id`s of the campaigns area's record schemas (all prefixed `campaign-`). */
export const CAMPAIGN_SCHEMAS = {
  campaign: `${BASE}/campaign-record`,
  page: `${BASE}/campaign-page`,
  checks: `${BASE}/campaign-checks`,
  report: `${BASE}/campaign-report`,
  commission: `${BASE}/campaign-commission`,
  schedule: `${BASE}/campaign-schedule-run`,
} as const;

const both: JsonSchema = {
  type: 'object',
  properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } },
  required: ['zh-CN', 'en'],
  additionalProperties: false,
};
const ids: JsonSchema = { type: 'array', items: def('id') };
const status: JsonSchema = { enum: ['draft', 'prices-set', 'checked', 'scheduled', 'running', 'ended', 'closed'] };

const price: JsonSchema = {
  type: 'object',
  properties: {
    skuId: def('id'), productId: def('id'), code: { type: 'string' }, regularPrice: def('price'), cost: def('price'), price: def('price'),
    setBy: { type: 'integer' }, setAt: def('timestamp'), confirmedBy: nullable({ type: 'integer' }), confirmedAt: nullable(def('timestamp')),
  },
  required: ['skuId', 'productId', 'code', 'regularPrice', 'cost', 'price', 'setBy', 'setAt', 'confirmedBy', 'confirmedAt'],
  additionalProperties: false,
};

const campaign: JsonSchema = {
  $id: CAMPAIGN_SCHEMAS.campaign,
  type: 'object',
  properties: {
    id: def('id'), name: { type: 'string' }, kind: { type: 'string' }, startsAt: def('timestamp'), endsAt: def('timestamp'), status,
    productIds: ids, couponIds: ids, promotionIds: ids, prices: { type: 'array', items: price }, unpricedSkuIds: ids,
    forecastSales: nullable(def('money')), samePeriodSales: nullable(def('money')), cost: nullable(def('money')),
    hasReport: { type: 'boolean' }, closedAt: nullable(def('timestamp')), closedBy: nullable({ type: 'integer' }),
    version: def('version'), createdAt: def('timestamp'), updatedAt: def('timestamp'), createdBy: nullable({ type: 'integer' }),
  },
  required: ['id', 'name', 'kind', 'startsAt', 'endsAt', 'status', 'productIds', 'couponIds', 'promotionIds', 'prices', 'unpricedSkuIds',
    'forecastSales', 'samePeriodSales', 'cost', 'hasReport', 'closedAt', 'closedBy', 'version', 'createdAt', 'updatedAt', 'createdBy'],
  additionalProperties: false,
};

const page: JsonSchema = {
  $id: CAMPAIGN_SCHEMAS.page,
  allOf: [def('page'), { type: 'object', properties: { items: { type: 'array', items: ref(CAMPAIGN_SCHEMAS.campaign) } } }],
};

const detail: JsonSchema = {
  type: 'object',
  properties: {
    message: both, campaignId: def('id'), productId: def('id'), skuId: def('id'), couponId: def('id'),
    figures: { type: 'object', additionalProperties: { type: 'number' } },
  },
  required: ['message'],
  additionalProperties: false,
};

const checks: JsonSchema = {
  $id: CAMPAIGN_SCHEMAS.checks,
  type: 'object',
  properties: {
    campaignId: def('id'),
    checkedAt: def('timestamp'),
    passed: { type: 'boolean' },
    checks: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { enum: ['time-window', 'pages', 'coupons', 'stacking'] }, title: both, passed: { type: 'boolean' }, details: { type: 'array', items: detail } },
        required: ['id', 'title', 'passed', 'details'],
        additionalProperties: false,
      },
    },
  },
  required: ['campaignId', 'checkedAt', 'checks', 'passed'],
  additionalProperties: false,
};

const count = nullable({ type: 'integer' });
const reportSku: JsonSchema = {
  type: 'object',
  properties: {
    skuId: def('id'), code: { type: 'string' }, productId: def('id'), productTitle: { type: 'string' },
    regularPrice: def('price'), campaignPrice: nullable(def('price')), cost: def('price'),
    soldQty: { type: 'integer', minimum: 0 }, soldAmount: def('money'), soldSource: { enum: ['orders', 'entered', 'none'] },
    stockAtStart: count, stockAtStartSource: { enum: ['inventory', 'entered', 'unknown'] },
    leftover: count, leftoverSource: { enum: ['inventory', 'entered', 'computed', 'unknown'] },
    stockGap: count, reorder: count,
  },
  required: ['skuId', 'code', 'productId', 'productTitle', 'regularPrice', 'campaignPrice', 'cost', 'soldQty', 'soldAmount',
    'stockAtStart', 'stockAtStartSource', 'leftover', 'leftoverSource', 'stockGap', 'reorder'],
  additionalProperties: false,
};

const report: JsonSchema = {
  $id: CAMPAIGN_SCHEMAS.report,
  type: 'object',
  properties: {
    campaignId: def('id'), closedAt: def('timestamp'), closedBy: { type: 'integer' },
    skus: { type: 'array', items: reportSku },
    soldQty: { type: 'integer' }, soldAmount: def('money'), goodsCost: def('money'), grossProfit: def('money'), markdown: def('money'),
    forecastSales: nullable(def('money')), samePeriodSales: nullable(def('money')), cost: nullable(def('money')), netCost: nullable(def('money')),
    campaignReturn: {
      type: 'object',
      properties: { computed: { type: 'boolean' }, value: nullable({ type: 'number' }), actual: nullable({ type: 'number' }), reason: nullable(both) },
      required: ['computed', 'value', 'actual', 'reason'],
      additionalProperties: false,
    },
    reorderRule: both,
    salesWindow: nullable({ type: 'object', properties: { from: def('timestamp'), to: def('timestamp') }, required: ['from', 'to'], additionalProperties: false }),
  },
  required: ['campaignId', 'closedAt', 'closedBy', 'skus', 'soldQty', 'soldAmount', 'goodsCost', 'grossProfit', 'markdown',
    'forecastSales', 'samePeriodSales', 'cost', 'netCost', 'campaignReturn', 'reorderRule'],
  additionalProperties: false,
};

const commission: JsonSchema = {
  $id: CAMPAIGN_SCHEMAS.commission,
  type: 'object',
  properties: {
    productId: def('id'), commissionPercent: { type: 'number' }, version: def('version'),
    warnings: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          skuId: def('id'), code: { type: 'string' }, price: def('price'), cost: def('price'), lowestPrice: def('price'),
          marginPercent: { type: 'number' }, discountPercent: { type: 'number' }, commissionPercent: { type: 'number' },
          campaignId: nullable(def('id')), message: both,
        },
        required: ['skuId', 'code', 'price', 'cost', 'lowestPrice', 'marginPercent', 'discountPercent', 'commissionPercent', 'campaignId', 'message'],
        additionalProperties: false,
      },
    },
  },
  required: ['productId', 'commissionPercent', 'version', 'warnings'],
  additionalProperties: false,
};

const scheduleRun: JsonSchema = {
  $id: CAMPAIGN_SCHEMAS.schedule,
  type: 'object',
  properties: { started: ids, ended: ids },
  required: ['started', 'ended'],
  additionalProperties: false,
};

/** Registers the campaigns area's record schemas, so routes and the OpenAPI document share them. */
export function registerCampaignSchemas(ctx: PluginContext): void {
  for (const schema of [campaign, page, checks, report, commission, scheduleRun]) ctx.schemas.add(schema as JsonSchema & { $id: string });
}
