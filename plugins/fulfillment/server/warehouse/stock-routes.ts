import { ConflictError, ForbiddenError, InputError, def, listQuery, ref, type PluginContext, type Transaction } from '@workbench/plugin-api';
import { stepBy } from '../shared/actor.js';
import type { StockParts } from '../shared/stock-parts.js';
import type { Movement, StockOps } from './stock-ops.js';
import { ledgerStore, type LedgerLine, type LedgerQuery } from './ledger-store.js';
import { locationStore, requireActive, type LocationReader } from './location-store.js';
import { requireSkuById } from './sku-names.js';
import { listStock, readStockItem, type StockItem, type StockQuery } from './stock-list.js';
import { LOCATION_CODE_INPUT, pageOf, QTY, REASON, WAREHOUSE_SCHEMAS } from './schemas.js';
import { TIME_BOUND } from './time-range.js';

export const OVERRIDE_PERMISSION = 'fulfillment.stock.override';

const LEDGER_HAS_NO_Q = {
  'zh-CN': '库存流水不支持 q 搜索；请用 sku（SKU id）、reference（单号）、location（库位编号）、order（订单 id）或 from/to 筛选',
  en: 'The stock ledger has no q search; filter by sku (SKU id), reference (e.g. a note number), location (code), order (order id) or from/to',
};

interface TransferBody {
  skuId: number;
  from: string;
  to: string;
  qty: number;
  reason: string;
}
interface AdjustBody {
  skuId: number;
  location: string;
  qty: number;
  reason: string;
  override?: boolean;
}
interface DefectiveBody {
  skuId: number;
  location: string;
  qty: number;
  reason: string;
}

/** What a movement route answers: the SKU's stock now and the ledger rows it wrote. */
interface MoveAnswer {
  stock: StockItem;
  entries: LedgerLine[];
}

const MOVE_ANSWER = {
  type: 'object',
  properties: { stock: ref(WAREHOUSE_SCHEMAS.stockItem), entries: { type: 'array', items: ref(WAREHOUSE_SCHEMAS.ledgerEntry) } },
  required: ['stock', 'entries'],
  additionalProperties: false,
};

function writtenReason(reason: string): string {
  const clean = reason.trim();
  if (!clean) {
    throw new InputError({ 'zh-CN': '请写明原因（如 盘亏、破损、找到漏记的货），方便日后追查', en: 'Write the reason (e.g. count short, damaged, found stock), so it can be traced later' }, { errors: [{ path: '/reason', in: 'body', message: '必填' }] });
  }
  return clean;
}

/** The bin the SKU is taken from must be the one carded for it. */
async function sourceBin(locations: LocationReader, code: string, path: string, sku: { id: number; code: string }) {
  const bin = await locations.byCode(code, path);
  if (bin.sku_id !== sku.id) {
    throw new ConflictError({ 'zh-CN': `库位 ${bin.code} 没有放 ${sku.code}，请核对库位`, en: `Location ${bin.code} does not hold ${sku.code}; check the location` });
  }
  return bin;
}

/** Runs movements and answers the SKU's stock with the rows written. */
async function move(tx: Transaction, parts: StockParts, skuId: number, movements: Movement[]): Promise<MoveAnswer> {
  const { ctx, stock } = parts;
  const ledger = ledgerStore(tx, ctx);
  const before = await ledger.lastId();
  await stock.post(tx, movements);
  return { stock: await readStockItem(ctx, tx, skuId), entries: await ledger.since(before) };
}

/** Stock per SKU, the ledger, and the hand movements: transfer, adjustment, to 残次库. */
export function addStockRoutes(ctx: PluginContext, stock: StockOps): void {
  ctx.routes.add<Record<string, string>, StockQuery, undefined, { items: StockItem[] }>({
    method: 'get',
    path: '/stock',
    permission: 'fulfillment.stock.read',
    summary: { 'zh-CN': '库存（按 SKU：在库、已占用、可售、残次、所在库位）', en: 'Stock per SKU: on hand, reserved, available, defective, bins' },
    description: { 'zh-CN': 'q：商家编码、条形码或库位编号开头；zone：某区有库位的 SKU；low：可售少于此数', en: 'q: SKU code, barcode or start of a location code; zone: SKUs with a bin there; low: available below this' },
    query: listQuery({ zone: { type: 'string', pattern: '^[A-Za-z]{1,2}$' }, low: { type: 'integer', minimum: 0, maximum: 1_000_000 }, sku: def('id') }),
    response: pageOf(WAREHOUSE_SCHEMAS.stockItem),
    handler: ({ query }) => ctx.db.read((q) => listStock(ctx, q, query)),
  });

  ctx.routes.add<Record<string, string>, LedgerQuery & { q?: string }, undefined, { items: LedgerLine[] }>({
    method: 'get',
    path: '/ledger',
    permission: 'fulfillment.stock.read',
    summary: { 'zh-CN': '库存流水（最新在前）', en: 'The stock ledger, newest first' },
    description: { 'zh-CN': 'sku：SKU id；kind：类型；order：订单 id；location：库位编号；reference：单号；from/to：时间或日期；不支持 q', en: 'sku: SKU id; kind; order: order id; location: code; reference: e.g. a note number; from/to: time or day; q is refused' },
    query: listQuery({
      sku: def('id'),
      kind: { type: 'string', enum: ['inbound', 'outbound', 'transfer', 'adjustment', 'defective', 'return', 'putback'] },
      order: def('id'),
      location: LOCATION_CODE_INPUT,
      reference: { type: 'string', minLength: 1, maxLength: 64 },
      from: TIME_BOUND,
      to: TIME_BOUND,
    }),
    response: pageOf(WAREHOUSE_SCHEMAS.ledgerEntry),
    handler: ({ query }) => {
      // A free-text search here would have to read every movement with its SKU code from listings;
      // the filters below are exact and indexed, so q is refused rather than ignored.
      if (query.q !== undefined) throw new InputError(LEDGER_HAS_NO_Q);
      return ctx.db.read((q) => ledgerStore(q, ctx).list(query));
    },
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, TransferBody, MoveAnswer>({
    method: 'post',
    path: '/stock/transfer',
    permission: 'fulfillment.stock.manage',
    summary: { 'zh-CN': '移库（从一个库位移到另一个）', en: 'Move stock from one location to another' },
    body: { type: 'object', properties: { skuId: def('id'), from: LOCATION_CODE_INPUT, to: LOCATION_CODE_INPUT, qty: QTY, reason: REASON }, required: ['skuId', 'from', 'to', 'qty', 'reason'], additionalProperties: false },
    response: MOVE_ANSWER,
    action: 'transfer stock',
    handler: async ({ body, actor }) => {
      const sku = await requireSkuById(ctx, body.skuId, '/skuId');
      const reason = writtenReason(body.reason);
      return ctx.db.transaction(async (tx) => {
        const locations = locationStore(tx, ctx);
        const from = await sourceBin(locations, body.from, '/from', sku);
        const to = await locations.byCode(body.to, '/to');
        if (from.id === to.id) throw new InputError({ 'zh-CN': '移出和移入是同一个库位，请换一个目标库位', en: 'From and to are the same location; choose another target' });
        requireActive(to);
        const by = stepBy(actor);
        const reference = `${from.code}→${to.code}`;
        return move(tx, { ctx, stock }, sku.id, [
          { kind: 'transfer', skuId: sku.id, locationId: from.id, qty: -body.qty, reference, reason, by },
          { kind: 'transfer', skuId: sku.id, locationId: to.id, qty: body.qty, reference, reason, by },
        ]);
      });
    },
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, AdjustBody, MoveAnswer>({
    method: 'post',
    path: '/stock/adjust',
    permission: 'fulfillment.stock.manage',
    summary: { 'zh-CN': '库存调整（正数加、负数减；须写原因）', en: 'Adjust stock (signed quantity; a reason is required)' },
    description: {
      'zh-CN': '调成负数须勾选 override，并有「允许负库存」权限；流水上会标出',
      en: 'Going below zero needs override: true and the stock.override permission; the ledger row is marked',
    },
    body: {
      type: 'object',
      properties: { skuId: def('id'), location: LOCATION_CODE_INPUT, qty: { type: 'integer', minimum: -1_000_000, maximum: 1_000_000, not: { const: 0 } }, reason: REASON, override: { type: 'boolean', default: false } },
      required: ['skuId', 'location', 'qty', 'reason'],
      additionalProperties: false,
    },
    response: MOVE_ANSWER,
    action: 'adjust stock',
    handler: async ({ body, actor }) => {
      if (body.override && !actor?.can(OVERRIDE_PERMISSION)) {
        throw new ForbiddenError({ 'zh-CN': '你没有「允许负库存」权限，不能把库存调成负数；请找店长处理', en: 'You may not take stock below zero; ask someone with the override permission' });
      }
      const reason = writtenReason(body.reason);
      const sku = await requireSkuById(ctx, body.skuId, '/skuId');
      return ctx.db.transaction(async (tx) => {
        const locations = locationStore(tx, ctx);
        const bin = body.qty < 0 ? await sourceBin(locations, body.location, '/location', sku) : await locations.byCode(body.location, '/location');
        if (body.qty > 0) requireActive(bin);
        const answer = await move(tx, { ctx, stock }, sku.id, [{ kind: 'adjustment', skuId: sku.id, locationId: bin.id, qty: body.qty, reason, override: body.override === true, by: stepBy(actor) }]);
        if (answer.entries.some((e) => e.override)) ctx.log.warn('stock taken below zero', { sku: sku.code, location: bin.code, balance: answer.entries.at(-1)?.balance, by: actor?.username, reason });
        return answer;
      });
    },
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, DefectiveBody, MoveAnswer>({
    method: 'post',
    path: '/stock/defective',
    permission: 'fulfillment.stock.manage',
    summary: { 'zh-CN': '转残次（从库位移入残次库）', en: 'Move pieces from a bin to the defective stock' },
    body: { type: 'object', properties: { skuId: def('id'), location: LOCATION_CODE_INPUT, qty: QTY, reason: REASON }, required: ['skuId', 'location', 'qty', 'reason'], additionalProperties: false },
    response: MOVE_ANSWER,
    action: 'move stock to defective',
    handler: async ({ body, actor }) => {
      const sku = await requireSkuById(ctx, body.skuId, '/skuId');
      const reason = writtenReason(body.reason);
      return ctx.db.transaction(async (tx) => {
        const bin = await sourceBin(locationStore(tx, ctx), body.location, '/location', sku);
        const by = stepBy(actor);
        return move(tx, { ctx, stock }, sku.id, [
          { kind: 'defective', skuId: sku.id, locationId: bin.id, qty: -body.qty, reference: bin.code, reason, by },
          { kind: 'defective', skuId: sku.id, locationId: null, qty: body.qty, reference: bin.code, reason, by },
        ]);
      });
    },
  });
}
