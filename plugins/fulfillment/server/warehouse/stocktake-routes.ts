import { ID_PARAMS, InputError, def, html, listQuery, ref, type PluginContext } from '@workbench/plugin-api';
import type { Stocktake } from '../../shared/records.js';
import { stepBy } from '../shared/actor.js';
import type { Movement, StockOps } from './stock-ops.js';
import { stocktakeStore, type LineKey, type StocktakeListQuery } from './stocktake-store.js';
import { pageOf, REASON, WAREHOUSE_SCHEMAS } from './schemas.js';

interface CountsBody {
  version: number;
  counts: (LineKey & { counted: number; reason?: string })[];
}
interface PostBody {
  version: number;
  reasons?: (LineKey & { reason: string })[];
}

const ZONE = { type: 'string', pattern: '^[A-Za-z]{1,2}$' };
const LINE_KEY = { locationId: def('id'), skuId: def('id') };

/**
 * 盘点. The book quantity of each bin is frozen when the sheet is made and the count is taken as
 * of that moment: the variance is counted − book, and posting adds exactly that variance to the
 * bin, so goods picked or received during the count keep their own movements.
 */
export function addStocktakeRoutes(ctx: PluginContext, stock: StockOps): void {
  ctx.routes.add<Record<string, string>, Record<string, unknown>, { zone: string }, Stocktake>({
    method: 'post',
    path: '/stocktakes',
    permission: 'fulfillment.stock.manage',
    summary: { 'zh-CN': '新建盘点单（冻结该区各库位的账面数）', en: 'Start a count of a zone (book quantities frozen)' },
    body: { type: 'object', properties: { zone: ZONE }, required: ['zone'], additionalProperties: false },
    response: ref(WAREHOUSE_SCHEMAS.stocktake),
    status: 201,
    action: 'start stocktake',
    handler: ({ body, actor }) =>
      ctx.db.transaction(async (tx) => {
        const sheets = stocktakeStore(tx, ctx);
        return sheets.require(await sheets.open(body.zone.toUpperCase(), stepBy(actor), ctx.now()));
      }),
  });

  ctx.routes.add<Record<string, string>, StocktakeListQuery>({
    method: 'get',
    path: '/stocktakes',
    permission: 'fulfillment.stock.read',
    summary: { 'zh-CN': '盘点单列表（最新在前）', en: 'Stocktakes, newest first' },
    description: { 'zh-CN': 'q：库区，或开单人、过账人名字里的文字', en: 'q: the zone, or text in the name of who started or posted the count' },
    query: listQuery({ status: { type: 'string', enum: ['counting', 'posted', 'cancelled'] }, zone: ZONE }),
    response: pageOf(WAREHOUSE_SCHEMAS.stocktakeSummary),
    handler: ({ query }) => ctx.db.read((q) => stocktakeStore(q, ctx).list(query)),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, Stocktake>({
    method: 'get',
    path: '/stocktakes/:id',
    permission: 'fulfillment.stock.read',
    summary: { 'zh-CN': '盘点单与差异表（每个库位的账面、实盘、差异及合计）', en: 'A stocktake with its variance report (book, counted, difference per bin, totals)' },
    params: ID_PARAMS,
    response: ref(WAREHOUSE_SCHEMAS.stocktake),
    handler: ({ params }) => ctx.db.read((q) => stocktakeStore(q, ctx).require(params.id)),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, CountsBody, Stocktake>({
    method: 'put',
    path: '/stocktakes/:id/counts',
    permission: 'fulfillment.stock.manage',
    summary: { 'zh-CN': '录入实盘数（可同时写差异原因）', en: 'Enter counted quantities (and reasons for differences)' },
    params: ID_PARAMS,
    body: {
      type: 'object',
      properties: {
        version: def('version'),
        counts: {
          type: 'array',
          minItems: 1,
          maxItems: 5000,
          items: { type: 'object', properties: { ...LINE_KEY, counted: { type: 'integer', minimum: 0, maximum: 1_000_000 }, reason: REASON }, required: ['locationId', 'skuId', 'counted'], additionalProperties: false },
        },
      },
      required: ['version', 'counts'],
      additionalProperties: false,
    },
    response: ref(WAREHOUSE_SCHEMAS.stocktake),
    action: 'enter stocktake counts',
    handler: ({ params, body }) =>
      ctx.db.transaction(async (tx) => {
        const sheets = stocktakeStore(tx, ctx);
        await sheets.requireCounting(params.id);
        for (const [i, count] of body.counts.entries()) {
          await sheets.requireLine(params.id, count, `/counts/${i}`);
          await sheets.recordCount(params.id, count);
        }
        await sheets.update(params.id, body.version, {});
        return sheets.require(params.id);
      }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, PostBody, Stocktake>({
    method: 'post',
    path: '/stocktakes/:id/post',
    permission: 'fulfillment.stock.manage',
    summary: { 'zh-CN': '盘点过账（每个差异都须写明原因）', en: 'Post the count (every difference needs a written reason)' },
    params: ID_PARAMS,
    body: {
      type: 'object',
      properties: {
        version: def('version'),
        reasons: { type: 'array', maxItems: 5000, items: { type: 'object', properties: { ...LINE_KEY, reason: REASON }, required: ['locationId', 'skuId', 'reason'], additionalProperties: false } },
      },
      required: ['version'],
      additionalProperties: false,
    },
    response: ref(WAREHOUSE_SCHEMAS.stocktake),
    action: 'post stocktake',
    handler: ({ params, body, actor }) =>
      ctx.db.transaction(async (tx) => {
        const sheets = stocktakeStore(tx, ctx);
        await sheets.requireCounting(params.id);
        for (const [i, given] of (body.reasons ?? []).entries()) {
          await sheets.requireLine(params.id, given, `/reasons/${i}`);
          if (given.reason.trim()) await sheets.recordReason(params.id, { ...given, reason: given.reason.trim() });
        }
        const sheet = await sheets.require(params.id);
        const uncounted = sheet.lines.filter((l) => l.counted === null).map((l) => l.locationCode);
        if (uncounted.length) {
          throw new InputError({ 'zh-CN': `还有库位没盘：${uncounted.join('、')}；请录入实盘数（没有货的填 0）`, en: `Bins not counted yet: ${uncounted.join(', ')}; enter their counts (0 when empty)` });
        }
        const unexplained = sheet.lines.filter((l) => l.difference !== 0 && !l.reason?.trim()).map((l) => l.locationCode);
        if (unexplained.length) {
          throw new InputError({ 'zh-CN': `这些库位账实不符，请写明原因后再过账：${unexplained.join('、')}`, en: `These bins differ from the book; write why before posting: ${unexplained.join(', ')}` });
        }
        const by = stepBy(actor);
        const reference = `盘点#${sheet.id}`;
        const movements: Movement[] = sheet.lines
          .filter((l) => l.difference !== 0)
          .map((l) => ({ kind: 'adjustment', skuId: l.skuId, locationId: l.locationId, qty: l.difference!, reference, reason: `盘点差异：${l.reason!.trim()}`, by }));
        if (movements.length) await stock.post(tx, movements);
        await sheets.update(params.id, body.version, { status: 'posted', posted_by: by.id, posted_by_name: by.name, posted_at: ctx.now() });
        return sheets.require(params.id);
      }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { version: number }, Stocktake>({
    method: 'post',
    path: '/stocktakes/:id/cancel',
    permission: 'fulfillment.stock.manage',
    summary: { 'zh-CN': '作废盘点单（不调整库存）', en: 'Cancel a count (stock unchanged)' },
    params: ID_PARAMS,
    body: { type: 'object', properties: { version: def('version') }, required: ['version'], additionalProperties: false },
    response: ref(WAREHOUSE_SCHEMAS.stocktake),
    action: 'cancel stocktake',
    handler: ({ params, body }) =>
      ctx.db.transaction(async (tx) => {
        const sheets = stocktakeStore(tx, ctx);
        await sheets.requireCounting(params.id);
        await sheets.update(params.id, body.version, { status: 'cancelled' });
        return sheets.require(params.id);
      }),
  });

  // A blind count: the sheet leaves the book quantity off, so the counter writes what is there.
  ctx.printables.register('count-sheet', async ({ query }) => {
    const id = Number(query.id);
    if (!Number.isInteger(id) || id < 1) throw new InputError({ 'zh-CN': '请在地址里给出盘点单编号（?id=）', en: 'Give the stocktake in the address (?id=)' });
    const sheet = await ctx.db.read((q) => stocktakeStore(q, ctx).require(id));
    const rows = sheet.lines.map((l, i) => html`<tr><td class="num">${i + 1}</td><td>${l.locationCode}</td><td>${l.skuCode}</td><td>${l.title}</td><td class="blank"></td><td class="blank"></td></tr>`);
    return {
      title: `盘点表 ${sheet.zone} 区 #${sheet.id}`,
      body: html`<h1>盘点表　${sheet.zone} 区　#${sheet.id}</h1>
        <p>建单：${sheet.createdByName}　${sheet.createdAt.slice(0, 16).replace('T', ' ')}　共 ${sheet.lines.length} 个库位（按拣货路径顺序）</p>
        <table>
          <thead><tr><th class="num">序号</th><th>库位</th><th>商家编码</th><th>商品</th><th>实盘数</th><th>差异原因</th></tr></thead>
          <tbody>${rows}</tbody>
        </table>
        <p>盘点人：＿＿＿＿＿＿　　监盘人：＿＿＿＿＿＿　　日期：＿＿＿＿＿＿</p>`,
    };
  });
}
