import { ConflictError, ID_PARAMS, InputError, NotFoundError, type Actor, type PluginContext, type Transaction } from '@workbench/plugin-api';
import type { OrderRow } from '../orders/order-record.js';
import { fulfillmentSettings, type FulfillmentSettings } from '../settings.js';
import { stepBy } from '../shared/actor.js';
import { courierByCode, courierNames } from '../shipping/courier-rules.js';
import { courierChoiceFor } from '../shipping/ship-order.js';
import { poolNumbers, type PoolInput } from './pool-import.js';
import { addNumbers, heldNumber, poolCounts, takeNumber } from './tracking-pool.js';

export const LABEL_PERMISSION = 'fulfillment.labels.print';

/** The tracking number an order's label carries, and where it came from. */
export interface LabelNumber {
  orderId: number;
  orderNo: string;
  courier: string | null;
  trackingNo: string | null;
  /** `pool`: taken from the courier's pool · `shipped`: the number it shipped with · `scan`: no pool number, scan a waybill. */
  source: 'pool' | 'shipped' | 'scan';
}

const POOL = {
  type: 'object',
  properties: {
    courier: { type: 'string' }, name: { type: 'string' }, imported: { type: 'integer' }, used: { type: 'integer' }, remaining: { type: 'integer' }, low: { type: 'boolean' },
  },
  required: ['courier', 'name', 'imported', 'used', 'remaining', 'low'],
};
const NUMBER = {
  type: 'object',
  properties: { orderId: { type: 'integer' }, orderNo: { type: 'string' }, courier: { type: ['string', 'null'] }, trackingNo: { type: ['string', 'null'] }, source: { enum: ['pool', 'shipped', 'scan'] } },
  required: ['orderId', 'orderNo', 'courier', 'trackingNo', 'source'],
};
const field = (path: string, message: string) => ({ errors: [{ path, in: 'body', message }] });

/** The courier given (a code of the settings), else the rules' choice; 409 when none reaches. */
function courierOf(settings: FulfillmentSettings, row: OrderRow, code: string | undefined): string {
  if (code) {
    const courier = courierByCode(settings, code.toUpperCase());
    if (!courier) throw new InputError({ 'zh-CN': `没有快递公司“${code}”，可选：${courierNames(settings)}`, en: `There is no courier "${code}"; choose one of ${courierNames(settings)}` }, field('/courier', 'unknown'));
    return courier.code;
  }
  const choice = courierChoiceFor(settings, row);
  if (!choice.courier) throw new ConflictError({ 'zh-CN': `${choice.reason['zh-CN']}：请手动选择快递`, en: `${choice.reason.en}: choose a courier by hand` }, field('/courier', 'none'));
  return choice.courier.code;
}

/** The number for one order's label, taking the next pool number when it has none yet. */
async function numberFor(tx: Transaction, ctx: PluginContext, row: OrderRow, actor: Actor | undefined, code?: string): Promise<LabelNumber> {
  const base = { orderId: row.id, orderNo: row.order_no };
  if (row.status === 'shipped') return { ...base, courier: row.courier, trackingNo: row.tracking_no, source: 'shipped' };
  if (row.status === 'closed') {
    throw new ConflictError({ 'zh-CN': `订单 ${row.order_no} 已关闭，不发货，不用打面单`, en: `Order ${row.order_no} is closed and does not ship; it needs no label` });
  }
  const held = await heldNumber(tx, row.id);
  if (held) return { ...base, ...held, source: 'pool' };
  const courier = courierOf(fulfillmentSettings(ctx), row, code);
  const taken = await takeNumber(tx, row.id, courier, stepBy(actor), ctx.now());
  return taken ? { ...base, ...taken, source: 'pool' } : { ...base, courier, trackingNo: null, source: 'scan' };
}

/** Number pools (号段) and the numbers labels carry (README "Shipping labels"). */
export function addLabelRoutes(ctx: PluginContext): void {
  ctx.routes.add({
    method: 'get',
    path: '/tracking-pools',
    permission: LABEL_PERMISSION,
    summary: { 'zh-CN': '各快递的单号池余量', en: 'Numbers left in each courier’s pool' },
    response: { type: 'object', properties: { items: { type: 'array', items: POOL }, threshold: { type: 'integer' } }, required: ['items', 'threshold'] },
    handler: () => ctx.db.read(async (q) => {
      const settings = fulfillmentSettings(ctx);
      return { items: await poolCounts(q, settings), threshold: settings.labels.poolLowThreshold };
    }),
  });

  ctx.routes.add<{ courier: string }, Record<string, unknown>, PoolInput>({
    method: 'post',
    path: '/tracking-pools/:courier',
    permission: LABEL_PERMISSION,
    summary: { 'zh-CN': '导入快递单号（号段、单号列表或 CSV）', en: 'Import a courier’s tracking numbers (a range, a list or a CSV)' },
    description: {
      'zh-CN': '起始和结束单号（含两端）、一列单号，或 CSV（“运单号”一列，或“起始单号”“结束单号”两列）。单号要符合该快递的格式；已在池里或已用在订单上的单号跳过并列出',
      en: 'A start and end number (both included), a list, or a CSV (a 运单号 column, or 起始单号 and 结束单号). Numbers must have the courier’s shape; those already pooled or on an order are skipped and listed',
    },
    params: { type: 'object', properties: { courier: { type: 'string', pattern: '^[A-Za-z]{2,5}$' } }, required: ['courier'] },
    body: {
      type: 'object',
      properties: {
        from: { type: 'string', minLength: 1, maxLength: 40 },
        to: { type: 'string', minLength: 1, maxLength: 40 },
        numbers: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 40 }, minItems: 1, maxItems: 50000 },
        csv: { type: 'string', minLength: 1, maxLength: 2_000_000 },
      },
      additionalProperties: false,
    },
    response: {
      type: 'object',
      properties: { courier: { type: 'string' }, added: { type: 'integer' }, skipped: { type: 'array', items: { type: 'object', properties: { trackingNo: { type: 'string' }, reason: { type: 'string' } } } }, pool: POOL },
      required: ['courier', 'added', 'skipped', 'pool'],
    },
    status: 201,
    action: 'import tracking numbers',
    handler: async ({ params, body, actor }) => {
      const settings = fulfillmentSettings(ctx);
      const courier = courierByCode(settings, params.courier.toUpperCase());
      if (!courier) throw new NotFoundError({ 'zh-CN': `没有快递公司“${params.courier}”，可选：${courierNames(settings)}`, en: `There is no courier "${params.courier}"; choose one of ${courierNames(settings)}` });
      const numbers = poolNumbers(body);
      return ctx.db.transaction(async (tx) => {
        const { added, skipped } = await addNumbers(tx, courier, numbers, stepBy(actor), ctx.now());
        const pool = (await poolCounts(tx, settings)).find((p) => p.courier === courier.code)!;
        return { courier: courier.code, added, skipped, pool };
      });
    },
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { courier?: string }>({
    method: 'post',
    path: '/orders/:id/tracking-number',
    permission: LABEL_PERMISSION,
    summary: { 'zh-CN': '给订单取面单号（从单号池）', en: 'Take a label number for an order (from the pool)' },
    description: {
      'zh-CN': '订单已有池里的单号时原样返回；否则取该快递池里下一个没用过的单号（不填快递按选快递规则选）。池空或没有池时 source 为 scan：在发货台扫描面单',
      en: 'An order holding a pool number gets it again; otherwise the courier’s next unused number (the rules choose the courier when none is given). With no pool or an empty one, source is scan: scan a waybill at the station',
    },
    params: ID_PARAMS,
    body: { type: 'object', properties: { courier: { type: 'string', pattern: '^[A-Za-z]{2,5}$' } }, additionalProperties: false },
    response: NUMBER,
    action: 'take tracking number',
    handler: ({ params, body, actor }) => ctx.db.transaction(async (tx) => {
      const row = await tx.get<OrderRow>('SELECT * FROM fulfillment_orders WHERE id = ?', [params.id]);
      if (!row) throw new NotFoundError({ 'zh-CN': '订单不存在', en: 'No such order' });
      return numberFor(tx, ctx, row, actor, body?.courier);
    }),
  });

  ctx.routes.add<{ id: number }>({
    method: 'post',
    path: '/waves/:id/tracking-numbers',
    permission: LABEL_PERMISSION,
    summary: { 'zh-CN': '给波次的订单取面单号', en: 'Take label numbers for a wave’s orders' },
    description: {
      'zh-CN': '波次里每张未关闭的订单按播种格顺序取号（已有的不变），一个事务；答复每单的单号和各快递池余量',
      en: 'Every order of the wave not closed, in slot order, gets its number (those holding one keep it), in one transaction; answers each order’s number and the pools left',
    },
    params: ID_PARAMS,
    response: { type: 'object', properties: { items: { type: 'array', items: NUMBER }, pools: { type: 'array', items: POOL } }, required: ['items', 'pools'] },
    action: 'take tracking numbers',
    handler: ({ params, actor }) => ctx.db.transaction(async (tx) => {
      const wave = await tx.get<{ id: number }>('SELECT id FROM fulfillment_waves WHERE id = ?', [params.id]);
      if (!wave) throw new NotFoundError({ 'zh-CN': `波次 ${params.id} 不存在`, en: `Wave ${params.id} does not exist` });
      const rows = await tx.all<OrderRow>(
        "SELECT o.* FROM fulfillment_wave_orders w JOIN fulfillment_orders o ON o.id = w.order_id WHERE w.wave_id = ? AND o.status <> 'closed' ORDER BY w.slot, o.id",
        [wave.id],
      );
      const items: LabelNumber[] = [];
      for (const row of rows) {
        try {
          items.push(await numberFor(tx, ctx, row, actor));
        } catch (error) {
          // No courier reaches it: its label waits for a person to choose one; the others go on.
          if (!(error instanceof ConflictError)) throw error;
          items.push({ orderId: row.id, orderNo: row.order_no, courier: null, trackingNo: null, source: 'scan' });
        }
      }
      return { items, pools: await poolCounts(tx, fulfillmentSettings(ctx)) };
    }),
  });
}
