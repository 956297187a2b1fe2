import { ConflictError, InputError, def, nullable, type JsonSchema, type PluginContext } from '@workbench/plugin-api';
import { chatStore } from '../chat-log/chat-store.js';
import { kpiMonthStore, type KpiMonth } from './kpi-month-store.js';
import { kpiReport, monthDays, type KpiReport } from './kpi-report.js';
import type { AgentKpis } from './kpi-rules.js';
import { MONTH_RANKED, type MonthRanked, type RankedAgent } from './month-ranked.js';

const DATE: JsonSchema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const MONTH: JsonSchema = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' };
const TEXT2: JsonSchema = { type: 'object', properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } }, required: ['zh-CN', 'en'] };
const FIGURE: JsonSchema = { type: 'object', properties: { value: nullable({ type: 'number' }), definition: TEXT2, inputs: { type: 'object' } }, required: ['value', 'definition', 'inputs'] };
const AGENT: JsonSchema = {
  type: 'object',
  properties: {
    agent: { type: 'string' }, name: nullable({ type: 'string' }), sales: FIGURE, conversion: FIGURE, averageOrder: FIGURE, followUps: FIGURE, replyRate: FIGURE,
    responseTime: { ...FIGURE, properties: { ...(FIGURE['properties'] as object), band: nullable({ type: 'string', enum: ['good', 'normal', 'slow', 'poor'] }) } },
  },
  required: ['agent', 'name', 'sales', 'conversion', 'averageOrder', 'followUps', 'replyRate', 'responseTime'],
};
const REPORT: JsonSchema = {
  type: 'object',
  properties: {
    from: def('timestamp'), to: def('timestamp'), agents: { type: 'array', items: AGENT }, ranking: { type: 'array', items: { type: 'string' } },
    days: { type: 'array', items: { type: 'object' } }, chatLines: { type: 'integer' }, paidOrders: { type: 'integer' },
  },
  required: ['from', 'to', 'agents', 'ranking', 'days', 'chatLines', 'paidOrders'],
};
const CLOSED: JsonSchema = nullable({ type: 'object', properties: { first: nullable({ type: 'string' }), second: nullable({ type: 'string' }), closedAt: def('timestamp'), closedBy: def('id') }, required: ['first', 'second', 'closedAt', 'closedBy'] });

/** The figures the event carries for a ranked agent. */
function ranked(a: AgentKpis | undefined): RankedAgent | null {
  return a ? { code: a.agent, salesFen: a.sales.value ?? 0, conversionPercent: a.conversion.value, replyRatePercent: a.replyRate.value, averageResponseSeconds: a.responseTime.value } : null;
}

/** The KPI dashboard's figures, a month's figures and its close, and what the chat log holds. */
export function addKpiRoutes(ctx: PluginContext): void {
  ctx.schemas.add(MONTH_RANKED);

  ctx.routes.add<Record<string, string>, { from?: string; to?: string }, undefined, KpiReport>({
    method: 'get',
    path: '/kpis',
    permission: 'cs-scripts.kpis.read',
    summary: { 'zh-CN': '客服考核：每位客服在一段日期内的各项指标（含定义与依据）', en: "CS KPIs: each agent's figures over shop days, each with its definition and inputs" },
    query: { type: 'object', properties: { from: DATE, to: DATE }, additionalProperties: false },
    response: REPORT,
    handler: ({ query }) => {
      const today = ctx.now().slice(0, 10);
      const from = query.from ?? `${today.slice(0, 7)}-01`;
      const to = query.to ?? today;
      if (from > to) throw new InputError({ 'zh-CN': `开始日期 ${from} 晚于结束日期 ${to}`, en: `The first day ${from} is after the last day ${to}` }, { errors: [{ path: '/from', in: 'query', message: 'after to' }] });
      if (Date.parse(to) - Date.parse(from) > 92 * 86_400_000) {
        throw new InputError({ 'zh-CN': '一次最多看 93 天', en: 'At most 93 days at a time' }, { errors: [{ path: '/to', in: 'query', message: 'too far' }] });
      }
      return kpiReport(ctx, from, to);
    },
  });

  ctx.routes.add<{ month: string }, Record<string, unknown>, undefined, { month: string; closed: Omit<KpiMonth, 'month' | 'report'> | null; report: KpiReport }>({
    method: 'get',
    path: '/kpis/months/:month',
    permission: 'cs-scripts.kpis.read',
    summary: { 'zh-CN': '一个月的客服指标；已结算的月份给出结算时的数字', en: "A month's CS figures; a closed month answers them as they stood when closed" },
    params: { type: 'object', properties: { month: MONTH }, required: ['month'] },
    response: { type: 'object', properties: { month: MONTH, closed: CLOSED, report: REPORT }, required: ['month', 'closed', 'report'] },
    handler: async ({ params }) => {
      const done = await ctx.db.read((q) => kpiMonthStore(q).get(params.month));
      if (done) return { month: params.month, closed: { first: done.first, second: done.second, closedAt: done.closedAt, closedBy: done.closedBy }, report: done.report };
      const { from, to } = monthDays(params.month);
      return { month: params.month, closed: null, report: await kpiReport(ctx, from, to) };
    },
  });

  ctx.routes.add<{ month: string }, Record<string, unknown>, undefined, MonthRanked>({
    method: 'post',
    path: '/kpis/months/:month/close',
    permission: 'cs-scripts.kpis.close',
    summary: { 'zh-CN': '月度结算：定下本月指标与最佳客服（第一、第二名），通知员工制度发奖励', en: "Close a month: fix its figures and best CS (first and second), and tell staff rules to book the rewards" },
    params: { type: 'object', properties: { month: MONTH }, required: ['month'] },
    response: { type: 'object' },
    action: 'close cs month',
    handler: async ({ params, actor }) => {
      const month = params.month;
      if (month >= ctx.now().slice(0, 7)) throw new ConflictError({ 'zh-CN': `${month} 月还没过完，不能结算`, en: `${month} is not over yet; it cannot be closed` });
      const { from, to } = monthDays(month);
      const report = await kpiReport(ctx, from, to);
      const byCode = new Map(report.agents.map((a) => [a.agent, a]));
      const [first, second] = report.ranking.map((code) => byCode.get(code));
      const closedAt = ctx.now();
      const payload: MonthRanked = { month, first: ranked(first), second: ranked(second), closedAt };
      return ctx.db.transaction(async (tx) => {
        const months = kpiMonthStore(tx);
        const earlier = await months.get(month);
        if (earlier) throw new ConflictError({ 'zh-CN': `${month} 月已于 ${earlier.closedAt.slice(0, 10)} 结算过`, en: `${month} was already closed on ${earlier.closedAt.slice(0, 10)}` });
        await months.add({ month, report, first: payload.first?.code ?? null, second: payload.second?.code ?? null, closedAt, closedBy: actor!.id });
        await ctx.events.emit('cs-scripts.month.ranked', payload);
        return payload;
      });
    },
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, undefined, { lines: number; first: string | null; last: string | null }>({
    method: 'get',
    path: '/chat-log',
    permission: 'cs-scripts.kpis.read',
    summary: { 'zh-CN': '已导入的聊天记录：条数、最早与最晚时间', en: 'The chat log imported: how many lines, the first and last time' },
    response: { type: 'object', properties: { lines: { type: 'integer' }, first: nullable({ type: 'string' }), last: nullable({ type: 'string' }) }, required: ['lines', 'first', 'last'] },
    handler: () => ctx.db.read((q) => chatStore(q).extent()),
  });
}
