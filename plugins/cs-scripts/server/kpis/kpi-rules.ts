// The CS figures of each agent over a period, from the chat log and the paid orders. Pure: the
// routes, the month close and the bench all count with this one function.
import { agentCode } from '../chat-log/agent-code.js';
import type { KpiSettings } from './kpi-settings.js';

/** One message of the chat log: `in` from the buyer, `out` from the agent. */
export interface ChatLine {
  at: string;
  buyer: string;
  agent: string;
  direction: 'in' | 'out';
  text: string;
}

/** A paid, not closed order as the figures need it: who bought, when, for how much, and the 工号 in its remarks. */
export interface PaidOrder {
  orderNo: string;
  buyerNick: string;
  paidAt: string;
  paidAmount: number;
  agents: string[];
}

export type ResponseBand = 'good' | 'normal' | 'slow' | 'poor';

/** Text in both of the workbench's languages. */
export interface Bilingual {
  'zh-CN': string;
  en: string;
}

/** One figure with what it means and what it was worked out from. */
export interface Figure {
  /** 分 for money, % (one decimal) for rates, seconds for times, a count otherwise; null when there is nothing to divide. */
  value: number | null;
  definition: Bilingual;
  inputs: Record<string, number | string>;
}

export interface AgentKpis {
  agent: string;
  sales: Figure;
  conversion: Figure;
  averageOrder: Figure;
  followUps: Figure;
  replyRate: Figure;
  responseTime: Figure & { band: ResponseBand | null };
}

export interface Period {
  /** First instant in, last instant out. */
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

/** Whether a buyer's message is advertising by the shop's keywords. */
export function isSpam(text: string, keywords: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return keywords.some((k) => k.trim() !== '' && lower.includes(k.trim().toLowerCase()));
}

export function responseBand(seconds: number, s: KpiSettings): ResponseBand {
  if (seconds <= s.goodMaxSeconds) return 'good';
  if (seconds <= s.normalMaxSeconds) return 'normal';
  return seconds >= s.poorFromSeconds ? 'poor' : 'slow';
}

/** A rate in % with one decimal, null over nobody. */
const percent = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 1000) / 10);

/** What one buyer's talk with one agent came to in the period. */
interface Talk {
  firstAskMs: number | null;
  answered: boolean;
  waits: number[];
}

function talk(lines: readonly { ms: number; line: ChatLine }[], keywords: readonly string[]): Talk {
  const t: Talk = { firstAskMs: null, answered: false, waits: [] };
  // The wait starts at the first real question after the agent last wrote; the agent's next line ends it.
  let waitingSince: number | null = null;
  for (const { ms, line } of lines) {
    if (line.direction === 'in') {
      if (isSpam(line.text, keywords)) continue;
      t.firstAskMs ??= ms;
      waitingSince ??= ms;
    } else if (waitingSince !== null) {
      t.waits.push((ms - waitingSince) / 1000);
      t.answered = true;
      waitingSince = null;
    }
  }
  return t;
}

/**
 * Every agent's figures over `period`: the agents of the chat lines in it and of the 工号 on its
 * paid orders. `orders` must reach back `followUpDays` before the period, for the follow-ups.
 */
export function agentKpis(lines: readonly ChatLine[], orders: readonly PaidOrder[], period: Period, s: KpiSettings): AgentKpis[] {
  const fromMs = Date.parse(period.from);
  const toMs = Date.parse(period.to);
  const pairs = new Map<string, Map<string, { ms: number; line: ChatLine }[]>>();
  for (const line of lines) {
    const ms = Date.parse(line.at);
    if (ms < fromMs || ms >= toMs) continue;
    const agent = agentCode(line.agent);
    const byBuyer = pairs.get(agent) ?? new Map<string, { ms: number; line: ChatLine }[]>();
    pairs.set(agent, byBuyer);
    const list = byBuyer.get(line.buyer) ?? [];
    byBuyer.set(line.buyer, list);
    list.push({ ms, line });
  }
  const paid = orders.map((o) => ({ ...o, ms: Date.parse(o.paidAt), agents: o.agents.map(agentCode) }));
  const paidByBuyer = new Map<string, typeof paid>();
  for (const o of paid) {
    const theirs = paidByBuyer.get(o.buyerNick);
    if (theirs) theirs.push(o);
    else paidByBuyer.set(o.buyerNick, [o]);
  }
  const inPeriod = paid.filter((o) => o.ms >= fromMs && o.ms < toMs);
  const agents = new Set([...pairs.keys(), ...inPeriod.flatMap((o) => o.agents)]);

  return [...agents].sort().map((agent) => {
    let asked = 0, answered = 0, inquiries = 0, payers = 0, followUps = 0, waitCount = 0, waitTotal = 0;
    for (const [buyer, list] of pairs.get(agent) ?? []) {
      const t = talk(list.sort((a, b) => a.ms - b.ms), s.spamKeywords);
      if (t.firstAskMs === null) continue;
      const first = t.firstAskMs;
      asked++;
      if (t.answered) answered++;
      waitCount += t.waits.length;
      waitTotal += t.waits.reduce((a, b) => a + b, 0);
      const theirs = paidByBuyer.get(buyer) ?? [];
      if (theirs.some((o) => o.ms < first && o.ms >= first - s.followUpDays * DAY_MS)) {
        if (t.answered) followUps++;
      } else {
        inquiries++;
        if (theirs.some((o) => o.ms >= first && o.ms < toMs)) payers++;
      }
    }
    const sold = inPeriod.filter((o) => o.agents.includes(agent));
    const salesFen = sold.reduce((a, o) => a + o.paidAmount, 0);
    const buyers = new Set(sold.map((o) => o.buyerNick)).size;
    const average = waitCount === 0 ? null : Math.round((waitTotal / waitCount) * 10) / 10;
    return {
      agent,
      sales: {
        value: salesFen,
        definition: { 'zh-CN': '营业额：本期付款、未关闭、备注里写着该工号的订单的实付金额之和', en: 'Sales: the paid amount of the orders paid in the period, not closed, whose remark carries this staff number' },
        inputs: { orders: sold.length, paidFen: salesFen },
      },
      conversion: {
        value: percent(payers, inquiries),
        definition: { 'zh-CN': '询单转化率 = 付款人数 ÷ 询单人数。询单人数：本期向该客服发过非广告消息、此前没有刚付款订单的买家；付款人数：其中在首次询问之后、本期结束之前付了款的', en: 'Conversion = paying buyers ÷ inquiring buyers. Inquiring: buyers who wrote to this agent in the period (advertising left out) without a recently paid order; paying: those of them who paid after first asking, before the period ended' },
        inputs: { payingBuyers: payers, inquiringBuyers: inquiries },
      },
      averageOrder: {
        value: buyers === 0 ? null : Math.round(salesFen / buyers),
        definition: { 'zh-CN': '客单价 = 营业额 ÷ 这些订单的买家人数', en: 'Average order value = sales ÷ the buyers of those orders' },
        inputs: { salesFen, buyers },
      },
      followUps: {
        value: followUps,
        definition: { 'zh-CN': `协助跟进人数：付款后 ${s.followUpDays} 天内又来询问、该客服回复了的买家；只记录，不计入排名`, en: `Follow-ups: buyers who wrote again within ${s.followUpDays} days after paying and were answered by this agent; recorded, not ranked` },
        inputs: { followUpDays: s.followUpDays },
      },
      replyRate: {
        value: percent(answered, asked),
        definition: { 'zh-CN': '回复率 = 已回复的买家 ÷ 询问过的买家（广告消息不算询问）', en: 'Reply rate = buyers answered ÷ buyers who asked (advertising is not asking)' },
        inputs: { answeredBuyers: answered, askingBuyers: asked },
      },
      responseTime: {
        value: average,
        band: average === null ? null : responseBand(average, s),
        definition: { 'zh-CN': `平均响应时间：买家发问（上次回复后的第一句）到客服下一句回复的秒数的平均；≤ ${s.goodMaxSeconds} 秒好，≤ ${s.normalMaxSeconds} 秒一般，≥ ${s.poorFromSeconds} 秒差，其间为偏慢`, en: `Average response time: seconds from a buyer's question (the first line since the last reply) to the agent's next line, averaged; ≤ ${s.goodMaxSeconds} s good, ≤ ${s.normalMaxSeconds} s normal, ≥ ${s.poorFromSeconds} s poor, slow between` },
        inputs: { answeredWaits: waitCount, totalSeconds: Math.round(waitTotal * 10) / 10 },
      },
    };
  });
}

/**
 * The month's ranking for best CS: by sales, then conversion, then the faster response. Agents
 * without a sale are not ranked (follow-ups are recorded but never rank anyone).
 */
export function rankAgents(kpis: readonly AgentKpis[]): AgentKpis[] {
  return kpis
    .filter((k) => (k.sales.value ?? 0) > 0)
    .sort((a, b) => (b.sales.value ?? 0) - (a.sales.value ?? 0)
      || (b.conversion.value ?? -1) - (a.conversion.value ?? -1)
      || (a.responseTime.value ?? Infinity) - (b.responseTime.value ?? Infinity)
      || a.agent.localeCompare(b.agent));
}
