// A period's KPIs as the dashboard shows them: each agent's figures over the whole period, the
// ranking, and a day-by-day series for the charts.
import type { PluginContext } from '@workbench/plugin-api';
import { agentNames, chatLines, paidOrders } from './kpi-inputs.js';
import { agentKpis, rankAgents, type AgentKpis, type PaidOrder, type ChatLine } from './kpi-rules.js';
import { kpiSettings, type KpiSettings } from './kpi-settings.js';

export interface KpiDay {
  date: string;
  /** Per agent: sales (分), reply rate (%), average response (s). */
  agents: { agent: string; salesFen: number; replyRate: number | null; responseSeconds: number | null }[];
}

export interface KpiReport {
  from: string;
  to: string;
  agents: (AgentKpis & { name: string | null })[];
  /** 工号 in rank order: best CS first. */
  ranking: string[];
  days: KpiDay[];
  chatLines: number;
  paidOrders: number;
}

/** The shop days `from`…`to` (inclusive) as one period of instants in shop time. */
export function dayPeriod(ctx: PluginContext, from: string, to: string): { from: string; to: string } {
  const next = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { from: ctx.shopTime(`${from}T00:00:00${ctx.now().slice(-6)}`), to: ctx.shopTime(`${next}T00:00:00${ctx.now().slice(-6)}`) };
}

export function monthDays(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** Every figure of the shop days `from`…`to`, read from the chat log and fulfillment. */
export async function kpiReport(ctx: PluginContext, from: string, to: string): Promise<KpiReport> {
  const s = kpiSettings(ctx.settings.get());
  const period = dayPeriod(ctx, from, to);
  const [lines, orders, names] = await Promise.all([ctx.db.read((q) => chatLines(q, period)), paidOrders(ctx, period, s.followUpDays), agentNames(ctx)]);
  return buildReport(lines, orders, period, s, names, (day) => dayPeriod(ctx, day, day));
}

/** The report from its inputs: separate from the reading so the bench times the counting alone. */
export function buildReport(
  lines: readonly ChatLine[], orders: readonly PaidOrder[], period: { from: string; to: string }, s: KpiSettings,
  names: Map<string, string>, dayOf: (date: string) => { from: string; to: string },
): KpiReport {
  const agents = agentKpis(lines, orders, period, s);
  const days: KpiDay[] = [];
  const first = period.from.slice(0, 10);
  const last = new Date(Date.parse(period.to) - 1).toISOString().slice(0, 10);
  // Each day's lines only, so the series costs one pass over the log, not one per day.
  const byDay = new Map<string, ChatLine[]>();
  for (const l of lines) {
    const list = byDay.get(l.at.slice(0, 10));
    if (list) list.push(l);
    else byDay.set(l.at.slice(0, 10), [l]);
  }
  for (let d = first; d <= last && days.length < 62; d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)) {
    const figures = agentKpis(byDay.get(d) ?? [], orders, dayOf(d), s);
    days.push({
      date: d,
      agents: agents.map((a) => {
        const f = figures.find((x) => x.agent === a.agent);
        return { agent: a.agent, salesFen: f?.sales.value ?? 0, replyRate: f?.replyRate.value ?? null, responseSeconds: f?.responseTime.value ?? null };
      }),
    });
  }
  return {
    from: period.from, to: period.to,
    agents: agents.map((a) => ({ ...a, name: names.get(a.agent) ?? null })),
    ranking: rankAgents(agents).map((a) => a.agent),
    days, chatLines: lines.length, paidOrders: orders.length,
  };
}
