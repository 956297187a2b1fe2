import { def, ID_PARAMS, NotFoundError, nullable, type Actor, type JsonSchema, type PluginContext, type Queryable } from '@workbench/plugin-api';
import { DEPARTMENTS, type Department, type HandoverNote } from '../model.js';
import { rosterSettings } from '../roster/roster-settings.js';
import { rosterStore } from '../roster/roster-store.js';
import { shopDay } from '../roster/shift-times.js';
import { staffStore } from '../staff/staff-store.js';
import { handoverStore } from './handover-store.js';

const DEPARTMENT: JsonSchema = { type: 'string', enum: [...DEPARTMENTS] };

const NOTE_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    id: def('id'), date: def('date'), department: nullable(DEPARTMENT), text: { type: 'string' }, writtenBy: def('id'), writtenByName: { type: 'string' }, writtenAt: def('timestamp'),
    reads: { type: 'array', items: { type: 'object', properties: { accountId: def('id'), name: { type: 'string' }, readAt: def('timestamp') }, required: ['accountId', 'name', 'readAt'] } },
  },
  required: ['id', 'date', 'department', 'text', 'writtenBy', 'writtenByName', 'writtenAt', 'reads'],
};
const NOTES = { type: 'object', properties: { items: { type: 'array', items: NOTE_SCHEMA } }, required: ['items'] };

/** The person behind the account, and the shift they are on at `at` (a night shift past midnight too). */
async function whoIs(q: Queryable, actor: Actor, at: string) {
  const member = await staffStore(q).byAccount(actor.id);
  const shift = member && (await rosterStore(q).runningAt(at)).find((s) => s.staffId === member.id);
  return { member, shift };
}

export function addHandoverRoutes(ctx: PluginContext): void {
  ctx.routes.add<Record<string, string>, { date?: string; department?: Department }, undefined, { items: HandoverNote[] }>({
    method: 'get',
    path: '/handover',
    permission: 'staff-rules.handover.use',
    summary: { 'zh-CN': '某天的交接班记录与谁读过', en: 'A day\'s handover notes and who read them' },
    query: { type: 'object', properties: { date: def('date'), department: DEPARTMENT } },
    response: NOTES,
    handler: async ({ query }) => ({ items: await ctx.db.read((q) => handoverStore(q).ofDay(query.date ?? shopDay(ctx.now()), query.department)) }),
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, undefined, { items: HandoverNote[] }>({
    method: 'get',
    path: '/handover/unread',
    permission: 'staff-rules.handover.use',
    summary: { 'zh-CN': '我还没读的交接班记录', en: 'Handover notes I have not read' },
    response: NOTES,
    handler: async ({ actor }) => {
      const now = ctx.now();
      const since = ctx.shopTime(Date.parse(now) - rosterSettings(ctx).handoverWindowHours * 3_600_000);
      return {
        items: await ctx.db.read(async (q) => {
          const { member } = await whoIs(q, actor!, now);
          return handoverStore(q).unread(actor!.id, since, member?.department);
        }),
      };
    },
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, { text: string; department?: Department | null }, HandoverNote>({
    method: 'post',
    path: '/handover',
    permission: 'staff-rules.handover.use',
    summary: { 'zh-CN': '写一条交接班记录', en: 'Write a handover note' },
    body: { type: 'object', properties: { text: { allOf: [def('visibleText')], minLength: 1, maxLength: 2000, pattern: '\\S' }, department: nullable(DEPARTMENT) }, required: ['text'], additionalProperties: false },
    response: NOTE_SCHEMA,
    status: 201,
    action: 'write handover note',
    handler: ({ body, actor }) => ctx.db.transaction(async (tx) => {
      const at = ctx.now();
      const { member, shift } = await whoIs(tx, actor!, at);
      // A note written at 00:40 on the night shift belongs to the day that shift started.
      return handoverStore(tx).add({
        date: shift?.date ?? shopDay(at),
        department: body.department === undefined ? (member?.department ?? null) : body.department,
        text: body.text.trim(), by: actor!.id, byName: member?.name ?? actor!.displayName, at,
      });
    }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, HandoverNote>({
    method: 'post',
    path: '/handover/:id/read',
    permission: 'staff-rules.handover.use',
    summary: { 'zh-CN': '确认已读交接班记录', en: 'Confirm a handover note was read' },
    params: ID_PARAMS,
    response: NOTE_SCHEMA,
    action: 'read handover note',
    handler: ({ params, actor }) => ctx.db.transaction(async (tx) => {
      const notes = handoverStore(tx);
      if (!(await notes.get(params.id))) throw new NotFoundError({ 'zh-CN': `没有编号为 ${params.id} 的交接班记录`, en: `No handover note with id ${params.id}` });
      const member = await staffStore(tx).byAccount(actor!.id);
      return notes.markRead(params.id, actor!.id, member?.name ?? actor!.displayName, ctx.now());
    }),
  });
}
