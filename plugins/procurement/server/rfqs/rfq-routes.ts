import { ConflictError, def, ID_PARAMS, InputError, type PluginContext } from '@workbench/plugin-api';
import { orderStore } from '../orders/order-store.js';
import { supplierForOrder } from '../orders/supplier-gate.js';
import { planStore } from '../plans/plan-store.js';
import { CatalogToken } from '../tokens.js';
import { rfqStore } from './rfq-store.js';

const RFQ_BODY = {
  type: 'object',
  properties: {
    planId: def('id'),
    supplierIds: { type: 'array', items: def('id'), minItems: 1, maxItems: 20, uniqueItems: true },
    lines: { type: 'array', maxItems: 500, items: { type: 'object', properties: { skuCode: { type: 'string', minLength: 1, maxLength: 64 }, qty: { type: 'integer', minimum: 1 } }, required: ['skuCode', 'qty'], additionalProperties: false } },
  },
  required: ['supplierIds'],
  additionalProperties: false,
};

export function addRfqRoutes(ctx: PluginContext): void {
  ctx.routes.add<Record<string, string>, Record<string, unknown>, { planId?: number; supplierIds: number[]; lines?: { skuCode: string; qty: number }[] }>({
    method: 'post',
    path: '/rfqs',
    permission: 'procurement.rfqs.manage',
    summary: { 'zh-CN': '询价：把计划的商品（或给定的商品）发给几家供应商', en: "Ask several suppliers for quotes on a plan's lines (or the lines given)" },
    body: RFQ_BODY,
    status: 201,
    action: 'create rfq',
    handler: ({ body, actor }) =>
      ctx.db.transaction(async (tx) => {
        for (const id of body.supplierIds) await supplierForOrder(ctx, tx, id);
        const wanted = body.planId
          ? (await planStore(tx).require(body.planId)).lines.filter((l) => l.skuCode).map((l) => ({ skuCode: l.skuCode!, qty: l.quantity }))
          : (body.lines ?? []);
        if (wanted.length === 0) throw new InputError({ 'zh-CN': '询价单要有商品：选一个有商家编码的采购计划，或填写商品', en: 'A request for quotation needs SKUs: choose a plan with SKU codes, or give the lines' });
        const catalog = ctx.services.get(CatalogToken);
        const skus = await catalog.skusByCodes(wanted.map((w) => w.skuCode.trim()));
        const unknown = wanted.filter((w) => !skus.has(w.skuCode.trim())).map((w) => w.skuCode);
        if (unknown.length) throw new InputError({ 'zh-CN': `商品资料里没有这些商家编码：${unknown.join('、')}`, en: `These SKU codes are not in the catalog: ${unknown.join(', ')}` });
        const lines = wanted.map((w) => {
          const sku = skus.get(w.skuCode.trim())!;
          return { skuId: sku.id, skuCode: sku.code, title: [sku.code, ...Object.values(sku.attributes)].join(' '), qty: w.qty };
        });
        const store = rfqStore(tx);
        return store.get(await store.create({ planId: body.planId ?? null, supplierIds: body.supplierIds, lines }, actor!.id, ctx.now()));
      }),
  });

  ctx.routes.add({
    method: 'get',
    path: '/rfqs',
    permission: 'procurement.orders.read',
    summary: { 'zh-CN': '询价单（最新在前）', en: 'Requests for quotation, newest first' },
    handler: () => ctx.db.read(async (q) => ({ items: await rfqStore(q).list() })),
  });

  ctx.routes.add<{ id: number }>({
    method: 'get',
    path: '/rfqs/:id',
    permission: 'procurement.orders.read',
    summary: { 'zh-CN': '比价表：每行各供应商的单价、交期、起订量、扣分，和选择的理由', en: 'The comparison: per line each supplier’s price, lead time, minimum and points, and the choice with its reason' },
    params: ID_PARAMS,
    handler: ({ params }) => ctx.db.read((q) => rfqStore(q).get(params.id)),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { supplierId: number; lines: { lineId: number; price: number; leadTimeDays: number; minQty?: number; note?: string }[] }>({
    method: 'put',
    path: '/rfqs/:id/quotes',
    permission: 'procurement.rfqs.manage',
    summary: { 'zh-CN': '录入一家供应商的报价（按行）', en: "Enter one supplier's quotes, per line" },
    params: ID_PARAMS,
    body: {
      type: 'object',
      properties: {
        supplierId: def('id'),
        lines: { type: 'array', minItems: 1, items: { type: 'object', properties: { lineId: def('id'), price: def('price'), leadTimeDays: { type: 'integer', minimum: 0, maximum: 365 }, minQty: { type: 'integer', minimum: 1 }, note: { type: 'string', maxLength: 200 } }, required: ['lineId', 'price', 'leadTimeDays'], additionalProperties: false } },
      },
      required: ['supplierId', 'lines'],
      additionalProperties: false,
    },
    action: 'enter quotes',
    handler: ({ params, body, actor }) =>
      ctx.db.transaction(async (tx) => {
        const store = rfqStore(tx);
        const rfq = await store.get(params.id);
        if (rfq.status !== 'open') throw new ConflictError({ 'zh-CN': `询价单 ${rfq.rfqNo} 已经选定，不能再改报价`, en: `${rfq.rfqNo} is decided; its quotes no longer change` });
        if (!rfq.suppliers.some((s) => s.id === body.supplierId)) throw new InputError({ 'zh-CN': '这家供应商不在这张询价单上', en: 'This supplier was not asked on this request' });
        for (const l of body.lines) {
          if (!rfq.lines.some((x) => x.id === l.lineId)) throw new InputError({ 'zh-CN': `询价单上没有第 ${l.lineId} 行`, en: `The request has no line ${l.lineId}` });
          await store.quote(l.lineId, body.supplierId, { price: l.price, leadTimeDays: l.leadTimeDays, minQty: l.minQty ?? 1, note: l.note?.trim() ?? '' }, actor!.id, ctx.now());
        }
        return store.get(params.id);
      }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { version: number; choices: { lineId: number; supplierId: number }[]; reason: string }>({
    method: 'post',
    path: '/rfqs/:id/decision',
    permission: 'procurement.rfqs.manage',
    summary: { 'zh-CN': '选定每行的供应商，写明理由', en: 'Choose the supplier of each line, with the reason' },
    params: ID_PARAMS,
    body: {
      type: 'object',
      properties: { version: def('version'), reason: { type: 'string', minLength: 1, maxLength: 1000, pattern: '\\S' }, choices: { type: 'array', minItems: 1, items: { type: 'object', properties: { lineId: def('id'), supplierId: def('id') }, required: ['lineId', 'supplierId'], additionalProperties: false } } },
      required: ['version', 'choices', 'reason'],
      additionalProperties: false,
    },
    action: 'decide rfq',
    handler: ({ params, body, actor }) =>
      ctx.db.transaction(async (tx) => {
        const store = rfqStore(tx);
        const rfq = await store.get(params.id);
        if (rfq.status === 'ordered') throw new ConflictError({ 'zh-CN': `询价单 ${rfq.rfqNo} 已经下了采购单`, en: `${rfq.rfqNo} has its orders already` });
        for (const c of body.choices) {
          const line = rfq.lines.find((l) => l.id === c.lineId);
          if (!line?.quotes.some((q) => q.supplierId === c.supplierId)) throw new InputError({ 'zh-CN': `${line?.skuCode ?? c.lineId} 没有这家供应商的报价，不能选它`, en: `${line?.skuCode ?? c.lineId} has no quote from that supplier` });
          await supplierForOrder(ctx, tx, c.supplierId);
        }
        await store.choose(params.id, body.version, body.choices, body.reason.trim(), actor!.id, ctx.now());
        return store.get(params.id);
      }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { version: number }>({
    method: 'post',
    path: '/rfqs/:id/orders',
    permission: 'procurement.orders.write',
    summary: { 'zh-CN': '按选定的报价生成采购单草稿（每家供应商一张）', en: 'Draft the purchase orders of the choice (one per supplier)' },
    params: ID_PARAMS,
    body: { type: 'object', properties: { version: def('version') }, required: ['version'], additionalProperties: false },
    status: 201,
    action: 'order rfq',
    handler: ({ params, body, actor }) =>
      ctx.db.transaction(async (tx) => {
        const store = rfqStore(tx);
        const rfq = await store.get(params.id);
        if (rfq.status !== 'decided') throw new ConflictError({ 'zh-CN': `询价单 ${rfq.rfqNo} 还没选定，或已下过单`, en: `${rfq.rfqNo} is not decided, or has its orders already` });
        const bySupplier = new Map<number, typeof rfq.lines>();
        for (const l of rfq.lines.filter((x) => x.chosenSupplierId)) bySupplier.set(l.chosenSupplierId!, [...(bySupplier.get(l.chosenSupplierId!) ?? []), l]);
        const orders: { id: number; poNo: string; supplierId: number }[] = [];
        const skus = await ctx.services.get(CatalogToken).skusByCodes(rfq.lines.map((l) => l.skuCode));
        for (const [supplierId, lines] of bySupplier) {
          await supplierForOrder(ctx, tx, supplierId);
          const id = await orderStore(tx).create(
            {
              supplierId,
              rfqId: rfq.id,
              remark: `${rfq.rfqNo}：${rfq.choiceReason ?? ''}`,
              lines: lines.map((l) => {
                const q = l.quotes.find((x) => x.supplierId === supplierId)!;
                const lead = new Date(Date.parse(`${ctx.now().slice(0, 10)}T00:00:00Z`) + q.leadTimeDays * 86_400_000).toISOString().slice(0, 10);
                return { skuId: l.skuId, skuCode: l.skuCode, barcode: skus.get(l.skuCode)?.barcode ?? null, title: l.title, qty: Math.max(l.qty, q.minQty), price: q.price, expectedDate: lead };
              }),
            },
            { id: actor!.id, name: actor!.displayName },
            ctx.now(),
          );
          orders.push({ id, poNo: (await orderStore(tx).get(id)).poNo, supplierId });
        }
        await store.markOrdered(rfq.id, body.version);
        return { orders };
      }),
  });
}
