import { def, ref, type PluginContext } from '@workbench/plugin-api';
import { CatalogToken } from '../tokens.js';
import { expectedLines, orderByRef, orderScans } from './verify-lines.js';
import { resetScans, scanItem, verificationView } from './verify-scan.js';
import { WAVE_SCHEMAS } from './wave-schemas.js';

const PERMISSION = 'fulfillment.verify';
const ORDER_PARAMS = { type: 'object', properties: { orderId: def('id') }, required: ['orderId'] };

/** The verification station (复核台): look an order up, scan its items one by one, start again. */
export function addVerificationRoutes(ctx: PluginContext): void {
  const catalog = () => ctx.services.get(CatalogToken);

  ctx.routes.add<{ ref: string }>({
    method: 'get',
    path: '/verification/:ref',
    permission: PERMISSION,
    summary: { 'zh-CN': '复核：查订单（订单编号、物流单号或订单 id）', en: 'Verification: find the order (order number, tracking number or id)' },
    params: { type: 'object', properties: { ref: { type: 'string', minLength: 1, maxLength: 64 } }, required: ['ref'] },
    response: ref(WAVE_SCHEMAS.verification),
    handler: async ({ params, actor }) => {
      const { row, lines } = await ctx.db.read(async (q) => {
        const order = await orderByRef(q, params.ref);
        return { row: order, lines: await expectedLines(q, order.id) };
      });
      return verificationView(catalog(), actor!, row, lines);
    },
  });

  ctx.routes.add<{ orderId: number }, Record<string, unknown>, { code: string }>({
    method: 'post',
    path: '/verification/:orderId/scan',
    permission: PERMISSION,
    summary: { 'zh-CN': '复核扫码', en: 'Scan an item' },
    description: {
      'zh-CN': '扫条码或商家编码。扫错、多扫、不认识的码都会记录并返回 409；最后一件扫完订单变为已复核',
      en: 'A barcode or SKU code. A wrong, surplus or unknown code is recorded and answered 409; the last item makes the order verified',
    },
    params: ORDER_PARAMS,
    body: { type: 'object', properties: { code: { type: 'string', minLength: 1, maxLength: 64 } }, required: ['code'], additionalProperties: false },
    response: ref(WAVE_SCHEMAS.scan),
    action: 'verification scan',
    handler: ({ params, body, actor }) => scanItem({ ctx, catalog: catalog() }, actor!, params.orderId, body.code),
  });

  ctx.routes.add<{ orderId: number }>({
    method: 'get',
    path: '/verification/:orderId/scans',
    permission: PERMISSION,
    summary: { 'zh-CN': '复核扫码记录（含扫错、多扫）', en: 'Scans of an order, refused ones included' },
    params: ORDER_PARAMS,
    response: { type: 'object', properties: { items: { type: 'array', items: ref(WAVE_SCHEMAS.scanRecord) } }, required: ['items'] },
    handler: async ({ params }) => ({ items: await ctx.db.read((q) => orderScans(q, params.orderId)) }),
  });

  ctx.routes.add<{ orderId: number }>({
    method: 'post',
    path: '/verification/:orderId/reset',
    permission: PERMISSION,
    summary: { 'zh-CN': '重新复核（清空已扫数量）', en: 'Count the order again' },
    description: { 'zh-CN': '已扫记录仍保留备查；已复核的订单不能重来', en: 'Past scans are kept for tracing; a verified order cannot start again' },
    params: ORDER_PARAMS,
    response: ref(WAVE_SCHEMAS.verification),
    action: 'verification reset',
    handler: ({ params, actor }) => resetScans(ctx, catalog(), actor!, params.orderId),
  });
}
