// The demo shop's after-sales desk: cases in every state on the demo's shipped orders, and the
// reviews those orders brought, so the queue, the editor, the review list and the figures have
// something true to show on the first day.
import type { PluginContext, Transaction } from '@workbench/plugin-api';
import type { OrderDetail } from '@workbench/contracts/fulfillment';
import type { CaseKind, CaseState } from '../../shared/case-states.js';
import type { PersonRef, Responsibility } from '../case-record.js';
import { dueAtFor } from '../case-moves.js';
import { caseStore } from '../case-store.js';
import { linePaid } from '../open-case.js';
import { splitReturnShipping, type Party } from '../responsibility.js';
import { reviewStore } from '../reviews/review-store.js';
import { needsWork, workDueOn, type Rating } from '../reviews/review-rules.js';
import { settingsOf, type AfterSalesSettings } from '../settings.js';
import { OrdersToken } from '../tokens.js';

/** The demo's clerks are names, as fulfillment's demo steps are; reviews are entered by the owner's account. */
const CLERK: PersonRef = { id: null, name: '小美（售后）' };

interface DemoCase {
  kind: CaseKind;
  reason: string;
  words: string;
  /** The states it went through after 等待卖家同意, with the hours after opening of each. */
  path: [CaseState, number][];
  refund?: { goodsShare: number; shippingFen?: number; compensationFen?: number; note: string };
  party?: Party;
  returnShippingFen?: number;
}

const CASES: DemoCase[] = [
  { kind: 'refund-only', reason: '未收到货', words: '物流三天没动了，还能到吗？不行就退款吧', path: [] },
  { kind: 'return-refund', reason: '尺码不合适', words: '平时穿 M，这件偏小，想退', path: [['wait-buyer-return', 3]] },
  { kind: 'return-refund', reason: '七天无理由', words: '颜色和图片有差别，不太喜欢', path: [['wait-buyer-return', 2], ['wait-seller-confirm', 20]] },
  {
    kind: 'return-refund', reason: '质量问题', words: '洗了一次就起球了', path: [['wait-buyer-return', 1], ['wait-seller-confirm', 18], ['refunded', 22]],
    refund: { goodsShare: 1, note: '质量问题全额退款，向供应商追偿' }, party: 'supplier', returnShippingFen: 1200,
  },
  {
    kind: 'refund-only', reason: '快递破损', words: '外包装破了，衣服上有一道油印', path: [['refunded', 4]],
    refund: { goodsShare: 0.3, note: '部分退款 30%，买家同意不退货；向快递索赔' }, party: 'courier', returnShippingFen: 0,
  },
  { kind: 'exchange', reason: '尺码不合适', words: '想换大一码，L 码', path: [['wait-buyer-return', 2], ['wait-seller-confirm', 15], ['exchange-pending', 19]] },
  { kind: 'refund-only', reason: '其他', words: '不想要了', path: [['refused', 6]] },
  { kind: 'return-refund', reason: '尺码不合适', words: '买大了', path: [['wait-buyer-return', 2], ['closed', 10]] },
];

/** The month before: cases opened a few days after their order shipped and settled since. */
const MONTH: { kind: CaseKind; reason: string; words: string; end: 'refunded' | 'closed' | 'refused'; party?: Party; share?: number }[] = [
  { kind: 'return-refund', reason: '尺码不合适', words: '偏小一码，退了重拍', end: 'refunded', party: 'customer', share: 1 },
  { kind: 'return-refund', reason: '七天无理由', words: '不太喜欢这个颜色', end: 'refunded', party: 'customer', share: 1 },
  { kind: 'refund-only', reason: '快递破损', words: '袋子破了，衣服脏了一块', end: 'refunded', party: 'courier', share: 0.5 },
  { kind: 'return-refund', reason: '质量问题', words: '袖口开线了', end: 'refunded', party: 'supplier', share: 1 },
  { kind: 'refund-only', reason: '其他', words: '拍错了', end: 'refused' },
  { kind: 'return-refund', reason: '尺码不合适', words: '想退', end: 'closed' },
  { kind: 'return-refund', reason: '与描述不符', words: '比图片薄', end: 'refunded', party: 'customer', share: 1 },
  { kind: 'refund-only', reason: '质量问题', words: '有个小污点，补偿一点就不退了', end: 'refunded', party: 'supplier', share: 0.2 },
];

const MOVE_NOTES: Partial<Record<CaseState, string>> = {
  'wait-buyer-return': '同意退货，已发退货地址',
  'wait-seller-confirm': '买家已寄回，等待仓库收货验货',
  refunded: '已退款',
  refused: '已发货且商品无问题，买家未说明理由，拒绝仅退款',
  closed: '买家撤销了申请',
  'exchange-pending': '退回的衣服已验收，等待发出新尺码',
};

const REVIEWS: { rating: Rating; text: string; reply?: string }[] = [
  { rating: 'good', text: '面料很软，穿着舒服，发货也快' },
  { rating: 'good', text: '第二次买了，质量一如既往' },
  { rating: 'good', text: '尺码标准，客服很耐心' },
  { rating: 'good', text: '包装用心，送人很体面' },
  { rating: 'good', text: '颜色正，和图片一样' },
  { rating: 'good', text: '物流快，第二天就到了' },
  { rating: 'neutral', text: '衣服还行，就是有点线头', reply: '亲，感谢反馈，已提醒仓库出库前检查线头，给您添麻烦了' },
  { rating: 'neutral', text: '比想象中薄一点' },
  { rating: 'bad', text: '等了五天才发货，太慢了' },
];

/** Fills the after-sales tables from the demo's shipped orders (fulfillment's demo runs first). */
export function registerDemo(ctx: PluginContext): void {
  ctx.demo.register(async (tx, { now }) => {
    const orders = ctx.services.get(OrdersToken);
    const shipped = (await orders.find({ status: ['shipped'], pageSize: 100 })).items.filter((o) => o.paidAt && o.items.length);
    if (!shipped.length) return;
    await fillCases(ctx, tx, shipped.slice(0, CASES.length), now);
    await fillReviews(ctx, tx, shipped.slice(CASES.length, CASES.length + REVIEWS.length), now, ctx.demo.owner().id);
    // The month's orders shipped a week or more ago; every twelfth had a case, settled since.
    const older = [];
    for (let page = 2; page <= 5; page++) older.push(...(await orders.find({ status: ['shipped'], pageSize: 100, page })).items);
    const weekAgo = Date.parse(now) - 7 * 86_400_000;
    await fillMonth(ctx, tx, older.filter((o, i) => o.paidAt && o.items.length && o.steps.shippedBy !== null && Date.parse(o.steps.shippedBy.at) < weekAgo && i % 12 === 0));
  });
}

async function fillCases(ctx: PluginContext, tx: Transaction, orders: OrderDetail[], now: string): Promise<void> {
  const s = settingsOf(ctx)();
  const store = caseStore(tx);
  const hoursAgo = (h: number) => ctx.shopTime(Date.parse(now) - h * 3_600_000);
  for (const [i, order] of orders.entries()) {
    const plan = CASES[i]!;
    const item = order.items[0]!;
    // Opened a day or so ago, spread so the queue's order by deadline has something to sort.
    const openedHoursAgo = 26 - i * 2;
    const openedAt = hoursAgo(openedHoursAgo);
    const id = await store.insert({
      orderId: order.id, orderNo: order.orderNo, itemId: item.id, lineKey: item.lineKey, skuCode: item.skuCode, title: item.title,
      quantity: item.quantity, linePaid: linePaid(order, item), shippingPaid: order.shippingFee, paidAt: order.paidAt,
      kind: plan.kind, reason: plan.reason, reasonText: '', state: 'wait-seller-agree', source: 'manual', platformRefund: null,
      dueAt: dueAtFor(ctx, 'wait-seller-agree', s.answerDays, openedAt), by: CLERK, at: openedAt,
    });
    await store.addNote(id, { kind: 'customer', text: plan.words, by: CLERK, at: openedAt });
    let from: CaseState = 'wait-seller-agree';
    for (const [to, after] of plan.path) {
      const at = hoursAgo(openedHoursAgo - after);
      if (to === 'refunded' && plan.refund) {
        const paid = linePaid(order, item);
        await store.addRefund(id, { goods: Math.round(paid * plan.refund.goodsShare), shipping: plan.refund.shippingFen ?? 0, compensation: plan.refund.compensationFen ?? 0, note: plan.refund.note, by: CLERK, at });
      }
      if (to === 'refunded' && plan.party) await store.setResponsibility(id, responsibility(s, plan.kind, plan.party, plan.returnShippingFen ?? 0, at), at);
      const final = to === 'refunded' || to === 'closed' || to === 'sent';
      await store.move(id, { from, to, dueAt: dueAtFor(ctx, to, s.answerDays, at), closedAt: final ? at : null, note: MOVE_NOTES[to] ?? '', by: CLERK, at });
      from = to;
    }
  }
}

async function fillMonth(ctx: PluginContext, tx: Transaction, orders: OrderDetail[]): Promise<void> {
  const s = settingsOf(ctx)();
  const store = caseStore(tx);
  for (const [i, order] of orders.entries()) {
    const plan = MONTH[i % MONTH.length]!;
    const item = order.items[0]!;
    const shipped = Date.parse(order.steps.shippedBy!.at);
    const at = (days: number) => ctx.shopTime(shipped + days * 86_400_000);
    const id = await store.insert({
      orderId: order.id, orderNo: order.orderNo, itemId: item.id, lineKey: item.lineKey, skuCode: item.skuCode, title: item.title,
      quantity: item.quantity, linePaid: linePaid(order, item), shippingPaid: order.shippingFee, paidAt: order.paidAt,
      kind: plan.kind, reason: plan.reason, reasonText: '', state: 'wait-seller-agree', source: 'manual', platformRefund: null,
      dueAt: dueAtFor(ctx, 'wait-seller-agree', s.answerDays, at(2)), by: CLERK, at: at(2),
    });
    await store.addNote(id, { kind: 'customer', text: plan.words, by: CLERK, at: at(2) });
    // Refunds took from half a day to three days: the figures' refund speed has a spread.
    const settled = at(2 + 0.5 + (i % 6) * 0.5);
    if (plan.end === 'refunded') {
      await store.addRefund(id, { goods: Math.round(linePaid(order, item) * plan.share!), shipping: 0, compensation: 0, note: '已退款', by: CLERK, at: settled });
      await store.setResponsibility(id, responsibility(s, plan.kind, plan.party!, plan.kind === 'return-refund' ? 1000 : 0, settled), settled);
    }
    await store.move(id, { from: 'wait-seller-agree', to: plan.end, dueAt: null, closedAt: plan.end === 'refused' ? null : settled, note: MOVE_NOTES[plan.end] ?? '', by: CLERK, at: settled });
  }
}

/** Who answers for a demo case that is not the shop's mistake, with the return shipping split and explained. */
function responsibility(s: AfterSalesSettings, kind: CaseKind, party: Party, returnShippingFen: number, at: string): Responsibility {
  const split = splitReturnShipping(kind, party, returnShippingFen, s.returnShipping);
  return {
    party, mistake: null, equipmentFault: false, returnShippingFen,
    shopFen: split.shopFen, customerFen: split.customerFen, otherFen: split.otherFen, responsible: [], explanation: split.explanation,
    decidedBy: CLERK, decidedAt: at,
  };
}

async function fillReviews(ctx: PluginContext, tx: Transaction, orders: OrderDetail[], now: string, by: number): Promise<void> {
  const store = reviewStore(tx);
  const { reviewWorkDays } = ctx.settings.get() as unknown as { reviewWorkDays: number };
  for (const [i, order] of orders.entries()) {
    const r = REVIEWS[i]!;
    // Reviews of the last three days, the newest today.
    const reviewedOn = ctx.shopTime(Date.parse(now) - (i % 3) * 86_400_000).slice(0, 10);
    const added = await store.add(
      { orderNo: order.orderNo, rating: r.rating, text: r.text, reviewedOn, source: 'hand', dueOn: needsWork(r.rating) ? workDueOn(reviewedOn, reviewWorkDays) : null },
      { id: by, at: now },
    );
    if (added && r.reply) await store.reply(added.id, r.reply, { id: by, at: now });
  }
}
