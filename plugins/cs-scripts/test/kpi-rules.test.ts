// The KPIs of a small chat log worked out by hand: two agents, an advert, a buyer never answered,
// a buyer back after paying.
import { expect, test } from 'vitest';
import { agentKpis, isSpam, rankAgents, responseBand, type ChatLine, type PaidOrder } from '../server/kpis/kpi-rules.js';
import { KPI_DEFAULTS } from '../server/kpis/kpi-settings.js';
import { agentCode } from '../server/chat-log/agent-code.js';

const at = (hms: string, day = '2026-11-10') => `${day}T${hms}+08:00`;
const line = (hms: string, buyer: string, agent: string, direction: 'in' | 'out', text: string, day?: string): ChatLine => ({ at: at(hms, day), buyer, agent, direction, text });

const SMALL_LOG: ChatLine[] = [
  line('10:00:00', '小明', '1', 'in', '在吗？这件有M码吗'),
  line('10:00:10', '小明', '1', 'in', '黑色的'),
  line('10:00:30', '小明', '1', 'out', '亲，在的，黑色M码有货'),
  line('10:02:00', '小明', '1', 'in', '包邮吗'),
  line('10:02:50', '小明', '1', 'out', '包邮的亲'),
  line('11:00:00', '广告哥', '1', 'in', '兼职刷单日结，加微信 abc123'),
  line('12:00:00', '小丽', '1号客服', 'in', '能便宜点吗'),
  line('14:00:00', '老王', '2', 'in', '我的快递到哪了'),
  line('14:01:40', '老王', '2', 'out', '帮您查一下'),
  line('14:30:00', '阿花', '2', 'in', '有优惠券吗'),
  line('14:30:20', '阿花', '2', 'out', '有的，满200减20'),
  line('14:31:00', '阿花', '2', 'out', '还有别的问题吗'),
  // The next day's answer is not this day's.
  line('00:00:00', '小丽', '1', 'out', '亲，抱歉刚看到', '2026-11-11'),
];

const SMALL_ORDERS: PaidOrder[] = [
  { orderNo: 'A1', buyerNick: '小明', paidAt: at('10:05:00'), paidAmount: 12000, agents: ['１号'] },
  { orderNo: 'B0', buyerNick: '老王', paidAt: at('09:00:00', '2026-11-01'), paidAmount: 5000, agents: ['2'] },
  { orderNo: 'B1', buyerNick: '阿花', paidAt: at('15:00:00'), paidAmount: 8000, agents: ['2'] },
  { orderNo: 'B2', buyerNick: '阿花', paidAt: at('16:00:00'), paidAmount: 3000, agents: ['2'] },
];

const DAY = { from: at('00:00:00'), to: at('00:00:00', '2026-11-11') };

test('two agents over one day, every figure by hand', () => {
  const [one, two] = agentKpis(SMALL_LOG, SMALL_ORDERS, DAY, KPI_DEFAULTS);
  // Agent 1: 小明 and 小丽 asked (the advert is nobody); 小明 answered after 30 s and 50 s, 小丽 never;
  // 小明 paid 120 元 five minutes after asking.
  expect(one!.agent).toBe('1');
  expect(one!.sales).toMatchObject({ value: 12000, inputs: { orders: 1, paidFen: 12000 } });
  expect(one!.conversion).toMatchObject({ value: 50, inputs: { payingBuyers: 1, inquiringBuyers: 2 } });
  expect(one!.averageOrder).toMatchObject({ value: 12000, inputs: { salesFen: 12000, buyers: 1 } });
  expect(one!.replyRate).toMatchObject({ value: 50, inputs: { answeredBuyers: 1, askingBuyers: 2 } });
  expect(one!.responseTime).toMatchObject({ value: 40, band: 'normal', inputs: { answeredWaits: 2, totalSeconds: 80 } });
  expect(one!.followUps.value).toBe(0);
  // Agent 2: 老王 paid on the 1st and asks about the parcel (a follow-up, answered after 100 s);
  // 阿花 asks, is answered after 20 s and pays twice (80 + 30 元); the order of the 1st is not this period's.
  expect(two!.sales).toMatchObject({ value: 11000, inputs: { orders: 2, paidFen: 11000 } });
  expect(two!.conversion).toMatchObject({ value: 100, inputs: { payingBuyers: 1, inquiringBuyers: 1 } });
  expect(two!.averageOrder.value).toBe(11000);
  expect(two!.followUps.value).toBe(1);
  expect(two!.replyRate).toMatchObject({ value: 100, inputs: { answeredBuyers: 2, askingBuyers: 2 } });
  expect(two!.responseTime).toMatchObject({ value: 60, band: 'normal', inputs: { answeredWaits: 2, totalSeconds: 120 } });
  expect(two!.conversion.definition['zh-CN']).toContain('询单转化率');
  expect(rankAgents([two!, one!]).map((k) => k.agent)).toEqual(['1', '2']);
});

test('the follow-up window and the advert keywords come from the settings', () => {
  const short = agentKpis(SMALL_LOG, SMALL_ORDERS, DAY, { ...KPI_DEFAULTS, followUpDays: 5 });
  // 老王's order is nine days old: with a five-day window he is an inquiry who did not pay.
  expect(short[1]!.followUps.value).toBe(0);
  expect(short[1]!.conversion.inputs).toEqual({ payingBuyers: 1, inquiringBuyers: 2 });
  const noAdverts = agentKpis(SMALL_LOG, SMALL_ORDERS, DAY, { ...KPI_DEFAULTS, spamKeywords: [] });
  expect(noAdverts[0]!.replyRate.inputs).toEqual({ answeredBuyers: 1, askingBuyers: 3 });
});

test('response bands, advert keywords and 工号 spellings', () => {
  expect([20, 30, 31, 60, 61, 99, 100, 150].map((s) => responseBand(s, KPI_DEFAULTS))).toEqual(['good', 'good', 'normal', 'normal', 'slow', 'slow', 'poor', 'poor']);
  expect(isSpam('点击 HTTPS://x.cn 领红包', KPI_DEFAULTS.spamKeywords)).toBe(true);
  expect(isSpam('请问有现货吗', KPI_DEFAULTS.spamKeywords)).toBe(false);
  expect(['12', ' １２ ', '12号', '12号客服'].map(agentCode)).toEqual(['12', '12', '12', '12']);
});

test('nobody to divide by gives no figure, not zero', () => {
  const [k] = agentKpis([line('10:00:00', '甲', '3', 'out', '亲，您好')], [], DAY, KPI_DEFAULTS);
  expect(k).toMatchObject({ agent: '3', conversion: { value: null }, replyRate: { value: null }, responseTime: { value: null, band: null }, averageOrder: { value: null } });
  expect(rankAgents([k!])).toEqual([]);
});
