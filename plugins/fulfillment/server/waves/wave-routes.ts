import { def, ID_PARAMS, listQuery, ref, type PluginContext } from '@workbench/plugin-api';
import { stepBy } from '../shared/actor.js';
import type { StockOps } from '../warehouse/stock-ops.js';
import { CatalogToken } from '../tokens.js';
import { completeReplenishment, listReplenishments, type ReplenishmentQuery } from './replenishments.js';
import { createWave } from './wave-create.js';
import { previewWave } from './wave-preview.js';
import { cancelWave, markPicked } from './wave-moves.js';
import { namedWave } from './wave-names.js';
import { listWaves, readWave, type WaveListQuery } from './wave-read.js';
import { WAVE_SCHEMAS, WAVE_STATUS } from './wave-schemas.js';

const PERMISSION = 'fulfillment.waves.run';
const VERSION_BODY = { type: 'object', properties: { version: def('version') }, required: ['version'], additionalProperties: false };
const page = (item: string) => ({ allOf: [def('page')], type: 'object', properties: { items: { type: 'array', items: ref(item) } } });

/** Waves, their pick and cancel, and the replenishment tasks (README "Waves, picking, verification"). */
export function addWaveRoutes(ctx: PluginContext, stock: StockOps): void {
  const named = <T extends Parameters<typeof namedWave>[1]>(wave: T) => namedWave(ctx.services.get(CatalogToken), wave);
  ctx.routes.add<Record<string, string>, Record<string, unknown>, { orderIds?: number[] }>({
    method: 'post',
    path: '/waves',
    permission: PERMISSION,
    summary: { 'zh-CN': '生成波次', en: 'Make a wave' },
    description: {
      'zh-CN': '不指定订单时，按优先级和下单时间取已审核、未进波次的订单，最多取设置里的每波次单数。订单分为单品、多品单区、多品跨区；没有库位的商品所在订单会跳过并写明原因；拣货位不够时生成补货任务',
      en: 'Without orderIds, takes approved orders outside a wave in queue order, up to the per-wave limit. Orders are classed single, one zone or cross zone; orders with a SKU without a location are skipped with the reason; short pick faces get replenishment tasks',
    },
    body: {
      type: 'object',
      properties: { orderIds: { type: 'array', items: def('id'), minItems: 1, maxItems: 5000 } },
      additionalProperties: false,
    },
    response: ref(WAVE_SCHEMAS.created),
    status: 201,
    action: 'create wave',
    handler: async ({ body, actor, locale }) => named(await createWave(ctx, actor!, body.orderIds, locale)),
  });

  ctx.routes.add({
    method: 'get',
    path: '/wave-preview',
    permission: PERMISSION,
    summary: { 'zh-CN': '新建波次前预览：可组波次的订单，按类型和快递分组', en: 'Before making a wave: the orders it could take, by class and courier' },
    description: {
      'zh-CN': '已审核、未进波次的订单按优先级排列，每单带类型和选快递规则选的快递；不能拣货的订单写明原因。选好后用 POST /waves 的 orderIds 建波次',
      en: 'Approved orders outside a wave in queue order, each with its class and the courier the rules choose; orders that cannot be picked say why. Make the wave from the chosen ones with POST /waves orderIds',
    },
    response: {
      type: 'object',
      properties: {
        max: { type: 'integer' },
        orders: { type: 'array', items: { type: 'object', properties: { orderId: def('id'), orderNo: { type: 'string' }, class: { type: 'string' }, courier: { type: ['string', 'null'] }, courierName: { type: ['string', 'null'] }, pieces: { type: 'integer' }, priority: { type: 'integer' }, placedAt: { type: 'string' } } } },
        skipped: { type: 'array' },
        classes: { type: 'object' },
        couriers: { type: 'array', items: { type: 'object', properties: { code: { type: ['string', 'null'] }, name: { type: ['string', 'null'] }, count: { type: 'integer' } } } },
      },
      required: ['max', 'orders', 'skipped', 'classes', 'couriers'],
    },
    handler: ({ locale }) => previewWave(ctx, locale),
  });

  ctx.routes.add<Record<string, string>, WaveListQuery>({
    method: 'get',
    path: '/waves',
    permission: PERMISSION,
    summary: { 'zh-CN': '波次列表', en: 'Waves' },
    description: { 'zh-CN': '最新的在前；q 按波次编号开头查找', en: 'Newest first; q finds by the start of the wave number' },
    query: listQuery({ status: WAVE_STATUS }),
    response: page(WAVE_SCHEMAS.summary),
    handler: ({ query }) => ctx.db.read((q) => listWaves(q, query)),
  });

  ctx.routes.add<{ id: number }>({
    method: 'get',
    path: '/waves/:id',
    permission: PERMISSION,
    summary: { 'zh-CN': '波次详情：订单、拣货单、补货与播种', en: 'A wave: orders, pick list, replenishment and seeding' },
    params: ID_PARAMS,
    response: ref(WAVE_SCHEMAS.detail),
    handler: async ({ params }) => named(await ctx.db.read((q) => readWave(q, params.id))),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { version: number }>({
    method: 'post',
    path: '/waves/:id/picked',
    permission: PERMISSION,
    summary: { 'zh-CN': '确认波次已拣货', en: 'Mark a wave picked' },
    description: { 'zh-CN': '波次里已审核的订单都变为已拣货，记录拣货人（确认的人）', en: 'Its approved orders become picked, with the person confirming recorded as the picker' },
    params: ID_PARAMS,
    body: VERSION_BODY,
    response: ref(WAVE_SCHEMAS.detail),
    action: 'pick wave',
    handler: async ({ params, body, actor }) => named(await markPicked(ctx, actor!, params.id, body.version)),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { version: number }>({
    method: 'post',
    path: '/waves/:id/cancel',
    permission: PERMISSION,
    summary: { 'zh-CN': '取消波次', en: 'Cancel a wave' },
    description: { 'zh-CN': '拣货前可取消：订单移出波次，仍为已审核；未做的补货任务一并取消', en: 'Before picking: its orders leave the wave, still approved; open replenishment tasks are cancelled' },
    params: ID_PARAMS,
    body: VERSION_BODY,
    response: ref(WAVE_SCHEMAS.detail),
    action: 'cancel wave',
    handler: async ({ params, body, actor }) => named(await cancelWave(ctx, actor!, params.id, body.version)),
  });

  ctx.routes.add<Record<string, string>, ReplenishmentQuery>({
    method: 'get',
    path: '/replenishments',
    permission: PERMISSION,
    summary: { 'zh-CN': '补货任务', en: 'Replenishment tasks' },
    description: { 'zh-CN': '从储位补到拣货位，最早的在前；q：库位编号、波次号或商家编码的开头', en: 'Storage to pick face, oldest first; q: the start of a location code, wave number or SKU code' },
    query: listQuery({ status: { type: 'string', enum: ['open', 'done', 'cancelled'] }, wave: def('id') }),
    response: page(WAVE_SCHEMAS.replenishment),
    handler: ({ query }) => ctx.db.read((q) => listReplenishments(q, query)),
  });

  ctx.routes.add<{ id: number }>({
    method: 'post',
    path: '/replenishments/:id/done',
    permission: PERMISSION,
    summary: { 'zh-CN': '补货完成', en: 'Replenishment done' },
    description: { 'zh-CN': '把库存从储位移到拣货位（两条移库流水，原因“补货”）；储位已不够时拒绝', en: 'Moves the stock storage → pick face (two transfer movements, reason 补货); refused when the storage bin no longer holds it' },
    params: ID_PARAMS,
    response: ref(WAVE_SCHEMAS.replenishment),
    action: 'complete replenishment',
    handler: ({ params, actor }) => completeReplenishment(ctx, stock, params.id, stepBy(actor)),
  });
}
