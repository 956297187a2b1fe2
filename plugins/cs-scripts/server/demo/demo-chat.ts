// The demo shop's chat log: the month of conversations behind fulfillment's demo orders, so the KPI
// dashboard opens on figures that agree with the orders — each remarked order preceded by its
// buyer's questions and the agent's answers, buyers who asked and never paid, an advert, and a
// buyer nobody answered. Each of the three agents has a pace of their own.
import type { PluginContext, Transaction } from '@workbench/plugin-api';
import type { OrderDetail } from '@workbench/contracts/fulfillment';
import type { ChatRow } from '../chat-log/chat-file.js';
import { chatStore } from '../chat-log/chat-store.js';
import { OrdersToken } from '../tokens.js';

/** Seconds an agent takes to answer, at least and up to this much more. */
const PACE: Record<string, [number, number]> = { '01': [12, 25], '02': [25, 40], '03': [45, 70] };
const QUESTIONS = ['在吗？这款还有货吗', '这个尺码偏大还是偏小呀', '今天下单什么时候能发货', '能便宜一点吗', '珊瑚绒会掉毛吗'];
const ANSWERS = ['亲，在的，有现货哦', '亲，尺码是标准的，平时穿 M 选 M 就好', '下午四点前付款当天就发', '现在店铺有满减活动，已经是到手价啦', '加厚珊瑚绒，不掉毛，放心'];
const ADVERT = '兼职刷单日结，加微信 vx8899 了解';

/** A small seeded generator, so the demo is the same each time. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
}

export async function fillDemoChat(ctx: PluginContext, tx: Transaction, now: string): Promise<void> {
  const orders = ctx.services.optional(OrdersToken);
  if (!orders) return;
  const random = seeded(20261207);
  const month = ctx.shopTime(Date.parse(now) - 31 * 86_400_000);
  const remarked: { order: OrderDetail; agent: string }[] = [];
  for (let page = 1; ; page++) {
    const found = await orders.find({ from: month, by: 'paidAt', page, pageSize: 500 });
    for (const order of found.items) {
      const agent = order.remarks.map((r) => r.agentNo).find((a) => a in PACE);
      if (agent && order.paidAt) remarked.push({ order, agent });
    }
    if (page * found.pageSize >= found.total) break;
  }
  if (!remarked.length) return;

  const rows: ChatRow[] = [];
  const line = (atMs: number, buyer: string, agent: string, direction: 'in' | 'out', text: string) =>
    rows.push({ at: ctx.shopTime(atMs), buyer, agent, direction, text, row: rows.length + 2, seq: 1 });
  const answer = (agent: string) => (PACE[agent]![0] + random() * PACE[agent]![1]) * 1000;
  const talk = (startMs: number, buyer: string, agent: string, turns: number) => {
    let t = startMs;
    for (let k = 0; k < turns; k++) {
      const q = Math.floor(random() * QUESTIONS.length);
      line(t, buyer, agent, 'in', QUESTIONS[q]!);
      t += answer(agent);
      line(t, buyer, agent, 'out', ANSWERS[q]!);
      t += 60_000 + random() * 120_000;
    }
  };

  // Every remarked order: its buyer asked the agent shortly before paying.
  for (const { order, agent } of remarked) talk(Date.parse(order.paidAt!) - (20 + random() * 40) * 60_000, order.buyerNick, agent, 1 + Math.floor(random() * 3));
  // Buyers who asked and did not buy, about one in three inquiries; one a week nobody answered; an advert now and then.
  const agents = Object.keys(PACE);
  for (let day = 1; day <= 28; day++) {
    const dayMs = Date.parse(now) - day * 86_400_000;
    for (let k = 0; k < 1 + Math.floor(random() * 2); k++) talk(dayMs - random() * 6 * 3_600_000, `tb_看看${day}${k}`, agents[(day + k) % 3]!, 1);
    if (day % 7 === 0) line(dayMs - 2 * 3_600_000, `tb_等回复${day}`, agents[day % 3]!, 'in', '请问发什么快递？');
    if (day % 5 === 0) line(dayMs - 3 * 3_600_000, `tb_广告${day}`, agents[day % 3]!, 'in', ADVERT);
  }
  rows.sort((a, b) => a.at.localeCompare(b.at));
  await chatStore(tx).addMany(rows, null, now);
}
