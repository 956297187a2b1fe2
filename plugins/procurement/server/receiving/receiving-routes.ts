import { def, ID_PARAMS, nullable, type PluginContext } from '@workbench/plugin-api';
import { readOrder } from '../orders/order-routes.js';
import { PURCHASE_ORDER } from '../orders/order-schemas.js';
import type { BreachRecorder } from '../orders/supplier-gate.js';
import { receive, type CountInput } from './receive.js';
import { receiptStore } from './receipt-store.js';

const count = { type: 'integer', minimum: 0, maximum: 1_000_000 };

const RECEIPT = {
  type: 'object',
  properties: {
    id: def('id'), receiptNo: { type: 'string' }, orderId: def('id'), day: def('date'), byName: { type: 'string' }, at: def('timestamp'),
    lines: {
      type: 'array',
      items: {
        type: 'object',
        properties: { lineId: def('id'), skuId: def('id'), skuCode: { type: 'string' }, title: { type: 'string' }, counted: count, passed: count, failed: count, over: count, outstanding: count, daysLate: count, failureReason: nullable({ type: 'string' }) },
        required: ['lineId', 'skuId', 'skuCode', 'counted', 'passed', 'failed', 'over', 'daysLate', 'failureReason'],
      },
    },
  },
  required: ['id', 'receiptNo', 'orderId', 'day', 'byName', 'at', 'lines'],
};

export function addReceivingRoutes(ctx: PluginContext, breach: BreachRecorder): void {
  ctx.routes.add<{ id: number }, Record<string, unknown>, { lines: CountInput[]; locationCode?: string }>({
    method: 'post',
    path: '/orders/:id/receipts',
    permission: 'procurement.receive',
    summary: { 'zh-CN': '按采购单收货验收（扫描商家编码或条码）', en: 'Receive and inspect against an order (SKU code or barcode scanned)' },
    description: {
      'zh-CN': '合格的件数入仓（procurement.goods.received），不合格的进退换货单；多发、晚到、不合格记入供应商考核。',
      en: 'Passed pieces go to the warehouse (procurement.goods.received), failed ones onto a return; over, late and failed deliveries are scored.',
    },
    params: ID_PARAMS,
    body: {
      type: 'object',
      properties: {
        lines: {
          type: 'array',
          minItems: 1,
          maxItems: 500,
          items: {
            type: 'object',
            properties: { lineId: def('id'), code: { type: 'string', minLength: 1, maxLength: 64 }, counted: count, failed: count, failureReason: { type: 'string', maxLength: 200 }, locationCode: { type: 'string', minLength: 1, maxLength: 40 } },
            required: ['counted'],
            anyOf: [{ required: ['lineId'] }, { required: ['code'] }],
            additionalProperties: false,
          },
        },
        locationCode: { type: 'string', minLength: 1, maxLength: 40 },
      },
      required: ['lines'],
      additionalProperties: false,
    },
    response: {
      type: 'object',
      properties: { receiptId: def('id'), receiptNo: { type: 'string' }, returnId: nullable(def('id')), returnNo: nullable({ type: 'string' }), order: PURCHASE_ORDER },
      required: ['receiptId', 'receiptNo', 'returnId', 'returnNo', 'order'],
    },
    status: 201,
    action: 'receive purchase',
    handler: ({ params, body, actor }) =>
      ctx.db.transaction(async (tx) => {
        const result = await receive(ctx, tx, params.id, body, actor!, breach);
        return { ...result, order: await readOrder(ctx, tx, params.id) };
      }),
  });

  ctx.routes.add<{ id: number }>({
    method: 'get',
    path: '/orders/:id/receipts',
    permission: 'procurement.orders.read',
    summary: { 'zh-CN': '采购单的到货记录', en: "An order's receipts" },
    params: ID_PARAMS,
    response: { type: 'object', properties: { items: { type: 'array', items: RECEIPT } }, required: ['items'] },
    handler: ({ params }) => ctx.db.read(async (q) => ({ items: await receiptStore(q).forOrder(params.id) })),
  });
}
