import type { LocalizedText } from '@workbench/plugin-api';
import type { CampaignSku } from './campaign-store.js';

/**
 * What the clerk reports for one SKU at close-out: sold pieces and takings only while fulfillment
 * (whose orders know them) is not running; counted stock either way.
 */
export interface SalesInput {
  skuId: number;
  qty?: number;
  amount?: number;
  stockAtStart?: number;
  leftover?: number;
}

export interface ReportSku {
  skuId: number;
  code: string;
  productId: number;
  productTitle: string;
  regularPrice: number;
  campaignPrice: number | null;
  cost: number;
  soldQty: number;
  soldAmount: number;
  /** Where the sold figures come from: fulfillment's orders, the clerk, or nobody (0). */
  soldSource?: 'orders' | 'entered' | 'none';
  stockAtStart: number | null;
  stockAtStartSource: 'inventory' | 'entered' | 'unknown';
  leftover: number | null;
  leftoverSource: 'inventory' | 'entered' | 'computed' | 'unknown';
  /** Counted leftover − (stock at start − sold): below 0, pieces are missing; above 0, unexplained extra. */
  stockGap: number | null;
  /** Pieces to reorder (see REORDER_RULE). */
  reorder: number | null;
}

export interface CampaignReport {
  campaignId: number;
  closedAt: string;
  closedBy: number;
  skus: ReportSku[];
  soldQty: number;
  soldAmount: number;
  /** Σ cost × sold. */
  goodsCost: number;
  /** soldAmount − goodsCost. */
  grossProfit: number;
  /** 让利: Σ everyday price × sold − soldAmount. */
  markdown: number;
  forecastSales: number | null;
  samePeriodSales: number | null;
  cost: number | null;
  /** 活动净成本: the campaign cost less the gross profit its sales earned; below 0, the campaign paid for itself. */
  netCost: number | null;
  campaignReturn: { computed: boolean; value: number | null; actual: number | null; reason: LocalizedText | null };
  reorderRule: { 'zh-CN': string; en: string };
  /** The orders counted when fulfillment ran: paid at or after `from`, before `to`. */
  salesWindow?: { from: string; to: string } | null;
}

export interface ReportInput {
  campaignId: number;
  closedAt: string;
  closedBy: number;
  skus: readonly CampaignSku[];
  campaignPrices: ReadonlyMap<number, number>;
  sales: readonly SalesInput[];
  /** Sold pieces and takings per SKU from fulfillment's orders, when it runs (replaces the entered ones). */
  sold?: ReadonlyMap<number, { qty: number; amount: number }>;
  salesWindow?: { from: string; to: string };
  /** Stock recorded from the inventory when the campaign started. */
  inventoryAtStart: ReadonlyMap<number, number>;
  /** Stock the inventory reports now, when it runs. */
  inventoryNow: ReadonlyMap<number, number>;
  forecastSales: number | null;
  samePeriodSales: number | null;
  cost: number | null;
}

export const REORDER_RULE = {
  'zh-CN': '建议补货 = 活动期间卖出件数 − 剩余库存（不足 0 记 0）：补到下次同样的活动还卖得完',
  en: 'Reorder = pieces sold during the campaign − leftover stock (0 when negative): enough for another campaign of the same size',
};

const round2 = (n: number) => Math.round(n * 100) / 100;

function reportSku(sku: CampaignSku, input: ReportInput, sale: SalesInput | undefined): ReportSku {
  const fromOrders = input.sold?.get(sku.skuId);
  const soldQty = input.sold ? (fromOrders?.qty ?? 0) : (sale?.qty ?? 0);
  const soldAmount = input.sold ? (fromOrders?.amount ?? 0) : (sale?.amount ?? 0);
  const soldSource: ReportSku['soldSource'] = input.sold ? 'orders' : sale?.qty !== undefined ? 'entered' : 'none';
  const fromInventoryAtStart = input.inventoryAtStart.get(sku.skuId);
  const stockAtStart = fromInventoryAtStart ?? sale?.stockAtStart ?? null;
  const stockAtStartSource = fromInventoryAtStart !== undefined ? 'inventory' : sale?.stockAtStart !== undefined ? 'entered' : 'unknown';
  const fromInventoryNow = input.inventoryNow.get(sku.skuId);
  let leftover: number | null = fromInventoryNow ?? sale?.leftover ?? null;
  let leftoverSource: ReportSku['leftoverSource'] = fromInventoryNow !== undefined ? 'inventory' : sale?.leftover !== undefined ? 'entered' : 'unknown';
  if (leftover === null && stockAtStart !== null) {
    // Nobody counted: what should be left is all one can say, and it explains nothing.
    leftover = Math.max(0, stockAtStart - soldQty);
    leftoverSource = 'computed';
  }
  const counted = leftoverSource === 'inventory' || leftoverSource === 'entered';
  return {
    skuId: sku.skuId,
    code: sku.code,
    productId: sku.productId,
    productTitle: sku.productTitle,
    regularPrice: sku.price,
    campaignPrice: input.campaignPrices.get(sku.skuId) ?? null,
    cost: sku.cost,
    soldQty,
    soldAmount,
    soldSource,
    stockAtStart,
    stockAtStartSource,
    leftover,
    leftoverSource,
    stockGap: counted && stockAtStart !== null && leftover !== null ? leftover - (stockAtStart - soldQty) : null,
    reorder: leftover === null ? null : Math.max(0, soldQty - leftover),
  };
}

function campaignReturn(input: ReportInput, soldAmount: number, hasSales: boolean): CampaignReport['campaignReturn'] {
  const missing: string[] = [];
  const missingEn: string[] = [];
  if (input.forecastSales === null) (missing.push('预估销售额'), missingEn.push('forecast sales'));
  if (input.samePeriodSales === null) (missing.push('同期销售额'), missingEn.push('same-period sales'));
  if (input.cost === null) (missing.push('活动费用'), missingEn.push('the campaign cost'));
  if (missing.length > 0) {
    return { computed: false, value: null, actual: null, reason: { 'zh-CN': `还没填${missing.join('、')}，算不出投入产出比`, en: `The return needs ${missingEn.join(', ')}` } };
  }
  if (input.cost === 0) {
    return {
      computed: false,
      value: null,
      actual: null,
      reason: { 'zh-CN': '活动费用是 0，投入产出比没有意义，不计算', en: 'The campaign cost is 0, so there is no return to compute' },
    };
  }
  const cost = input.cost!;
  const samePeriod = input.samePeriodSales!;
  return {
    computed: true,
    value: round2((input.forecastSales! - samePeriod) / cost),
    actual: hasSales ? round2((soldAmount - samePeriod) / cost) : null,
    reason: null,
  };
}

/**
 * The close-out report: per SKU what sold against the stock at the start, what is left and what
 * to reorder; for the campaign its gross profit, net cost and return, where the return is
 * (forecast sales − same-period sales) / campaign cost, the yuan each campaign yuan brought back
 * (`actual` uses the reported sales in place of the forecast).
 */
export function buildReport(input: ReportInput): CampaignReport {
  const bySku = new Map(input.sales.map((s) => [s.skuId, s]));
  const skus = input.skus.map((sku) => reportSku(sku, input, bySku.get(sku.skuId)));
  const soldQty = skus.reduce((n, s) => n + s.soldQty, 0);
  const soldAmount = skus.reduce((n, s) => n + s.soldAmount, 0);
  const goodsCost = skus.reduce((n, s) => n + s.cost * s.soldQty, 0);
  const grossProfit = soldAmount - goodsCost;
  return {
    campaignId: input.campaignId,
    closedAt: input.closedAt,
    closedBy: input.closedBy,
    skus,
    soldQty,
    soldAmount,
    goodsCost,
    grossProfit,
    markdown: skus.reduce((n, s) => n + s.regularPrice * s.soldQty, 0) - soldAmount,
    forecastSales: input.forecastSales,
    samePeriodSales: input.samePeriodSales,
    cost: input.cost,
    netCost: input.cost === null ? null : input.cost - grossProfit,
    campaignReturn: campaignReturn(input, soldAmount, input.sold !== undefined || input.sales.some((s) => s.qty !== undefined)),
    reorderRule: REORDER_RULE,
    salesWindow: input.salesWindow ?? null,
  };
}
