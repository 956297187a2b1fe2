import { def, ID_PARAMS, nullable, type JsonSchema, type PluginContext } from '@workbench/plugin-api';
import { SUPPLIER } from '../schemas.js';
import { settingsOf } from '../settings.js';
import { supplierStore } from '../suppliers/supplier-store.js';
import { scorecardStore, type BreachRecorded } from './scorecard-store.js';

const TEXT2: JsonSchema = { type: 'object', properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } }, required: ['zh-CN', 'en'] };
const ENTRY: JsonSchema = {
  type: 'object',
  properties: {
    id: def('id'), supplierId: def('id'), kind: { type: 'string' }, kindName: TEXT2, points: { type: 'integer' }, pointsAfter: { type: 'integer' },
    standingAfter: { type: 'string' }, fixByAfter: nullable(def('date')), note: { type: 'string' }, reference: nullable({ type: 'string' }),
    source: { type: 'string' }, recordedAt: def('timestamp'), recordedBy: nullable(def('id')), clearedAt: nullable(def('timestamp')),
  },
  required: ['id', 'kind', 'kindName', 'points', 'pointsAfter', 'standingAfter', 'recordedAt'],
};
const GATE: JsonSchema = {
  type: 'object',
  properties: { allowed: { type: 'boolean' }, needsOwnerApproval: { type: 'boolean' }, points: { type: 'integer' }, standing: { type: 'string' }, fixBy: nullable(def('date')), reason: TEXT2 },
  required: ['allowed', 'needsOwnerApproval', 'points', 'standing', 'fixBy', 'reason'],
};

export function addScorecardRoutes(ctx: PluginContext): void {
  const settings = settingsOf(ctx);

  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, unknown>({
    method: 'get',
    path: '/suppliers/:id/scorecard',
    permission: 'procurement.suppliers.read',
    summary: { 'zh-CN': '供应商考核：扣分、状态、整改期限与明细', en: "A supplier's scorecard: points, standing, fix-by date and entries" },
    params: ID_PARAMS,
    response: {
      type: 'object',
      properties: {
        supplier: SUPPLIER,
        gate: GATE,
        thresholds: { type: 'object', properties: { approvalAt: { type: 'integer' }, endAt: { type: 'integer' }, fixDays: { type: 'integer' } } },
        kinds: { type: 'array', items: { type: 'object', properties: { kind: { type: 'string' }, name: TEXT2, points: { type: 'integer' } } } },
        entries: { type: 'array', items: ENTRY },
      },
      required: ['supplier', 'gate', 'thresholds', 'kinds', 'entries'],
    },
    handler: ({ params }) => ctx.db.read(async (q) => {
      const rules = settings().scorecard;
      const supplier = await supplierStore(q).require(params.id);
      const scorecard = scorecardStore(q, rules);
      return {
        supplier,
        gate: await scorecard.orderGate(params.id),
        thresholds: { approvalAt: rules.approvalAt, endAt: rules.endAt, fixDays: rules.fixDays },
        kinds: rules.breaches.map((k) => ({ kind: k.kind, name: { 'zh-CN': k.zh, en: k.en }, points: k.points })),
        entries: await scorecard.entries(params.id),
      };
    }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { kind: string; note?: string; reference?: string | null }, BreachRecorded>({
    method: 'post',
    path: '/suppliers/:id/breaches',
    permission: 'procurement.scorecard.record',
    summary: { 'zh-CN': '记一次供应商违约（按设置扣分）', en: 'Record a supplier breach (points from the settings)' },
    params: ID_PARAMS,
    body: {
      type: 'object',
      properties: { kind: { type: 'string', minLength: 1, maxLength: 40 }, note: { type: 'string', maxLength: 1000 }, reference: nullable({ type: 'string', maxLength: 100 }) },
      required: ['kind'],
      additionalProperties: false,
    },
    response: { type: 'object', properties: { entry: ENTRY, supplier: SUPPLIER, explanation: TEXT2 }, required: ['entry', 'supplier', 'explanation'] },
    status: 201,
    action: 'record supplier breach',
    handler: ({ params, body, actor }) => ctx.db.transaction((tx) => scorecardStore(tx, settings().scorecard).recordBreach(params.id, { ...body, by: actor!.id }, ctx.now())),
  });
}

/** Every 31 December, just before midnight, the year's points go back to zero. */
export function scheduleScorecardReset(ctx: PluginContext): void {
  const settings = settingsOf(ctx);
  ctx.jobs.schedule({
    id: 'scorecard-reset',
    title: { 'zh-CN': '供应商考核年度清零（12 月 31 日）', en: 'Supplier scorecard reset (31 December)' },
    schedule: { cron: '59 23 31 12 *' },
    run: async ({ log }) => {
      const reset = await ctx.db.transaction((tx) => scorecardStore(tx, settings().scorecard).resetYear(ctx.now()));
      log.info('scorecard reset', { suppliers: reset.length });
    },
  });
}
