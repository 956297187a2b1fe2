import { def, InputError, type JsonSchema, type PluginContext } from '@workbench/plugin-api';
import { DEPARTMENTS, type Department } from '../model.js';
import { weekStart } from '../roster/shift-times.js';
import { staffStore } from '../staff/staff-store.js';
import { periodOf, skeleton, type RoutineKind } from './routine-skeletons.js';
import { routineStore, type Routine } from './routine-store.js';

const PARAMS: JsonSchema = {
  type: 'object',
  properties: { kind: { type: 'string', enum: ['meeting', 'weekly-report', 'day-checklist'] }, department: { type: 'string', enum: [...DEPARTMENTS] }, date: def('date') },
  required: ['kind', 'department', 'date'],
};
const ROUTINE_SCHEMA: JsonSchema = {
  type: 'object',
  properties: { kind: { type: 'string' }, department: { type: 'string' }, period: def('date'), entries: { type: 'array' }, updatedBy: orNull('integer'), updatedAt: orNull('string') },
  required: ['kind', 'department', 'period', 'entries', 'updatedBy', 'updatedAt'],
};
function orNull(type: string): JsonSchema {
  return { type: [type, 'null'] };
}

type Params = { kind: RoutineKind; department: Department; date: string };
type Body = { entries: { key: string; text?: string; done?: boolean }[] };

export function addRoutineRoutes(ctx: PluginContext): void {
  ctx.routes.add<Params, Record<string, unknown>, undefined, Routine>({
    method: 'get',
    path: '/routines/:kind/:department/:date',
    permission: 'staff-rules.routines.read',
    summary: { 'zh-CN': '例会记录、周报或运营日清单（没写过时给出模板）', en: 'Meeting notes, a weekly report or the day checklist (the skeleton until written)' },
    params: PARAMS,
    response: ROUTINE_SCHEMA,
    handler: async ({ params }) => {
      const period = periodOf(params.kind, params.date, weekStart);
      const saved = await ctx.db.read((q) => routineStore(q).get(params.kind, params.department, period));
      return saved ?? { kind: params.kind, department: params.department, period, entries: skeleton(params.kind), updatedBy: null, updatedAt: null };
    },
  });

  ctx.routes.add<Params, Record<string, unknown>, Body, Routine>({
    method: 'put',
    path: '/routines/:kind/:department/:date',
    permission: 'staff-rules.routines.write',
    summary: { 'zh-CN': '写例会记录、周报，或勾运营日清单', en: 'Write meeting notes or a weekly report, or tick the day checklist' },
    params: PARAMS,
    body: {
      type: 'object',
      properties: { entries: { type: 'array', maxItems: 20, items: { type: 'object', properties: { key: { type: 'string' }, text: { type: 'string', maxLength: 5000 }, done: { type: 'boolean' } }, required: ['key'], additionalProperties: false } } },
      required: ['entries'],
      additionalProperties: false,
    },
    response: ROUTINE_SCHEMA,
    action: 'write routine',
    handler: ({ params, body, actor }) => ctx.db.transaction(async (tx) => {
      const period = periodOf(params.kind, params.date, weekStart);
      const store = routineStore(tx);
      const entries = (await store.get(params.kind, params.department, period))?.entries ?? skeleton(params.kind);
      const at = ctx.now();
      const name = (await staffStore(tx).byAccount(actor!.id))?.name ?? actor!.displayName;
      body.entries.forEach((change, i) => {
        const target = entries.find((e) => e.key === change.key);
        if (!target) {
          throw new InputError({ 'zh-CN': `没有“${change.key}”这一项`, en: `There is no entry "${change.key}"` }, { errors: [{ path: `/entries/${i}/key`, in: 'body', message: 'unknown' }] });
        }
        if (change.text !== undefined) target.text = change.text.trim();
        if (change.done !== undefined) {
          if (target.done === null) {
            throw new InputError({ 'zh-CN': '只有清单项目可以打勾', en: 'Only checklist items can be ticked' }, { errors: [{ path: `/entries/${i}/done`, in: 'body', message: 'not a checklist item' }] });
          }
          if (change.done !== target.done) Object.assign(target, change.done ? { done: true, doneBy: name, doneAt: at } : { done: false, doneBy: null, doneAt: null });
        }
      });
      return store.save({ kind: params.kind, department: params.department, period, entries, updatedBy: actor!.id, updatedAt: at });
    }),
  });
}
