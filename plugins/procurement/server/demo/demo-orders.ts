// The demo shop's month of buying: an order received three weeks ago and paid since, one on its way,
// and a draft from the supplier at 60 points waiting for the owner — so the order list, the ledger
// with its ageing and the suggestions (which count what is on order) have a month behind them.
import type { PluginContext, Transaction } from '@workbench/plugin-api';
import { approvalSteps } from '../orders/approval-chain.js';
import type { PoInput } from '../orders/order-model.js';
import { orderSettings } from '../orders/order-settings.js';
import { orderStore } from '../orders/order-store.js';
import { ledgerStore } from '../ledger/ledger-store.js';
import { receiptStore } from '../receiving/receipt-store.js';
import type { By } from '../numbers.js';


export interface DemoSupplier {
  id: number;
  items: { skuId: number; skuCode: string; barcode: string | null; title: string; price: number }[];
}

/**
 * The demo's only account is the owner who loaded it: the rows carry that account, with the names
 * of the shop's people who did each step, as fulfillment's demo names its clerks.
 */
export async function fillDemoOrders(ctx: PluginContext, tx: Transaction, suppliers: DemoSupplier[], now: string, owner: { id: number; name: string }): Promise<void> {
  const BUYER: By = { id: owner.id, name: '小林（采购）' };
  const SIGNER: Record<string, By> = { purchasing: BUYER, finance: { id: owner.id, name: '周会计' }, owner };
  const WAREHOUSE: By = { id: owner.id, name: '老周（仓管）' };
  const [first, second, held] = suppliers;
  if (!first?.items.length || !second?.items.length || !held?.items.length) return;
  const at = (days: number) => ctx.shopTime(Date.parse(now) - days * 86_400_000);
  const day = (days: number) => at(days).slice(0, 10);
  const orders = orderStore(tx);
  const chain = orderSettings(ctx).approvalChain;
  const lines = (s: DemoSupplier, from: number, qty: number): PoInput['lines'] =>
    s.items.slice(from, from + 3).map((i) => ({ skuId: i.skuId, skuCode: i.skuCode, barcode: i.barcode, title: i.title, qty, price: i.price }));

  /** Drafted, signed by each step the amount needs, and (unless `draft`) sent. Answers its id and version. */
  const place = async (input: PoInput, daysAgo: number, draft = false) => {
    const id = await orders.create(input, BUYER, at(daysAgo));
    let version = 1;
    if (draft) return { id, version };
    const total = input.lines.reduce((sum, l) => sum + l.qty * l.price, 0) + (input.transportCost ?? 0);
    for (const [n, step] of approvalSteps(total, chain, false).entries()) await orders.sign(id, n, step, SIGNER[step.role] ?? SIGNER.owner!, at(daysAgo - 0.1));
    await orders.move(id, version++, 'approve', 'approved', SIGNER.owner!, at(daysAgo - 0.1));
    await orders.move(id, version++, 'send', 'sent', BUYER, at(daysAgo - 0.2));
    return { id, version };
  };

  // Three weeks ago: received whole, on time, and paid ten days later.
  const received = await place({ supplierId: first.id, transportCost: 1500, expectedDate: day(21), remark: '月初补货', lines: lines(first, 0, 20) }, 26);
  const po = await orders.get(received.id);
  const { receiptNo } = await receiptStore(tx).add(received.id, day(21), po.lines.map((l) => ({ lineId: l.id, counted: l.qty, passed: l.qty, failed: 0, over: 0, outstanding: 0, daysLate: 0, failureReason: null })), WAREHOUSE, at(21));
  for (const l of po.lines) await orders.addPassed(l.id, l.qty, 0);
  await orders.move(received.id, received.version, 'receive', 'received', WAREHOUSE, at(21));
  const ledger = ledgerStore(tx);
  await ledger.add({ supplierId: first.id, day: day(21), kind: 'delivery', reference: receiptNo, orderId: received.id, amount: po.goodsAmount, transport: po.transportCost, note: po.poNo }, owner.id, at(21));
  await ledger.add({ supplierId: first.id, day: day(11), kind: 'payment', reference: '转账 1106', paid: po.goodsAmount + po.transportCost, note: '月结' }, owner.id, at(11));

  // Five days ago: sent, due in two days.
  await place({ supplierId: second.id, expectedDate: day(-2), remark: '双十二备货', lines: lines(second, 0, 30) }, 5);
  // Today: a draft from the supplier at 60 points, which only the owner may approve.
  await place({ supplierId: held.id, remark: '价格便宜，但要店长确认', lines: lines(held, 0, 20) }, 0.1, true);
}
