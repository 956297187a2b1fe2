import { ConflictError, def, ID_PARAMS, NotFoundError, nullable, type JsonSchema, type PluginContext } from '@workbench/plugin-api';
import { careSettings } from './care-settings.js';
import { customerStore, type ReturnVisitRow } from './customer-store.js';
import { lastShippingDayDueBy, returnVisitDueDay, shopDayOf } from './return-visit-due.js';

export interface ReturnVisit extends ReturnVisitRow {
  dueDay: string;
}

const VISIT: JsonSchema = {
  type: 'object',
  properties: {
    id: def('id'), orderId: def('id'), orderNo: { type: 'string' }, buyerNick: { type: 'string' }, shippedAt: def('timestamp'), dueDay: def('date'),
    doneAt: nullable(def('timestamp')), doneByName: nullable({ type: 'string' }), note: { type: 'string' },
  },
  required: ['id', 'orderId', 'orderNo', 'buyerNick', 'shippedAt', 'dueDay', 'doneAt', 'doneByName', 'note'],
};

export function addReturnVisitRoutes(ctx: PluginContext): void {
  const settings = careSettings(ctx);

  ctx.routes.add<Record<string, string>, { day?: string }, undefined, { day: string; items: ReturnVisit[] }>({
    method: 'get',
    path: '/return-visits',
    permission: 'cs-scripts.customers.read',
    summary: { 'zh-CN': '到期的回访（最早到期在前）', en: 'Return visits due, earliest first' },
    description: { 'zh-CN': '到 `day`（默认今天）为止到期、还没回访的订单：发货日 + 送达天数 + 回访天数（设置）', en: 'Visits due by `day` (default today) and not yet made: shipping day + delivery days + visit days (settings)' },
    query: { type: 'object', properties: { day: def('date') }, additionalProperties: false },
    response: { type: 'object', properties: { day: def('date'), items: { type: 'array', items: VISIT } }, required: ['day', 'items'] },
    handler: async ({ query }) => {
      const day = query.day ?? shopDayOf(ctx.now());
      const timing = settings();
      const rows = await ctx.db.read((q) => customerStore(q).openVisits(lastShippingDayDueBy(day, timing)));
      return { day, items: rows.map((r) => ({ ...r, dueDay: returnVisitDueDay(r.shippedAt, timing) })) };
    },
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { note?: string }, ReturnVisit>({
    method: 'post',
    path: '/return-visits/:id/done',
    permission: 'cs-scripts.customers.write',
    summary: { 'zh-CN': '记下回访结果', en: 'Record a return visit as made' },
    params: ID_PARAMS,
    body: { type: 'object', properties: { note: { type: 'string', maxLength: 500 } }, additionalProperties: false },
    response: VISIT,
    action: 'record return visit',
    handler: ({ params, body, actor }) => ctx.db.transaction(async (tx) => {
      const store = customerStore(tx);
      const visit = await store.visit(params.id);
      if (!visit) throw new NotFoundError({ 'zh-CN': `没有回访 ${params.id}`, en: `There is no return visit ${params.id}` });
      if (visit.doneAt) throw new ConflictError({ 'zh-CN': `订单 ${visit.orderNo} 已由 ${visit.doneByName} 回访过`, en: `Order ${visit.orderNo} was already visited by ${visit.doneByName}` });
      await store.visitDone(visit.id, (body?.note ?? '').trim(), { id: actor!.id, name: actor!.displayName }, ctx.now());
      const done = (await store.visit(visit.id))!;
      return { ...done, dueDay: returnVisitDueDay(done.shippedAt, settings()) };
    }),
  });
}
