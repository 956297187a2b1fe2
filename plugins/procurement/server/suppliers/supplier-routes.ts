import { def, ID_PARAMS, InputError, listQuery, nullable, type PluginContext } from '@workbench/plugin-api';
import type { Supplier, SupplierInput, SupplierItem } from '../model.js';
import { itemsOf, pageOf, SUPPLIER, SUPPLIER_ITEM } from '../schemas.js';
import { CatalogToken } from '../tokens.js';
import { ASPECTS, evaluationStore, type Evaluation, type EvaluationInput } from './evaluation-store.js';
import { supplierItemStore, type SupplierItemInput } from './supplier-item-store.js';
import { supplierStore, type SupplierPage } from './supplier-store.js';

const text = (max: number) => ({ type: 'string', maxLength: max });
const SUPPLIER_FIELDS = {
  name: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' },
  contact: nullable(text(100)),
  phone: nullable(text(40)),
  categories: { type: 'array', items: text(40), maxItems: 50 },
  leadTimeDays: { type: 'integer', minimum: 0, maximum: 365 },
  paymentTerms: nullable(text(200)),
  note: text(2000),
};
const ITEM_PARAMS = { type: 'object', properties: { id: def('id'), itemId: def('id') }, required: ['id', 'itemId'] };

export function addSupplierRoutes(ctx: PluginContext): void {
  const catalog = () => ctx.services.get(CatalogToken);

  ctx.routes.add<Record<string, string>, { page: number; pageSize: number; q?: string; standing?: Supplier['standing']; sku?: string }, undefined, SupplierPage>({
    method: 'get',
    path: '/suppliers',
    permission: 'procurement.suppliers.read',
    summary: { 'zh-CN': '供应商列表（按名称）', en: 'Suppliers, by name' },
    query: listQuery({ standing: { type: 'string', enum: ['active', 'approval', 'ended'] }, sku: text(64) }),
    response: pageOf(SUPPLIER),
    handler: ({ query }) => ctx.db.read((q) => supplierStore(q).list(query)),
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, SupplierInput, Supplier>({
    method: 'post',
    path: '/suppliers',
    permission: 'procurement.suppliers.edit',
    summary: { 'zh-CN': '新建供应商', en: 'Add a supplier' },
    body: { type: 'object', properties: SUPPLIER_FIELDS, required: ['name'], additionalProperties: false },
    response: SUPPLIER,
    status: 201,
    action: 'add supplier',
    handler: ({ body }) => ctx.db.transaction((tx) => supplierStore(tx).add(body, ctx.now())),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, Supplier>({
    method: 'get',
    path: '/suppliers/:id',
    permission: 'procurement.suppliers.read',
    summary: { 'zh-CN': '一个供应商', en: 'One supplier' },
    params: ID_PARAMS,
    response: SUPPLIER,
    handler: ({ params }) => ctx.db.read((q) => supplierStore(q).require(params.id)),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, Partial<SupplierInput> & { version: number }, Supplier>({
    method: 'patch',
    path: '/suppliers/:id',
    permission: 'procurement.suppliers.edit',
    summary: { 'zh-CN': '修改供应商资料', en: 'Edit a supplier' },
    params: ID_PARAMS,
    body: { type: 'object', properties: { ...SUPPLIER_FIELDS, version: def('version') }, required: ['version'], additionalProperties: false },
    response: SUPPLIER,
    action: 'edit supplier',
    handler: ({ params, body }) => ctx.db.transaction((tx) => supplierStore(tx).edit(params.id, body, ctx.now())),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, { items: SupplierItem[] }>({
    method: 'get',
    path: '/suppliers/:id/items',
    permission: 'procurement.suppliers.read',
    summary: { 'zh-CN': '供应商的价格表（按商家编码）', en: "A supplier's price list, by SKU code" },
    params: ID_PARAMS,
    response: itemsOf(SUPPLIER_ITEM),
    handler: ({ params }) => ctx.db.read(async (q) => {
      await supplierStore(q).require(params.id);
      return { items: await supplierItemStore(q).list(params.id) };
    }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, SupplierItemInput, SupplierItem>({
    method: 'put',
    path: '/suppliers/:id/items',
    permission: 'procurement.suppliers.edit',
    summary: { 'zh-CN': '设置供应商一个 SKU 的价格、起订量和有效期', en: "Set a supplier's price, minimum and validity for one SKU" },
    params: ID_PARAMS,
    body: {
      type: 'object',
      properties: { skuCode: { type: 'string', minLength: 1, maxLength: 64 }, price: def('money'), minQuantity: { type: 'integer', minimum: 1, maximum: 100000 }, validUntil: nullable(def('date')) },
      required: ['skuCode', 'price'],
      additionalProperties: false,
    },
    response: SUPPLIER_ITEM,
    action: 'set supplier price',
    handler: async ({ params, body }) => {
      const code = body.skuCode.trim();
      if (code === '' || !(await catalog().skuByCode(code))) {
        throw new InputError(
          code === ''
            ? { 'zh-CN': '请填写商家编码：价格表按商家编码对应商品', en: 'Give the SKU code (商家编码): the price list is matched to goods by it' }
            : { 'zh-CN': `商品里没有商家编码“${code}”，请先在商品里建好这个 SKU`, en: `No SKU has the code "${code}"; create it under Listings first` },
          { errors: [{ path: '/skuCode', in: 'body', message: code === '' ? 'blank' : 'unknown' }] },
        );
      }
      return ctx.db.transaction(async (tx) => {
        await supplierStore(tx).require(params.id);
        return supplierItemStore(tx).put(params.id, { ...body, skuCode: code }, ctx.now());
      });
    },
  });

  ctx.routes.add<{ id: number; itemId: number }, Record<string, unknown>, undefined, undefined>({
    method: 'delete',
    path: '/suppliers/:id/items/:itemId',
    permission: 'procurement.suppliers.edit',
    summary: { 'zh-CN': '从价格表删去一个 SKU', en: 'Remove a SKU from the price list' },
    params: ITEM_PARAMS,
    status: 204,
    action: 'remove supplier price',
    handler: async ({ params }) => {
      await ctx.db.transaction((tx) => supplierItemStore(tx).remove(params.id, params.itemId));
      return undefined;
    },
  });
}

const SCORE = { type: 'integer', minimum: 1, maximum: 5 };
const ASPECT_MAP = (item: Record<string, unknown>) => ({ type: 'object', properties: Object.fromEntries(ASPECTS.map((a) => [a, item])), additionalProperties: false });
const EVALUATION = {
  type: 'object',
  properties: {
    id: def('id'), supplierId: def('id'), scores: { ...ASPECT_MAP(SCORE), required: [...ASPECTS] }, notes: ASPECT_MAP({ type: 'string' }),
    total: { type: 'integer' }, decision: { type: 'string', enum: ['accept', 'trial', 'reject'] }, evaluatedBy: def('id'), evaluatedAt: def('timestamp'),
  },
  required: ['id', 'supplierId', 'scores', 'notes', 'total', 'decision', 'evaluatedBy', 'evaluatedAt'],
};

/** The onboarding evaluation form: price, reputation, sales record, reviews. */
export function addEvaluationRoutes(ctx: PluginContext): void {
  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, { items: Evaluation[] }>({
    method: 'get',
    path: '/suppliers/:id/evaluations',
    permission: 'procurement.suppliers.read',
    summary: { 'zh-CN': '供应商的入围评估（最新在前）', en: "A supplier's onboarding evaluations, newest first" },
    params: ID_PARAMS,
    response: itemsOf(EVALUATION),
    handler: ({ params }) => ctx.db.read(async (q) => {
      await supplierStore(q).require(params.id);
      return { items: await evaluationStore(q).list(params.id) };
    }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, EvaluationInput, Evaluation>({
    method: 'post',
    path: '/suppliers/:id/evaluations',
    permission: 'procurement.suppliers.edit',
    summary: { 'zh-CN': '填写供应商入围评估', en: 'Fill in a supplier onboarding evaluation' },
    params: ID_PARAMS,
    body: {
      type: 'object',
      properties: { scores: { ...ASPECT_MAP(SCORE), required: [...ASPECTS] }, notes: ASPECT_MAP({ type: 'string', maxLength: 1000 }), decision: { type: 'string', enum: ['accept', 'trial', 'reject'] } },
      required: ['scores', 'decision'],
      additionalProperties: false,
    },
    response: EVALUATION,
    status: 201,
    action: 'evaluate supplier',
    handler: ({ params, body, actor }) => ctx.db.transaction(async (tx) => {
      await supplierStore(tx).require(params.id);
      return evaluationStore(tx).add(params.id, body, { id: actor!.id, at: ctx.now() });
    }),
  });
}
