import { ConflictError, def, ID_PARAMS, InputError, nullable, type PluginContext, type Transaction } from '@workbench/plugin-api';
import { STATE_NAMES, KIND_NAMES } from '../../shared/case-states.js';
import { caseNotFound } from '../case-errors.js';
import { moveCase } from '../case-moves.js';
import type { Case } from '../case-record.js';
import { caseStore } from '../case-store.js';
import { personOf } from '../open-case.js';
import { settingsOf } from '../settings.js';
import { OrdersToken } from '../tokens.js';
import { normalScan, receiptProblem, returnLines, type ReceiptProblem } from './return-rules.js';
import { returnStore, type ReturnRecord } from './return-store.js';

const RETURN = {
  type: 'object',
  properties: {
    caseId: def('id'), trackingNo: nullable({ type: 'string' }), intact: nullable({ type: 'integer' }), damaged: nullable({ type: 'integer' }),
    locationCode: nullable({ type: 'string' }), note: { type: 'string' }, receivedAt: nullable(def('timestamp')), receivedByName: nullable({ type: 'string' }),
  },
  required: ['caseId', 'trackingNo', 'intact', 'damaged', 'receivedAt'],
};
const EXPECTED = {
  type: 'object',
  properties: { id: def('id'), caseNo: { type: 'string' }, orderNo: { type: 'string' }, skuCode: { type: 'string' }, title: { type: 'string' }, quantity: { type: 'integer' }, kind: { type: 'string' }, state: { type: 'string' }, trackingNo: nullable({ type: 'string' }) },
  required: ['id', 'caseNo', 'orderNo', 'skuCode', 'title', 'quantity', 'kind', 'state', 'trackingNo'],
};
type Expected = Pick<Case, 'id' | 'caseNo' | 'orderNo' | 'skuCode' | 'title' | 'quantity' | 'kind' | 'state'> & { trackingNo: string | null };

function refused(p: ReceiptProblem, caseNo: string): ConflictError | InputError {
  switch (p.kind) {
    case 'no-goods-back': return new ConflictError({ 'zh-CN': `售后单 ${caseNo} 是${KIND_NAMES[p.caseKind]['zh-CN']}，没有要退回的货`, en: `Case ${caseNo} is ${KIND_NAMES[p.caseKind].en.toLowerCase()}: no goods come back` });
    case 'not-expecting': return new ConflictError({ 'zh-CN': `售后单 ${caseNo} 现在是“${STATE_NAMES[p.state]['zh-CN']}”，不在等退货`, en: `Case ${caseNo} is "${STATE_NAMES[p.state].en}", not waiting for goods` });
    case 'no-pieces': return new InputError({ 'zh-CN': '请填写收到几件完好、几件破损', en: 'Say how many pieces came back intact and how many damaged' });
    case 'too-many': return new InputError({ 'zh-CN': `收到 ${p.pieces} 件，但售后单只有 ${p.quantity} 件：请核对`, en: `${p.pieces} pieces received but the case is about ${p.quantity}; check them` });
  }
}

/** The warehouse's side of a return: the tracking number to scan, the lookup, and the receipt. */
export function addReturnRoutes(ctx: PluginContext): void {
  const settings = settingsOf(ctx);
  const requireCase = async (tx: Transaction, id: number): Promise<Case> => (await caseStore(tx).get(id, ctx.now())) ?? Promise.reject(caseNotFound(id));

  ctx.routes.add<{ id: number }, Record<string, unknown>, { trackingNo: string }, ReturnRecord>({
    method: 'put',
    path: '/cases/:id/return-tracking',
    permission: 'after-sales.cases.note',
    summary: { 'zh-CN': '记下买家退货的快递单号（仓库扫它收货）', en: "Record the buyer's return tracking number (the warehouse scans it)" },
    params: ID_PARAMS,
    body: { type: 'object', properties: { trackingNo: { type: 'string', pattern: '^\\s*[A-Za-z0-9][A-Za-z0-9 ]{5,39}\\s*$' } }, required: ['trackingNo'], additionalProperties: false },
    response: RETURN,
    action: 'record return tracking',
    handler: ({ params, body }) => ctx.db.transaction(async (tx) => {
      await requireCase(tx, params.id);
      await returnStore(tx).setTracking(params.id, normalScan(body.trackingNo));
      return (await returnStore(tx).get(params.id))!;
    }),
  });

  ctx.routes.add<Record<string, string>, { code: string }, undefined, { items: Expected[] }>({
    method: 'get',
    path: '/returns/expected',
    permission: 'after-sales.returns.receive',
    summary: { 'zh-CN': '扫描退货快递单号或订单编号：等着收货的售后单', en: 'Scan a return tracking number or an order number: the cases waiting for those goods' },
    query: { type: 'object', properties: { code: { type: 'string', minLength: 1, maxLength: 64 } }, required: ['code'] },
    response: { type: 'object', properties: { items: { type: 'array', items: EXPECTED } }, required: ['items'] },
    handler: ({ query }) => ctx.db.read(async (q) => {
      const ids = await returnStore(q).casesForScan(normalScan(query.code));
      const items: Expected[] = [];
      for (const id of ids) {
        const c = (await caseStore(q).get(id, ctx.now()))!;
        items.push({ id: c.id, caseNo: c.caseNo, orderNo: c.orderNo, skuCode: c.skuCode, title: c.title, quantity: c.quantity, kind: c.kind, state: c.state, trackingNo: (await returnStore(q).get(id))?.trackingNo ?? null });
      }
      return { items };
    }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { intact: number; damaged: number; locationCode?: string; note?: string }, ReturnRecord & { state: string }>({
    method: 'post',
    path: '/cases/:id/return-receipt',
    permission: 'after-sales.returns.receive',
    summary: { 'zh-CN': '仓库收到退货并验货：完好的回库位，破损的进残次库，售后单转为等待卖家确认收货', en: 'The warehouse receives and inspects a return: intact pieces back to a bin, damaged ones to 残次库; the case waits for the seller to confirm' },
    params: ID_PARAMS,
    body: {
      type: 'object',
      properties: { intact: { type: 'integer', minimum: 0, maximum: 9999 }, damaged: { type: 'integer', minimum: 0, maximum: 9999 }, locationCode: { type: 'string', minLength: 1, maxLength: 40 }, note: { type: 'string', maxLength: 500 } },
      required: ['intact', 'damaged'], additionalProperties: false,
    },
    response: { ...RETURN, properties: { ...RETURN.properties, state: { type: 'string' } } },
    status: 201,
    action: 'receive return',
    handler: async ({ params, body, actor }) => {
      const by = personOf(actor!);
      return ctx.db.transaction(async (tx) => {
        const c = await requireCase(tx, params.id);
        const already = await returnStore(tx).get(c.id);
        if (already?.receivedAt) throw new ConflictError({ 'zh-CN': `售后单 ${c.caseNo} 的退货已于 ${already.receivedAt.slice(0, 16).replace('T', ' ')} 由 ${already.receivedByName} 收货`, en: `The return of case ${c.caseNo} was received on ${already.receivedAt.slice(0, 16).replace('T', ' ')} by ${already.receivedByName}` });
        const inspection = { intact: body.intact, damaged: body.damaged };
        const problem = receiptProblem(c, inspection);
        if (problem) throw refused(problem, c.caseNo);
        const order = await ctx.services.get(OrdersToken).byId(c.orderId);
        const skuId = order?.items.find((i) => i.id === c.itemId)?.skuId;
        if (typeof skuId !== 'number') throw new ConflictError({ 'zh-CN': `订单 ${c.orderNo} 这一行没有对应到商品（没有商家编码），退货无法入库：请先在订单里对应商品`, en: `This line of order ${c.orderNo} is not matched to a SKU, so the return cannot go into stock; match it on the order first` });
        const note = (body.note ?? '').trim();
        const location = body.locationCode?.trim() || null;
        await returnStore(tx).receive(c.id, { ...inspection, locationCode: location, note, by, at: ctx.now() });
        // Fulfillment puts the pieces away in this transaction: a bin it refuses rolls the receipt back.
        await ctx.events.emit('after-sales.return.received', { orderNo: c.orderNo, reference: c.caseNo, lines: returnLines(skuId, inspection, location) });
        if (c.state === 'wait-buyer-return') {
          const words = `退货到仓：完好 ${inspection.intact} 件，破损 ${inspection.damaged} 件${note ? `；${note}` : ''}`;
          await moveCase(ctx, tx, c, 'wait-seller-confirm', { by, note: words, answerDays: settings().answerDays });
        }
        return { ...(await returnStore(tx).get(c.id))!, state: 'wait-seller-confirm' };
      });
    },
  });
}
