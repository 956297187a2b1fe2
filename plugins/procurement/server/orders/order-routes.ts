import { ConflictError, def, ID_PARAMS, listQuery, nullable, type Actor, type PluginContext, type Queryable, type Transaction } from '@workbench/plugin-api';
import { refuseForeignContract } from '../contracts/contract-routes.js';
import { scorecardStore } from '../scorecard/scorecard-store.js';
import { settingsOf } from '../settings.js';
import { approvalSteps, nextSignature } from './approval-chain.js';
import type { PurchaseOrder } from './order-model.js';
import { resolveLines, type LineInput } from './order-lines.js';
import { PO_SUMMARY, PURCHASE_ORDER, REASON_BODY, VERSION_BODY } from './order-schemas.js';
import { orderSettings } from './order-settings.js';
import { orderStore, type OrderStore } from './order-store.js';
import { poMoveProblem, type PoMove, type PoStatus } from './po-states.js';
import { supplierForOrder, type BreachRecorder } from './supplier-gate.js';

const LINE = {
  type: 'object',
  properties: { skuCode: { type: 'string', minLength: 1, maxLength: 64 }, qty: { type: 'integer', minimum: 1, maximum: 1_000_000 }, price: def('price'), expectedDate: nullable(def('date')) },
  required: ['skuCode', 'qty'],
  additionalProperties: false,
};
const TERMS = {
  transportCost: { type: 'integer', minimum: 0, maximum: 100_000_000 },
  expectedDate: nullable(def('date')),
  remark: { type: 'string', maxLength: 500 },
  contractId: nullable(def('id')),
  lines: { type: 'array', items: LINE, minItems: 1, maxItems: 500 },
};

interface OrderBody {
  supplierId: number;
  transportCost?: number;
  expectedDate?: string | null;
  remark?: string;
  contractId?: number | null;
  lines: LineInput[];
}

const by = (actor: Actor) => ({ id: actor.id, name: actor.displayName });

/** The order as the API sends it: a draft with its chain as it stands now, others as signed. */
export async function readOrder(ctx: PluginContext, tx: Queryable, id: number): Promise<PurchaseOrder> {
  const store = orderStore(tx);
  const order = await store.get(id);
  if (order.status !== 'draft') return order;
  const gate = await scorecardStore(tx, settingsOf(ctx)().scorecard).orderGate(order.supplierId);
  return store.get(id, approvalSteps(order.total, orderSettings(ctx).approvalChain, gate.needsOwnerApproval));
}

/** Refuses a move the order's state does not allow, with a message naming the state and the way on. */
export function refuseMove(status: PoStatus, move: PoMove): void {
  const problem = poMoveProblem(status, move);
  if (problem) throw new ConflictError(problem);
}

/** Closes an order: the pieces still outstanding are a short delivery on the supplier's card. */
async function close(tx: Transaction, store: OrderStore, order: PurchaseOrder, version: number, reason: string, actor: Actor, now: string, breach: BreachRecorder): Promise<void> {
  const short = order.lines.filter((l) => l.outstanding > 0);
  if (short.length > 0) {
    const note = `${order.poNo} 结案时未到：${short.map((l) => `${l.skuCode} ${l.outstanding} 件`).join('，')}`;
    await breach(tx, { supplierId: order.supplierId, kind: 'short-delivery', note, reference: order.poNo, source: 'orders', by: actor.id });
  }
  await store.move(order.id, version, 'close', 'closed', by(actor), now, reason);
}

export function addOrderRoutes(ctx: PluginContext, breach: BreachRecorder): void {
  const today = () => ctx.now().slice(0, 10);

  ctx.routes.add<Record<string, string>, { page: number; pageSize: number; q?: string; status?: PoStatus; supplier?: number }>({
    method: 'get',
    path: '/orders',
    permission: 'procurement.orders.read',
    summary: { 'zh-CN': '采购单列表（最新在前）', en: 'Purchase orders, newest first' },
    query: listQuery({ status: { type: 'string', enum: ['draft', 'approved', 'sent', 'partly-received', 'received', 'closed', 'cancelled'] }, supplier: def('id') }),
    response: { type: 'object', properties: { items: { type: 'array', items: PO_SUMMARY }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } }, required: ['items', 'total', 'page', 'pageSize'] },
    handler: ({ query }) => ctx.db.read((q) => orderStore(q).list({ page: query.page, pageSize: query.pageSize, ...(query.q ? { q: query.q } : {}), ...(query.status ? { status: query.status } : {}), ...(query.supplier ? { supplierId: query.supplier } : {}) })),
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, OrderBody, PurchaseOrder>({
    method: 'post',
    path: '/orders',
    permission: 'procurement.orders.write',
    summary: { 'zh-CN': '新建采购单（草稿）', en: 'Draft a purchase order' },
    body: { type: 'object', properties: { supplierId: def('id'), ...TERMS }, required: ['supplierId', 'lines'], additionalProperties: false },
    response: PURCHASE_ORDER,
    status: 201,
    action: 'draft purchase order',
    handler: ({ body, actor }) =>
      ctx.db.transaction(async (tx) => {
        await supplierForOrder(ctx, tx, body.supplierId);
        if (body.contractId) await refuseForeignContract(tx, body.contractId, body.supplierId);
        const lines = await resolveLines(ctx, tx, body.supplierId, body.lines, today());
        const id = await orderStore(tx).create({ ...body, lines }, by(actor!), ctx.now());
        return readOrder(ctx, tx, id);
      }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, PurchaseOrder>({
    method: 'get',
    path: '/orders/:id',
    permission: 'procurement.orders.read',
    summary: { 'zh-CN': '一张采购单：明细、审批、经过', en: 'One purchase order: lines, approvals, history' },
    params: ID_PARAMS,
    response: PURCHASE_ORDER,
    handler: ({ params }) => ctx.db.read((q) => readOrder(ctx, q, params.id)),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, Omit<OrderBody, 'supplierId'> & { version: number }, PurchaseOrder>({
    method: 'put',
    path: '/orders/:id',
    permission: 'procurement.orders.write',
    summary: { 'zh-CN': '修改草稿（已有的审批作废）', en: 'Edit a draft (approvals given are dropped)' },
    params: ID_PARAMS,
    body: { type: 'object', properties: { version: def('version'), ...TERMS }, required: ['version', 'lines'], additionalProperties: false },
    response: PURCHASE_ORDER,
    action: 'edit purchase order',
    handler: ({ params, body }) =>
      ctx.db.transaction(async (tx) => {
        const store = orderStore(tx);
        const order = await store.get(params.id);
        refuseMove(order.status, 'edit');
        if (body.contractId) await refuseForeignContract(tx, body.contractId, order.supplierId);
        const lines = await resolveLines(ctx, tx, order.supplierId, body.lines, today());
        await store.replace(params.id, body.version, { ...body, lines });
        return readOrder(ctx, tx, params.id);
      }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { version: number }, PurchaseOrder>({
    method: 'post',
    path: '/orders/:id/approve',
    permission: 'procurement.orders.approve',
    summary: { 'zh-CN': '审批一级（金额达到的每一级依次审批，下单人不能审批）', en: 'Sign the next approval step (each step the amount reaches, in order; never the author)' },
    params: ID_PARAMS,
    body: VERSION_BODY,
    response: PURCHASE_ORDER,
    action: 'approve purchase order',
    handler: ({ params, body, actor }) =>
      ctx.db.transaction(async (tx) => {
        const store = orderStore(tx);
        const order = await store.get(params.id);
        refuseMove(order.status, 'approve');
        if (order.version !== body.version) throw new ConflictError({ 'zh-CN': '采购单刚被别人改过，请刷新后再审批', en: 'Someone changed the order just now; reload it and approve again' });
        const supplier = await supplierForOrder(ctx, tx, order.supplierId);
        const steps = approvalSteps(order.total, orderSettings(ctx).approvalChain, supplier.needsOwner);
        if (steps.length === 0) {
          if (order.createdBy === actor!.id) throw new ConflictError({ 'zh-CN': '采购单不能由下单人自己审批，请另一位同事审批', en: 'An order is never approved by the person who wrote it; ask a colleague' });
        } else {
          const outcome = nextSignature(steps, await store.signatures(order.id), actor!, order.createdBy);
          if ('problem' in outcome) throw new ConflictError(outcome.problem);
          await store.sign(order.id, outcome.step, steps[outcome.step]!, by(actor!), ctx.now());
          if (!outcome.last) {
            await tx.updateVersioned('procurement_orders', { id: order.id, version: body.version }, {});
            return readOrder(ctx, tx, order.id);
          }
        }
        await store.move(order.id, body.version, 'approve', 'approved', by(actor!), ctx.now());
        return readOrder(ctx, tx, order.id);
      }),
  });

  const simpleMove = (path: string, move: 'send' | 'cancel', to: PoStatus, summary: { 'zh-CN': string; en: string }, withReason: boolean) =>
    ctx.routes.add<{ id: number }, Record<string, unknown>, { version: number; reason?: string }, PurchaseOrder>({
      method: 'post',
      path,
      permission: 'procurement.orders.write',
      summary,
      params: ID_PARAMS,
      body: withReason ? REASON_BODY : VERSION_BODY,
      response: PURCHASE_ORDER,
      action: `${move} purchase order`,
      handler: ({ params, body, actor }) =>
        ctx.db.transaction(async (tx) => {
          const store = orderStore(tx);
          const order = await store.get(params.id);
          refuseMove(order.status, move);
          if (move === 'send') await supplierForOrder(ctx, tx, order.supplierId);
          await store.move(order.id, body.version, move, to, by(actor!), ctx.now(), body.reason?.trim() ?? '');
          return readOrder(ctx, tx, order.id);
        }),
    });
  simpleMove('/orders/:id/send', 'send', 'sent', { 'zh-CN': '已发给供应商（已审批的单）', en: 'Mark an approved order sent to the supplier' }, false);
  simpleMove('/orders/:id/cancel', 'cancel', 'cancelled', { 'zh-CN': '取消（收货前），写明原因', en: 'Cancel before any goods came, with the reason' }, true);

  ctx.routes.add<{ id: number }, Record<string, unknown>, { version: number; reason: string }, PurchaseOrder>({
    method: 'post',
    path: '/orders/:id/close',
    permission: 'procurement.orders.write',
    summary: { 'zh-CN': '结案；未到的件数记为少发货扣分', en: 'Close; pieces that never came are scored as a short delivery' },
    params: ID_PARAMS,
    body: REASON_BODY,
    response: PURCHASE_ORDER,
    action: 'close purchase order',
    handler: ({ params, body, actor }) =>
      ctx.db.transaction(async (tx) => {
        const store = orderStore(tx);
        const order = await store.get(params.id);
        refuseMove(order.status, 'close');
        await close(tx, store, order, body.version, body.reason.trim(), actor!, ctx.now(), breach);
        return readOrder(ctx, tx, order.id);
      }),
  });

  ctx.routes.add<Record<string, string>, { sku?: number[] }>({
    method: 'get',
    path: '/on-order',
    permission: 'procurement.orders.read',
    summary: { 'zh-CN': '在途数量（已审批未到的件数，按 SKU）', en: 'Quantity on order per SKU (approved, not yet passed)' },
    query: { type: 'object', properties: { sku: { type: 'array', items: def('id'), maxItems: 1000 } } },
    response: { type: 'object', properties: { items: { type: 'array', items: { type: 'object', properties: { skuId: def('id'), qty: { type: 'integer' } }, required: ['skuId', 'qty'] } } }, required: ['items'] },
    handler: ({ query }) =>
      ctx.db.read(async (q) => ({ items: [...(await orderStore(q).onOrder(query.sku)).entries()].map(([skuId, qty]) => ({ skuId, qty })).sort((a, b) => a.skuId - b.skuId) })),
  });

}
