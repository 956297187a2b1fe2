import { def, ID_PARAMS, InputError, listQuery, nullable, type Locale, type LocalizedText, type PluginContext } from '@workbench/plugin-api';
import type { Supplier, SupplierInput, SupplierItem } from '../model.js';
import { itemsOf, pageOf, SUPPLIER, SUPPLIER_ITEM } from '../schemas.js';
import { CatalogToken } from '../tokens.js';
import { ASPECTS, evaluationStore, type Evaluation, type EvaluationInput } from './evaluation-store.js';
import { readPriceList } from './price-list-csv.js';
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

/** A supplier's price list from a CSV file, all rows or none. */
export function addPriceListRoute(ctx: PluginContext): void {
  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, PriceListImported>({
    method: 'post',
    path: '/suppliers/:id/price-list',
    permission: 'procurement.suppliers.edit',
    summary: { 'zh-CN': '导入供应商价格表（CSV，GBK 或 UTF-8；有一行不对就整份不导入）', en: "Import a supplier's price list (CSV, GBK or UTF-8; one bad row and nothing is imported)" },
    description: { 'zh-CN': '上传字段 file（multipart），或请求体就是 CSV 文件（text/csv）', en: 'The file in the multipart field `file`, or the CSV itself as the body (text/csv)' },
    params: ID_PARAMS,
    response: { type: 'object', properties: { created: { type: 'integer' }, updated: { type: 'integer' }, unchanged: { type: 'integer' } }, required: ['created', 'updated', 'unchanged'] },
    action: 'import supplier price list',
    handler: async ({ params, raw, locale }) => {
      await ctx.db.read((q) => supplierStore(q).require(params.id));
      const list = readPriceList(await uploadedBytes(raw));
      const known = await ctx.services.get(CatalogToken).skusByCodes(list.rows.map((r) => r.skuCode));
      for (const r of list.rows) {
        if (!known.has(r.skuCode)) list.problems.push({ row: r.row, column: list.column('skuCode'), reason: { 'zh-CN': `商品里没有商家编码“${r.skuCode}”`, en: `No SKU has the code "${r.skuCode}"` } });
      }
      if (list.problems.length > 0) {
        const rejected = list.problems.sort((a, b) => a.row - b.row).map((p) => ({ row: p.row, column: p.column, reason: localize(p.reason, locale) }));
        throw new InputError(
          { 'zh-CN': `价格表有 ${rejected.length} 处问题，整份没有导入；改好后再导入`, en: `The price list has ${rejected.length} problem(s); nothing was imported. Fix them and import again` },
          { details: { rejected } },
        );
      }
      if (list.rows.length === 0) throw new InputError({ 'zh-CN': '价格表里没有数据行', en: 'The price list has no rows' });
      return ctx.db.transaction(async (tx) => {
        const items = supplierItemStore(tx);
        const before = new Map((await items.list(params.id)).map((i) => [i.skuCode, i]));
        const counts = { created: 0, updated: 0, unchanged: 0 };
        for (const r of list.rows) {
          const old = before.get(r.skuCode);
          if (old && old.price === r.price && old.minQuantity === r.minQuantity && old.validUntil === r.validUntil) {
            counts.unchanged++;
            continue;
          }
          await items.put(params.id, r, ctx.now());
          counts[old ? 'updated' : 'created']++;
        }
        return counts;
      });
    },
  });
}

interface PriceListImported {
  created: number;
  updated: number;
  unchanged: number;
}

/** The file of a multipart upload (field `file`), or the body itself. */
async function uploadedBytes(raw: Request): Promise<Uint8Array> {
  if (!(raw.headers.get('content-type') ?? '').startsWith('multipart/form-data')) return new Uint8Array(await raw.arrayBuffer());
  const file = (await raw.formData()).get('file');
  if (!file || typeof file === 'string') throw new InputError({ 'zh-CN': '请选择价格表文件（CSV）', en: 'Choose the price list file (CSV)' }, { errors: [{ path: '/file', in: 'body', message: 'missing' }] });
  return new Uint8Array(await file.arrayBuffer());
}

/** The reason in the reader's language. */
const localize = (text: LocalizedText, locale: Locale) => (typeof text === 'string' ? text : (text[locale] ?? text['zh-CN']));
