// Cases from the Taobao import. fulfillment reads 退款状态 per line and announces orders through
// its events (new, newly paid, closed); for each announced order that carries a refund we open the
// line's case, or move its open case to where Taobao says it stands.
import type { PluginContext, Transaction } from '@workbench/plugin-api';
import type { OrderDetail, OrdersNews } from '@workbench/contracts/fulfillment';
import { stateOfPlatformRefund } from '../shared/case-states.js';
import type { PersonRef } from './case-record.js';
import { moveCase } from './case-moves.js';
import { caseStore } from './case-store.js';
import { insertCase } from './open-case.js';
import { settingsOf } from './settings.js';
import { OrdersToken } from './tokens.js';


const IMPORT: PersonRef = { id: null, name: '淘宝导入' };


export function listenToImports(ctx: PluginContext): void {
  const settings = settingsOf(ctx);
  const sync = async (tx: Transaction, orderIds: number[]) => {
    const orders = ctx.services.get(OrdersToken);
    for (const id of orderIds) {
      const order = await orders.byId(id);
      if (order) await syncOrder(ctx, tx, order, settings().answerDays);
    }
  };
  const onNews = async (news: OrdersNews, { tx }: { tx: Transaction }) =>
    // Only orders with a line in refund are read back: a big import of shipped history costs nothing here.
    sync(tx, news.orders.filter((o) => o.items.some((i) => i.refundState !== 'none')).map((o) => o.orderId));
  ctx.events.on<OrdersNews>('fulfillment.order.created', onNews);
  ctx.events.on<OrdersNews>('fulfillment.order.paid', onNews);
  ctx.events.on<{ orderId: number }>('fulfillment.order.closed', async ({ orderId }, { tx }) => sync(tx, [orderId]));
}

async function syncOrder(ctx: PluginContext, tx: Transaction, order: OrderDetail, answerDays: number): Promise<void> {
  const store = caseStore(tx);
  const shipped = order.platformStatus === 'shipped' || order.platformStatus === 'completed' || order.status === 'shipped';
  for (const item of order.items) {
    const state = stateOfPlatformRefund(item.refundStatus);
    if (!state) continue;
    const open = await store.openOnLine(order.id, item.id);
    let id: number;
    if (!open) {
      // A line Taobao shows refunded or closed that the shop never saw open is recorded as it
      // stands, so the figures hold it, but it is not reopened.
      id = await insertCase(ctx, tx, order, item, {
        kind: shipped ? 'return-refund' : 'refund-only', reason: '淘宝退款', reasonText: item.refundStatus ?? '',
        state: 'wait-seller-agree', source: 'import', platformRefund: item.refundStatus, by: IMPORT, answerDays,
      });
    } else id = open.id;
    const c = (await store.get(id, ctx.now()))!;
    if (state === 'refunded' && item.refundAmount > c.refunded.goods) {
      const goods = Math.min(item.refundAmount, c.linePaid) - c.refunded.goods;
      if (goods > 0) await store.addRefund(id, { goods, shipping: 0, compensation: 0, note: `淘宝退款金额 ${item.refundAmount} 分`, by: IMPORT, at: ctx.now() });
    }
    if (c.state !== state) await moveCase(ctx, tx, (await store.get(id, ctx.now()))!, state, { by: IMPORT, note: item.refundStatus ?? '', answerDays, force: true, platformRefund: item.refundStatus });
  }
}
