import type { PluginContext, Queryable } from '@workbench/plugin-api';
import { settingsOf } from '../settings.js';
import { OrdersToken } from '../tokens.js';
import { against, hoursBetween, pareto, quantile, refundRatePercent, type ParetoRow } from './figure-rules.js';

/** The industry figures the owner enters (settings); 0 means not entered. */
interface IndustrySettings {
  industryRefundRatePercent: number;
  industryRefundHours: number;
}

type Standing = ReturnType<typeof against>;
export interface Figures {
  month: string;
  refundRate: { refundedOrders: number; paidOrders: number; percent: number | null; industryPercent: number; standing: Standing };
  refundSpeed: { refunds: number; medianHours: number | null; p90Hours: number | null; industryHours: number; standing: Standing };
  reasons: ParetoRow[];
  costByParty: { party: string; fen: number }[];
}

const STANDING = { enum: ['better', 'worse', 'same', null] };
const NUM = { type: ['number', 'null'] };
const FIGURES = {
  type: 'object',
  properties: {
    month: { type: 'string' },
    refundRate: { type: 'object', properties: { refundedOrders: { type: 'integer' }, paidOrders: { type: 'integer' }, percent: NUM, industryPercent: { type: 'number' }, standing: STANDING }, required: ['refundedOrders', 'paidOrders', 'percent', 'industryPercent', 'standing'] },
    refundSpeed: { type: 'object', properties: { refunds: { type: 'integer' }, medianHours: NUM, p90Hours: NUM, industryHours: { type: 'number' }, standing: STANDING }, required: ['refunds', 'medianHours', 'p90Hours', 'industryHours', 'standing'] },
    reasons: { type: 'array', items: { type: 'object', properties: { reason: { type: 'string' }, count: { type: 'integer' }, share: { type: 'number' }, cumulative: { type: 'number' } }, required: ['reason', 'count', 'share', 'cumulative'] } },
    costByParty: { type: 'array', items: { type: 'object', properties: { party: { type: 'string' }, fen: { type: 'integer' } }, required: ['party', 'fen'] } },
  },
  required: ['month', 'refundRate', 'refundSpeed', 'reasons', 'costByParty'],
};

const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y!, m!, 0)).getUTCDate()).padStart(2, '0')}`;
};

async function monthRows(q: Queryable, month: string) {
  // Times are stored in shop time with their offset, so the month is the text's first 7 characters.
  const refunded = await q.all<{ orderNo: string; openedAt: string; firstAt: string }>(
    `SELECT c.order_no AS orderNo, c.opened_at AS openedAt, MIN(r.at) AS firstAt FROM after_sales_cases c JOIN after_sales_refunds r ON r.case_id = c.id
     GROUP BY c.id HAVING substr(firstAt, 1, 7) = ?`, [month]);
  const reasons = await q.all<{ reason: string }>('SELECT reason FROM after_sales_cases WHERE substr(opened_at, 1, 7) = ?', [month]);
  const cost = await q.all<{ responsibility: string | null; fen: number }>(
    `SELECT c.responsibility, SUM(r.goods + r.shipping + r.compensation) AS fen FROM after_sales_refunds r JOIN after_sales_cases c ON c.id = r.case_id
     WHERE substr(r.at, 1, 7) = ? GROUP BY c.id`, [month]);
  return { refunded, reasons, cost };
}

export function addFigureRoutes(ctx: PluginContext): void {
  const settings = () => settingsOf(ctx)() as unknown as IndustrySettings;

  ctx.routes.add<Record<string, string>, { month?: string }, undefined, Figures>({
    method: 'get',
    path: '/figures',
    permission: 'after-sales.figures.read',
    summary: { 'zh-CN': '售后指标（按月）：退款率、退款速度（中位数与 P90）、原因排序、按责任方的费用，各与行业数比较', en: 'After-sales figures for a month: refund rate, refund speed (median, p90), reasons Pareto, cost by responsibility, each against the industry' },
    query: { type: 'object', properties: { month: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' } } },
    response: FIGURES,
    handler: async ({ query }) => {
      const month = query.month ?? ctx.shopTime(ctx.now()).slice(0, 7);
      const s = settings();
      const paid = await ctx.services.get(OrdersToken).find({ from: `${month}-01`, to: lastDay(month), by: 'paidAt', pageSize: 1 });
      const rows = await ctx.db.read((q) => monthRows(q, month));
      const refundedOrders = new Set(rows.refunded.map((r) => r.orderNo)).size;
      const percent = refundRatePercent(refundedOrders, paid.totals.count);
      const hours = rows.refunded.map((r) => hoursBetween(r.openedAt, r.firstAt));
      const median = quantile(hours, 0.5) ?? null;
      const byParty = new Map<string, number>();
      for (const c of rows.cost) {
        const party = c.responsibility ? (JSON.parse(c.responsibility) as { party: string }).party : 'undecided';
        byParty.set(party, (byParty.get(party) ?? 0) + c.fen);
      }
      return {
        month,
        refundRate: { refundedOrders, paidOrders: paid.totals.count, percent, industryPercent: s.industryRefundRatePercent, standing: against(percent, s.industryRefundRatePercent) },
        refundSpeed: { refunds: hours.length, medianHours: median, p90Hours: quantile(hours, 0.9) ?? null, industryHours: s.industryRefundHours, standing: against(median, s.industryRefundHours) },
        reasons: pareto(rows.reasons.map((r) => r.reason)),
        costByParty: [...byParty].sort((a, b) => b[1] - a[1]).map(([party, fen]) => ({ party, fen })),
      };
    },
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, undefined, { dueToday: number; overdue: number }>({
    method: 'get',
    path: '/figures/today',
    permission: 'after-sales.cases.read',
    summary: { 'zh-CN': '今天到期和已超期的售后单数（首页卡片）', en: 'Cases due today and overdue (the home card)' },
    response: { type: 'object', properties: { dueToday: { type: 'integer' }, overdue: { type: 'integer' } }, required: ['dueToday', 'overdue'] },
    handler: async () => {
      const now = ctx.now();
      const today = ctx.shopTime(now).slice(0, 10);
      return ctx.db.read(async (q) => {
        const row = await q.get<{ dueToday: number; overdue: number }>(
          `SELECT COALESCE(SUM(CASE WHEN due_at >= ? AND substr(due_at, 1, 10) = ? THEN 1 ELSE 0 END), 0) AS dueToday,
                  COALESCE(SUM(CASE WHEN due_at < ? THEN 1 ELSE 0 END), 0) AS overdue
           FROM after_sales_cases WHERE closed_at IS NULL AND due_at IS NOT NULL`, [now, today, now]);
        return row ?? { dueToday: 0, overdue: 0 };
      });
    },
  });
}
