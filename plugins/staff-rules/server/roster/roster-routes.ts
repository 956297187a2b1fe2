import { ConflictError, def, InputError, NotFoundError, type JsonSchema, type PluginContext } from '@workbench/plugin-api';
import type { RosterEntry, ShiftTemplate } from '../model.js';
import { staffNotFound } from '../staff/staff-routes.js';
import { staffStore } from '../staff/staff-store.js';
import { checkRoster, type RosterCheck } from './roster-check.js';
import { rosterSettings } from './roster-settings.js';
import { rosterStore } from './roster-store.js';
import { daysBetween } from './shift-times.js';

const TIME = { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' };

export const TEMPLATE_SCHEMA: JsonSchema = {
  type: 'object',
  properties: { id: def('id'), name: { type: 'string' }, start: TIME, end: TIME, breakMinutes: { type: 'integer' }, kind: { type: 'string', enum: ['day', 'night'] } },
  required: ['id', 'name', 'start', 'end', 'breakMinutes', 'kind'],
  additionalProperties: false,
};

export const ENTRY_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    staffId: def('id'), date: def('date'), templateId: def('id'), templateName: { type: 'string' }, kind: { type: 'string', enum: ['day', 'night'] },
    startsAt: def('timestamp'), endsAt: def('timestamp'),
  },
  required: ['staffId', 'date', 'templateId', 'templateName', 'kind', 'startsAt', 'endsAt'],
};

/** The longest span one roster request covers: two months and a little, for a month's checks. */
export const MAX_RANGE_DAYS = 62;

export const RANGE_QUERY: JsonSchema = { type: 'object', properties: { from: def('date'), to: def('date') }, required: ['from', 'to'] };

/** Refuses a span that runs backwards or is longer than {@link MAX_RANGE_DAYS}. */
export function checkRange(from: string, to: string): void {
  if (to < from) throw new InputError({ 'zh-CN': '结束日期早于开始日期', en: 'The end date is before the start date' }, { errors: [{ path: '/to', in: 'query', message: '≥ from' }] });
  if (daysBetween(from, to).length > MAX_RANGE_DAYS) {
    throw new InputError({ 'zh-CN': `一次最多查看 ${MAX_RANGE_DAYS} 天的排班`, en: `At most ${MAX_RANGE_DAYS} days of roster at a time` }, { errors: [{ path: '/to', in: 'query', message: `≤ ${MAX_RANGE_DAYS} days` }] });
  }
}

const DAY_PARAMS: JsonSchema = { type: 'object', properties: { staffId: def('id'), date: def('date') }, required: ['staffId', 'date'] };

export function addRosterRoutes(ctx: PluginContext): void {
  ctx.routes.add<Record<string, string>, Record<string, unknown>, undefined, { items: ShiftTemplate[] }>({
    method: 'get',
    path: '/shift-templates',
    permission: 'staff-rules.roster.read',
    summary: { 'zh-CN': '班次（白班、晚班……）', en: 'Shift templates (day, night…)' },
    response: { type: 'object', properties: { items: { type: 'array', items: TEMPLATE_SCHEMA } }, required: ['items'] },
    handler: async () => ({ items: await ctx.db.read((q) => rosterStore(q).templates()) }),
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, Omit<ShiftTemplate, 'id'>, ShiftTemplate>({
    method: 'post',
    path: '/shift-templates',
    permission: 'staff-rules.roster.manage',
    summary: { 'zh-CN': '新增一个班次', en: 'Add a shift template' },
    body: {
      type: 'object',
      properties: { name: { allOf: [def('visibleText')], minLength: 1, maxLength: 20, pattern: '\\S' }, start: TIME, end: TIME, breakMinutes: { type: 'integer', minimum: 0, maximum: 240, default: 0 }, kind: { type: 'string', enum: ['day', 'night'] } },
      required: ['name', 'start', 'end', 'kind'],
      additionalProperties: false,
    },
    response: TEMPLATE_SCHEMA,
    status: 201,
    action: 'add shift template',
    handler: ({ body }) => ctx.db.transaction(async (tx) => {
      const roster = rosterStore(tx);
      if ((await roster.templates()).some((t) => t.name === body.name.trim())) {
        throw new ConflictError({ 'zh-CN': `已经有叫“${body.name.trim()}”的班次了`, en: `A shift template named "${body.name.trim()}" exists already` }, { errors: [{ path: '/name', in: 'body', message: 'taken' }] });
      }
      return roster.addTemplate(body);
    }),
  });

  ctx.routes.add<Record<string, string>, { from: string; to: string; staffId?: number }, undefined, { from: string; to: string; items: RosterEntry[] }>({
    method: 'get',
    path: '/roster',
    permission: 'staff-rules.roster.read',
    summary: { 'zh-CN': '排班：两个日期之间每人每天的班次', en: 'The roster: each person\'s shift per day between two dates' },
    query: { ...RANGE_QUERY, properties: { ...(RANGE_QUERY as { properties: object }).properties, staffId: def('id') } },
    response: { type: 'object', properties: { from: def('date'), to: def('date'), items: { type: 'array', items: ENTRY_SCHEMA } }, required: ['from', 'to', 'items'] },
    handler: async ({ query }) => {
      checkRange(query.from, query.to);
      return { from: query.from, to: query.to, items: await ctx.db.read((q) => rosterStore(q).between(query.from, query.to, query.staffId)) };
    },
  });

  ctx.routes.add<{ staffId: number; date: string }, Record<string, unknown>, { templateId: number }, RosterEntry>({
    method: 'put',
    path: '/roster/:staffId/:date',
    permission: 'staff-rules.roster.manage',
    summary: { 'zh-CN': '给某人某天排一个班', en: 'Plan a shift for a person on a day' },
    params: DAY_PARAMS,
    body: { type: 'object', properties: { templateId: def('id') }, required: ['templateId'], additionalProperties: false },
    response: ENTRY_SCHEMA,
    action: 'plan shift',
    handler: ({ params, body, actor }) => ctx.db.transaction(async (tx) => {
      const member = await staffStore(tx).get(params.staffId);
      if (!member) throw staffNotFound(params.staffId);
      if (member.leftOn && params.date >= member.leftOn) {
        throw new ConflictError({ 'zh-CN': `${member.name} 已于 ${member.leftOn} 离职，不能再排班`, en: `${member.name} left on ${member.leftOn} and cannot be rostered` });
      }
      if (member.hiredOn && params.date < member.hiredOn) {
        throw new ConflictError({ 'zh-CN': `${member.name} ${member.hiredOn} 才入职，不能排之前的班`, en: `${member.name} starts on ${member.hiredOn}; no shifts before then` });
      }
      const roster = rosterStore(tx);
      if (!(await roster.template(body.templateId))) {
        throw new NotFoundError({ 'zh-CN': `没有编号为 ${body.templateId} 的班次`, en: `No shift template with id ${body.templateId}` }, { errors: [{ path: '/templateId', in: 'body', message: 'not found' }] });
      }
      return roster.assign(params.staffId, params.date, body.templateId, actor?.id ?? null, ctx.now());
    }),
  });

  ctx.routes.add<{ staffId: number; date: string }, Record<string, unknown>, undefined, { cleared: boolean }>({
    method: 'delete',
    path: '/roster/:staffId/:date',
    permission: 'staff-rules.roster.manage',
    summary: { 'zh-CN': '把某人某天改成休息', en: 'Make a day a day off for a person' },
    params: DAY_PARAMS,
    response: { type: 'object', properties: { cleared: { type: 'boolean' } }, required: ['cleared'] },
    action: 'clear shift',
    handler: async ({ params }) => ({ cleared: await ctx.db.transaction((tx) => rosterStore(tx).clear(params.staffId, params.date)) }),
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, undefined, { at: string; items: (RosterEntry & { name: string; code: string; department: string })[] }>({
    method: 'get',
    path: '/roster/now',
    permission: 'staff-rules.roster.read',
    summary: { 'zh-CN': '现在在班的人', en: 'Who is on shift now' },
    response: { type: 'object', properties: { at: def('timestamp'), items: { type: 'array', items: { type: 'object' } } }, required: ['at', 'items'] },
    handler: async () => {
      const at = ctx.now();
      const items = await ctx.db.read(async (q) => {
        const staff = staffStore(q);
        const running = await rosterStore(q).runningAt(at);
        const people = await Promise.all(running.map((s) => staff.get(s.staffId)));
        return running.map((s, i) => ({ ...s, name: people[i]!.name, code: people[i]!.code, department: people[i]!.department }));
      });
      return { at, items };
    },
  });

  ctx.routes.add<Record<string, string>, { from: string; to: string }, undefined, RosterCheck>({
    method: 'get',
    path: '/roster/check',
    permission: 'staff-rules.roster.read',
    summary: { 'zh-CN': '排班检查：哪个岗位哪几个小时没人，谁违反了轮班与休息规则', en: 'Roster check: which post is empty at which hours, who breaks the rotation and rest rules' },
    query: RANGE_QUERY,
    response: { type: 'object', properties: { from: def('date'), to: def('date'), gaps: { type: 'array' }, problems: { type: 'array' } }, required: ['from', 'to', 'gaps', 'problems'] },
    handler: ({ query }) => {
      checkRange(query.from, query.to);
      return ctx.db.read((q) => checkRoster(q, query.from, query.to, rosterSettings(ctx)));
    },
  });
}
