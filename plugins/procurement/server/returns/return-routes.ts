import { ConflictError, def, ID_PARAMS, InputError, nullable, type Actor, type PluginContext, type Transaction } from '@workbench/plugin-api';
import { ledgerStore } from '../ledger/ledger-store.js';
import { orderStore } from '../orders/order-store.js';
import { returnStore, type ReturnStatus, type SupplierReturn } from './return-store.js';

const count = { type: 'integer', minimum: 0 };
export const RETURN = {
  type: 'object',
  properties: {
    id: def('id'), returnNo: { type: 'string' }, supplierId: def('id'), supplierName: { type: 'string' }, orderId: nullable(def('id')), poNo: nullable({ type: 'string' }),
    status: { type: 'string', enum: ['open', 'sent', 'settled'] }, reason: { type: 'string' }, settlementNote: nullable({ type: 'string' }),
    createdAt: def('timestamp'), sentAt: nullable(def('timestamp')), settledAt: nullable(def('timestamp')), version: def('version'),
    lines: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: def('id'), orderLineId: nullable(def('id')), skuId: def('id'), skuCode: { type: 'string' }, title: { type: 'string' }, qty: count, price: def('money'), reason: { type: 'string' }, exchanged: count, writtenOff: count, open: count },
        required: ['id', 'skuId', 'skuCode', 'title', 'qty', 'price', 'reason', 'exchanged', 'writtenOff', 'open'],
      },
    },
    openQty: count, openValue: def('money'),
  },
  required: ['id', 'returnNo', 'supplierId', 'supplierName', 'status', 'lines', 'openQty', 'openValue', 'version'],
};

const STATUS_NAMES: Record<ReturnStatus, { 'zh-CN': string; en: string }> = {
  open: { 'zh-CN': '待退回', en: 'still in the shop' },
  sent: { 'zh-CN': '已换货出库', en: 'sent back' },
  settled: { 'zh-CN': '已结清', en: 'settled' },
};

function refuse(ret: SupplierReturn, allowed: ReturnStatus[], what: { 'zh-CN': string; en: string }): void {
  if (allowed.includes(ret.status)) return;
  throw new ConflictError({ 'zh-CN': `退换货单 ${ret.returnNo} 现在是「${STATUS_NAMES[ret.status]['zh-CN']}」，不能${what['zh-CN']}`, en: `Return ${ret.returnNo} is ${STATUS_NAMES[ret.status].en}, so it cannot ${what.en}` });
}

/**
 * Exchanged goods back in (换货入库): into the warehouse as an inbound, onto the order line they
 * replace, and on the supplier's ledger as goods the shop now owes for.
 */
async function exchangeIn(ctx: PluginContext, tx: Transaction, ret: SupplierReturn, lines: { lineId: number; qty: number }[], locationCode: string | undefined, actor: Actor): Promise<void> {
  const returns = returnStore(tx);
  const orders = orderStore(tx);
  const taken: { skuId: number; passed: number }[] = [];
  let amount = 0;
  for (const want of lines.filter((l) => l.qty > 0)) {
    const line = ret.lines.find((l) => l.id === want.lineId);
    if (!line) throw new InputError({ 'zh-CN': `退换货单 ${ret.returnNo} 上没有第 ${want.lineId} 行`, en: `Return ${ret.returnNo} has no line ${want.lineId}` });
    if (want.qty > line.open) throw new InputError({ 'zh-CN': `${line.skuCode} 只有 ${line.open} 件待换，不能换回 ${want.qty} 件`, en: `${line.skuCode} has ${line.open} pieces to exchange, not ${want.qty}` });
    await returns.exchange(line.id, want.qty);
    if (line.orderLineId) await orders.addPassed(line.orderLineId, want.qty, 0);
    taken.push({ skuId: line.skuId, passed: want.qty });
    amount += want.qty * line.price;
  }
  if (taken.length === 0) throw new InputError({ 'zh-CN': '请填写换回的件数', en: 'Give how many pieces came back' });
  await ctx.events.emit('procurement.goods.received', { reference: ret.returnNo, supplier: ret.supplierName, lines: taken.map((t) => ({ ...t, ...(locationCode ? { locationCode } : {}) })) });
  await ledgerStore(tx).add({ supplierId: ret.supplierId, day: ctx.now().slice(0, 10), kind: 'delivery', reference: ret.returnNo, orderId: ret.orderId, amount, note: '换货入库' }, actor.id, ctx.now());
  if (ret.orderId) {
    const order = await orders.get(ret.orderId);
    if (order.status === 'partly-received' && order.lines.every((l) => l.outstanding === 0)) {
      await orders.move(order.id, order.version, 'receive', 'received', { id: actor.id, name: actor.displayName }, ctx.now(), ret.returnNo);
    }
  }
}

export function addReturnRoutes(ctx: PluginContext): void {
  ctx.routes.add<Record<string, string>, { status?: ReturnStatus; supplier?: number }>({
    method: 'get',
    path: '/returns',
    permission: 'procurement.orders.read',
    summary: { 'zh-CN': '退换货单（最新在前），每张带未结的件数和金额', en: 'Returns to suppliers, newest first, each with what is still open' },
    query: { type: 'object', properties: { status: { type: 'string', enum: ['open', 'sent', 'settled'] }, supplier: def('id') } },
    response: { type: 'object', properties: { items: { type: 'array', items: RETURN } }, required: ['items'] },
    handler: ({ query }) => ctx.db.read(async (q) => ({ items: await returnStore(q).list({ ...(query.status ? { status: query.status } : {}), ...(query.supplier ? { supplierId: query.supplier } : {}) }) })),
  });

  ctx.routes.add<{ id: number }>({
    method: 'get',
    path: '/returns/:id',
    permission: 'procurement.orders.read',
    summary: { 'zh-CN': '一张退换货单', en: 'One return to a supplier' },
    params: ID_PARAMS,
    response: RETURN,
    handler: ({ params }) => ctx.db.read((q) => returnStore(q).get(params.id)),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { version: number }>({
    method: 'post',
    path: '/returns/:id/send',
    permission: 'procurement.returns.manage',
    summary: { 'zh-CN': '换货出库：货已交给供应商', en: 'Goods out to the supplier (换货出库)' },
    params: ID_PARAMS,
    body: { type: 'object', properties: { version: def('version') }, required: ['version'], additionalProperties: false },
    response: RETURN,
    action: 'send supplier return',
    handler: ({ params, body, actor }) =>
      ctx.db.transaction(async (tx) => {
        const store = returnStore(tx);
        refuse(await store.get(params.id), ['open'], { 'zh-CN': '换货出库', en: 'go out' });
        await store.markSent(params.id, body.version, actor!.id, ctx.now());
        return store.get(params.id);
      }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { version: number; lines: { lineId: number; qty: number }[]; locationCode?: string }>({
    method: 'post',
    path: '/returns/:id/exchange',
    permission: 'procurement.returns.manage',
    summary: { 'zh-CN': '换货入库：换回的货入仓、补上采购单、记入往来账', en: 'Exchanged goods back in (换货入库): to the warehouse, the order and the ledger' },
    params: ID_PARAMS,
    body: {
      type: 'object',
      properties: {
        version: def('version'),
        lines: { type: 'array', minItems: 1, items: { type: 'object', properties: { lineId: def('id'), qty: { type: 'integer', minimum: 0 } }, required: ['lineId', 'qty'], additionalProperties: false } },
        locationCode: { type: 'string', minLength: 1, maxLength: 40 },
      },
      required: ['version', 'lines'],
      additionalProperties: false,
    },
    response: RETURN,
    action: 'exchange supplier return',
    handler: ({ params, body, actor }) =>
      ctx.db.transaction(async (tx) => {
        const store = returnStore(tx);
        const ret = await store.get(params.id);
        refuse(ret, ['sent'], { 'zh-CN': '换货入库（先换货出库）', en: 'take goods back in (send it out first)' });
        await exchangeIn(ctx, tx, ret, body.lines, body.locationCode, actor!);
        const after = await store.get(params.id);
        if (after.openQty === 0) await store.settle(params.id, body.version, '全部换回', actor!.id, ctx.now());
        else await tx.updateVersioned('procurement_returns', { id: params.id, version: body.version }, {});
        return store.get(params.id);
      }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { version: number; note: string }>({
    method: 'post',
    path: '/returns/:id/settle',
    permission: 'procurement.returns.manage',
    summary: { 'zh-CN': '结清：未换回的件数按说明了结（退款、抵账、报废）', en: 'Settle: pieces not exchanged are closed as noted (refund, credit, scrapped)' },
    params: ID_PARAMS,
    body: { type: 'object', properties: { version: def('version'), note: { type: 'string', minLength: 1, maxLength: 500, pattern: '\\S' } }, required: ['version', 'note'], additionalProperties: false },
    response: RETURN,
    action: 'settle supplier return',
    handler: ({ params, body, actor }) =>
      ctx.db.transaction(async (tx) => {
        const store = returnStore(tx);
        refuse(await store.get(params.id), ['open', 'sent'], { 'zh-CN': '再结清', en: 'be settled again' });
        await store.writeOffRest(params.id);
        await store.settle(params.id, body.version, body.note.trim(), actor!.id, ctx.now());
        return store.get(params.id);
      }),
  });
}
