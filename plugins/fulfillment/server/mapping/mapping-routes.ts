import { ConflictError, def, ID_PARAMS, InputError, listQuery, NotFoundError, ref, type JsonSchema, type PluginContext } from '@workbench/plugin-api';
import { stepBy } from '../shared/actor.js';
import { CatalogToken } from '../tokens.js';
import type { CatalogView } from '../types.js';
import { applyMapping, type ResolvedOrder } from './apply-mapping.js';
import { mappingStore, type MappingRow } from './mapping-store.js';
import { itemName, platformItemKey } from './platform-item.js';
import { waitingLines } from './waiting-lines.js';

const BASE = 'https://workbench.local/schemas/fulfillment';
const MAPPING = `${BASE}/item-mapping`;
const WAITING_ITEM = `${BASE}/item-mapping-waiting`;

/** A mapping as the API sends it: the platform's item, and the SKU (商家编码 as listings has it now). */
export interface ItemMapping {
  id: number;
  title: string;
  properties: string;
  skuId: number;
  skuCode: string;
  /** Product title and attributes, so people recognise the SKU; '' when listings no longer has it. */
  skuName: string;
  createdByName: string;
  createdAt: string;
}

/** One platform item that lines of waiting orders hold without a SKU. */
export interface WaitingItem {
  title: string;
  properties: string;
  /** The code those lines carry: '' (none), or one listings does not know. */
  code: string;
  orders: number;
  /** The first few order numbers, queue order. */
  orderNos: string[];
  itemIds: number[];
}

const str: JsonSchema = { type: 'string' };
const filled = (max: number): JsonSchema => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' });

const mappingSchema: JsonSchema & { $id: string } = {
  $id: MAPPING,
  type: 'object',
  properties: { id: def('id'), title: str, properties: str, skuId: def('id'), skuCode: str, skuName: str, createdByName: str, createdAt: def('timestamp') },
  required: ['id', 'title', 'properties', 'skuId', 'skuCode', 'skuName', 'createdByName', 'createdAt'],
  additionalProperties: false,
};
const waitingSchema: JsonSchema & { $id: string } = {
  $id: WAITING_ITEM,
  type: 'object',
  properties: {
    title: str,
    properties: str,
    code: str,
    orders: { type: 'integer', minimum: 1 },
    orderNos: { type: 'array', items: str },
    itemIds: { type: 'array', items: def('id') },
  },
  required: ['title', 'properties', 'code', 'orders', 'orderNos', 'itemIds'],
  additionalProperties: false,
};

/** The mappings as records, each SKU read from listings as it is now. */
async function toMappings(catalog: CatalogView, rows: MappingRow[]): Promise<ItemMapping[]> {
  const products = new Map<number, string>();
  const out: ItemMapping[] = [];
  for (const r of rows) {
    const sku = await catalog.skuById(r.sku_id);
    if (sku?.productId != null && !products.has(sku.productId)) products.set(sku.productId, (await catalog.product(sku.productId))?.title ?? '');
    const name = sku ? [sku.productId != null ? products.get(sku.productId) : '', ...Object.values(sku.attributes)].filter(Boolean).join(' ') : '';
    out.push({ id: r.id, title: r.title, properties: r.properties, skuId: r.sku_id, skuCode: sku?.code ?? r.sku_code, skuName: name, createdByName: r.created_by_name, createdAt: r.created_at });
  }
  return out;
}

/** Waiting lines grouped by platform item, in the order the queue meets them. */
async function waitingItems(ctx: PluginContext, orderId: number | undefined): Promise<WaitingItem[]> {
  const catalog = ctx.services.get(CatalogToken);
  const lines = await ctx.db.read((q) => waitingLines(q, catalog, orderId === undefined ? {} : { orderId }));
  const groups = new Map<string, WaitingItem & { seen: Set<number> }>();
  for (const l of lines) {
    const key = platformItemKey(l.title, l.properties);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { title: l.title, properties: l.properties, code: l.sku_code, orders: 0, orderNos: [], itemIds: [], seen: new Set() }));
    g.itemIds.push(l.id);
    if (!g.seen.has(l.order_id)) {
      g.seen.add(l.order_id);
      g.orders++;
      if (g.orderNos.length < 5) g.orderNos.push(l.order_no);
    }
  }
  return [...groups.values()].map(({ seen: _seen, ...g }) => g);
}

/** Platform item mappings: list, the items still waiting for one, create (resolving waiting orders), remove. */
export function addMappingRoutes(ctx: PluginContext): void {
  ctx.schemas.add(mappingSchema);
  ctx.schemas.add(waitingSchema);

  ctx.routes.add<Record<string, string>, { page: number; pageSize: number; q?: string }, undefined, { items: ItemMapping[]; total: number; page: number; pageSize: number }>({
    method: 'get',
    path: '/item-mappings',
    permission: 'fulfillment.orders.read',
    summary: { 'zh-CN': '宝贝对应关系（宝贝标题＋属性 → SKU），最新在前', en: 'Platform item mappings (title + properties → SKU), newest first' },
    query: listQuery(),
    response: { allOf: [def('page')], type: 'object', properties: { items: { type: 'array', items: ref(MAPPING) } }, required: ['items', 'total', 'page', 'pageSize'] },
    handler: async ({ query }) => {
      const { rows, total } = await ctx.db.read((q) => mappingStore(q).list(query));
      return { items: await toMappings(ctx.services.get(CatalogToken), rows), total, page: query.page, pageSize: query.pageSize };
    },
  });

  ctx.routes.add<Record<string, string>, { orderId?: number }, undefined, { items: WaitingItem[] }>({
    method: 'get',
    path: '/item-mappings/waiting',
    permission: 'fulfillment.orders.read',
    summary: { 'zh-CN': '待对应的宝贝：等待中的订单里还对不上 SKU 的宝贝（可按订单）', en: 'Items waiting for a mapping: lines of waiting orders without a SKU (optionally of one order)' },
    query: { type: 'object', properties: { orderId: def('id') }, additionalProperties: false },
    response: { type: 'object', properties: { items: { type: 'array', items: ref(WAITING_ITEM) } }, required: ['items'] },
    handler: async ({ query }) => ({ items: await waitingItems(ctx, query.orderId) }),
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, { title: string; properties?: string; skuCode: string }, { mapping: ItemMapping; orders: ResolvedOrder[] }>({
    method: 'post',
    path: '/item-mappings',
    permission: 'fulfillment.orders.edit',
    summary: { 'zh-CN': '指认宝贝是哪个 SKU（等待中的订单随即对上，以后导入也用它）', en: 'Say which SKU a platform item is (waiting orders get it now, later imports too)' },
    body: {
      type: 'object',
      properties: { title: filled(200), properties: { type: 'string', maxLength: 500 }, skuCode: filled(64) },
      required: ['title', 'skuCode'],
      additionalProperties: false,
    },
    response: {
      type: 'object',
      properties: {
        mapping: ref(MAPPING),
        orders: { type: 'array', items: { type: 'object', properties: { id: def('id'), orderNo: str, status: str }, required: ['id', 'orderNo', 'status'] } },
      },
      required: ['mapping', 'orders'],
    },
    status: 201,
    action: 'map platform item',
    handler: async ({ body, actor }) => {
      const catalog = ctx.services.get(CatalogToken);
      const title = body.title.trim();
      const properties = (body.properties ?? '').trim();
      const code = body.skuCode.trim();
      const sku = await catalog.skuByCode(code);
      if (!sku || sku.needsCompleting) {
        const message = !sku
          ? { 'zh-CN': `商品资料里没有商家编码 ${code}：请核对编码，或先在商品资料里建好这个 SKU`, en: `No SKU has the code ${code}; check the code, or create the SKU in listings first` }
          : { 'zh-CN': `${code} 还是待补全的 SKU：请先在商品资料里补全它，再拿来对应`, en: `${code} is a SKU still to complete; complete it in listings first, then map to it` };
        throw new InputError(message, { errors: [{ path: '/skuCode', in: 'body', message: code }] });
      }
      const by = stepBy(actor);
      return ctx.db.transaction(async (tx) => {
        const key = platformItemKey(title, properties);
        const existing = (await mappingStore(tx).byKeys([key])).get(key);
        if (existing) {
          const holder = (await catalog.skuById(existing.sku_id))?.code ?? existing.sku_code;
          throw new ConflictError({
            'zh-CN': `宝贝「${itemName(existing)}」已经对应到 ${holder}：要改成别的 SKU，请先在对应关系里删掉这一条`,
            en: `The item “${itemName(existing)}” is already mapped to ${holder}; to map it to another SKU, remove that mapping first`,
          });
        }
        const now = ctx.now();
        const row = await mappingStore(tx).insert({ title, properties, skuId: sku.id, skuCode: sku.code }, by, now);
        const orders = await applyMapping(tx, catalog, { mapping: row, sku }, { by, at: now });
        const [mapping] = await toMappings(catalog, [row]);
        return { mapping: mapping!, orders };
      });
    },
  });

  ctx.routes.add<{ id: number }>({
    method: 'delete',
    path: '/item-mappings/:id',
    permission: 'fulfillment.orders.edit',
    summary: { 'zh-CN': '删除宝贝对应关系（已对上的订单不变；以后导入的这个宝贝重新等待指认）', en: 'Remove a mapping (orders already matched keep their SKU; the item waits again in later imports)' },
    params: ID_PARAMS,
    status: 204,
    action: 'remove platform item mapping',
    handler: async ({ params }) => {
      await ctx.db.transaction(async (tx) => {
        const mappings = mappingStore(tx);
        if (!(await mappings.get(params.id))) {
          throw new NotFoundError({ 'zh-CN': '这条宝贝对应关系已经不在了：请刷新列表', en: 'This mapping is no longer there; reload the list' });
        }
        await mappings.remove(params.id);
      });
      return undefined;
    },
  });
}
