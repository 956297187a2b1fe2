import { ConflictError, ID_PARAMS, InputError, def, listQuery, nullable, ref, type PluginContext } from '@workbench/plugin-api';
import { derivedPathOrder, locationCode, twoDigits, ZONE_PATTERN, type LocationParts } from './location-code.js';
import { locationStore, type Location, type LocationKind, type LocationListQuery, type NewLocation } from './location-store.js';
import { requireSkuByCode } from './sku-names.js';
import { LOCATION_CODE_INPUT, pageOf, WAREHOUSE_SCHEMAS } from './schemas.js';

const KIND = { type: 'string', enum: ['pick', 'storage'] };
const CAPACITY = nullable({ type: 'integer', minimum: 1, maximum: 1_000_000 });
const PATH_ORDER = { type: 'integer', minimum: 0, maximum: 2_000_000_000 };
// A block's shelves, levels or bins: a count from 01, or a from–to span.
const SPAN = {
  oneOf: [
    { type: 'integer', minimum: 1, maximum: 99 },
    { type: 'object', properties: { from: { type: 'integer', minimum: 1, maximum: 99 }, to: { type: 'integer', minimum: 1, maximum: 99 } }, required: ['from', 'to'], additionalProperties: false },
  ],
};
type Span = number | { from: number; to: number };
/** More than this in one block is almost surely a typo (99 shelves × 99 levels …). */
const MAX_BLOCK = 2000;

interface RangeBody {
  zone: string;
  shelves: Span;
  levels: Span;
  bins: Span;
  kind?: LocationKind;
  capacity?: number | null;
}

interface LocationPatch {
  version: number;
  kind?: LocationKind;
  pathOrder?: number;
  capacity?: number | null;
  active?: boolean;
  /** Puts a SKU's card on an empty bin (a pick face waiting for stock), or takes it off (null). */
  skuCode?: string | null;
}

const SPAN_NAMES = { shelves: '货架', levels: '层', bins: '位' } as const;

function numbers(span: Span, field: keyof typeof SPAN_NAMES): number[] {
  const [from, to] = typeof span === 'number' ? [1, span] : [span.from, span.to];
  if (from > to) {
    throw new InputError(
      { 'zh-CN': `${SPAN_NAMES[field]}的起始编号 ${from} 大于结束编号 ${to}，请对调`, en: `${field}: the first number ${from} is above the last ${to}; swap them` },
      { errors: [{ path: `/${field}`, in: 'body', message: `${from} > ${to}` }] },
    );
  }
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Locations (库位): list in path order, create one or a block, change kind, order, capacity, card. */
export function addLocationRoutes(ctx: PluginContext): void {
  ctx.routes.add<Record<string, string>, LocationListQuery, undefined, { items: Location[] }>({
    method: 'get',
    path: '/locations',
    permission: 'fulfillment.stock.read',
    summary: { 'zh-CN': '库位列表（按拣货路径顺序，含所放 SKU 与数量）', en: 'Locations in path order, with their SKU and quantity' },
    description: { 'zh-CN': 'q：库位编号开头或商家编码', en: 'q: the start of a location code, or a SKU code' },
    query: listQuery({ zone: { type: 'string', pattern: '^[A-Za-z]{1,2}$' }, kind: KIND, sku: def('id'), active: { type: 'boolean' } }),
    response: pageOf(WAREHOUSE_SCHEMAS.location),
    handler: ({ query }) => ctx.db.read((q) => locationStore(q, ctx).list(query)),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, Location>({
    method: 'get',
    path: '/locations/:id',
    permission: 'fulfillment.stock.read',
    summary: { 'zh-CN': '一个库位', en: 'One location' },
    params: ID_PARAMS,
    response: ref(WAREHOUSE_SCHEMAS.location),
    handler: ({ params }) => ctx.db.read((q) => locationStore(q, ctx).require(params.id)),
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, NewLocation, Location>({
    method: 'post',
    path: '/locations',
    permission: 'fulfillment.stock.manage',
    summary: { 'zh-CN': '新建库位（区-货架-层-位，如 A-01-02-03）', en: 'Create a location (zone-shelf-level-bin, e.g. A-01-02-03)' },
    description: { 'zh-CN': '不填路径顺序时按 区→货架→层→位 排', en: 'Without a path order it walks zone → shelf → level → bin' },
    body: { type: 'object', properties: { code: LOCATION_CODE_INPUT, kind: KIND, pathOrder: PATH_ORDER, capacity: CAPACITY }, required: ['code'], additionalProperties: false },
    response: ref(WAREHOUSE_SCHEMAS.location),
    status: 201,
    action: 'create location',
    handler: ({ body }) =>
      ctx.db.transaction(async (tx) => {
        const locations = locationStore(tx, ctx);
        return locations.require(await locations.create(body, ctx.now()));
      }),
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, RangeBody, { created: Location[]; skipped: string[] }>({
    method: 'post',
    path: '/locations/range',
    permission: 'fulfillment.stock.manage',
    summary: { 'zh-CN': '批量建库位（一个区的一整片货架）', en: 'Create a block of locations (shelves × levels × bins of a zone)' },
    description: { 'zh-CN': '货架、层、位可写个数（从 01 起）或 {from, to}；已有的库位跳过', en: 'Shelves, levels and bins: a count from 01, or {from, to}; existing codes are skipped' },
    body: {
      type: 'object',
      properties: { zone: { type: 'string', pattern: '^[A-Za-z]{1,2}$' }, shelves: SPAN, levels: SPAN, bins: SPAN, kind: KIND, capacity: CAPACITY },
      required: ['zone', 'shelves', 'levels', 'bins'],
      additionalProperties: false,
    },
    response: { type: 'object', properties: { created: { type: 'array', items: ref(WAREHOUSE_SCHEMAS.location) }, skipped: { type: 'array', items: { type: 'string' } } }, required: ['created', 'skipped'] },
    status: 201,
    action: 'create location range',
    handler: async ({ body }) => {
      const zone = body.zone.toUpperCase();
      if (!new RegExp(ZONE_PATTERN).test(zone)) throw new InputError({ 'zh-CN': '区写 1～2 个字母，如 A', en: 'A zone is one or two letters, e.g. A' });
      const shelves = numbers(body.shelves, 'shelves');
      const levels = numbers(body.levels, 'levels');
      const bins = numbers(body.bins, 'bins');
      const size = shelves.length * levels.length * bins.length;
      if (size > MAX_BLOCK) {
        throw new InputError({ 'zh-CN': `一次要建 ${size} 个库位，超过上限 ${MAX_BLOCK}：请分几次建`, en: `That block is ${size} locations, above the limit of ${MAX_BLOCK}; create it in parts` });
      }
      return ctx.db.transaction(async (tx) => {
        const locations = locationStore(tx, ctx);
        const now = ctx.now();
        const ids: number[] = [];
        const skipped: string[] = [];
        for (const s of shelves) {
          for (const l of levels) {
            for (const b of bins) {
              const parts: LocationParts = { zone, shelf: twoDigits(s), level: twoDigits(l), bin: twoDigits(b) };
              const code = locationCode(parts);
              if (await tx.get('SELECT id FROM fulfillment_locations WHERE code = ?', [code])) skipped.push(code);
              else ids.push(await locations.insert(parts, { kind: body.kind, capacity: body.capacity, pathOrder: derivedPathOrder(parts) }, now));
            }
          }
        }
        const created: Location[] = [];
        for (const id of ids) created.push(await locations.require(id));
        return { created, skipped };
      });
    },
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, LocationPatch, Location>({
    method: 'patch',
    path: '/locations/:id',
    permission: 'fulfillment.stock.manage',
    summary: { 'zh-CN': '修改库位（类型、路径顺序、容量、启用、所放 SKU）', en: 'Change a location (kind, path order, capacity, in use, its SKU card)' },
    params: ID_PARAMS,
    body: {
      type: 'object',
      properties: { version: def('version'), kind: KIND, pathOrder: PATH_ORDER, capacity: CAPACITY, active: { type: 'boolean' }, skuCode: nullable({ type: 'string', minLength: 1, maxLength: 64 }) },
      required: ['version'],
      additionalProperties: false,
    },
    response: ref(WAREHOUSE_SCHEMAS.location),
    action: 'update location',
    handler: async ({ params, body }) => {
      const sku = typeof body.skuCode === 'string' ? await requireSkuByCode(ctx, body.skuCode, '/skuCode') : body.skuCode;
      return ctx.db.transaction(async (tx) => {
        const current = await locationStore(tx, ctx).require(params.id);
        const changes: Record<string, string | number | null> = { updated_at: ctx.now() };
        if (body.kind !== undefined) changes.kind = body.kind;
        if (body.pathOrder !== undefined) changes.path_order = body.pathOrder;
        if (body.capacity !== undefined) changes.capacity = body.capacity;
        if (body.active !== undefined) {
          if (!body.active && current.qty !== 0) {
            throw new ConflictError({ 'zh-CN': `库位 ${current.code} 还有 ${current.qty} 件货，先移走再停用`, en: `Location ${current.code} still holds ${current.qty}; move them out before taking it out of use` });
          }
          changes.active = body.active ? 1 : 0;
        }
        if (sku !== undefined) changeCard(current, sku?.id ?? null, changes);
        await tx.updateVersioned('fulfillment_locations', { id: params.id, version: body.version }, changes);
        return locationStore(tx, ctx).require(params.id);
      });
    },
  });
}

/**
 * A bin keeps its SKU card when its stock reaches 0, so a pick face stays assigned between
 * deliveries; the card changes only here, and only while the bin is empty. The old SKU's empty
 * stock row stays, so a SKU once stocked keeps counting (at 0) for the inventory service.
 */
function changeCard(current: Location, skuId: number | null, changes: Record<string, string | number | null>): void {
  if (current.skuId === skuId) return;
  if (current.qty !== 0) {
    throw new ConflictError({
      'zh-CN': `库位 ${current.code} 还放着 ${current.qty} 件 ${current.skuCode ?? ''}，清空后才能换 SKU（一物一卡一位）`,
      en: `Location ${current.code} still holds ${current.qty} of ${current.skuCode ?? ''}; empty it before changing its SKU (one SKU per bin)`,
    });
  }
  changes.sku_id = skuId;
}
