import { ConflictError, InputError, NotFoundError, def, visibleText, type Actor, type LocalizedText, type Locale, type PluginContext } from '@workbench/plugin-api';
import type { AttendanceFlag, DayFacts, StaffMember } from '../model.js';
import { staffStore } from '../staff/staff-store.js';
import { attendanceRules } from './attendance-rules.js';
import { attendanceFacts, type MonthAttendance } from './attendance-facts.js';
import { CLOCK, DAY_FACTS, FLAG, MONTH_QUERY, PERSON } from './attendance-schemas.js';
import { clockStore, type ClockRecord } from './clock-store.js';
import { clockTime } from './clock-file.js';
import { flagReason } from './flag-reason.js';
import { writtenReason } from './written-reason.js';

export const inLocale = (text: LocalizedText, locale: Locale): string => (typeof text === 'string' ? text : (text[locale] ?? text['zh-CN']));

/** Two presses of the button within this long are one clock. */
const DOUBLE_PRESS_MS = 60_000;

type Person = Pick<StaffMember, 'id' | 'code' | 'name' | 'department'>;
const person = (m: StaffMember): Person => ({ id: m.id, code: m.code, name: m.name, department: m.department });

const flagsIn = (flags: AttendanceFlag[], locale: Locale) => flags.map((f) => ({ ...f, reason: inLocale(flagReason(f), locale) }));

export function addAttendanceRoutes(ctx: PluginContext): void {
  const facts = (q: Parameters<typeof attendanceFacts>[0]) => attendanceFacts(q, { rules: attendanceRules(ctx.settings.get()), now: ctx.now() });
  const today = () => ctx.now().slice(0, 10);

  /** The staff member the account belongs to; a clerk can act on the refusal. */
  const myself = async (actor: Actor): Promise<StaffMember> => {
    const me = await ctx.db.read((q) => staffStore(q).byAccount(actor.id));
    if (!me) {
      throw new ConflictError({
        'zh-CN': '你的账号还没有关联到员工名单里的人，请店长在员工名单里关联后再打卡',
        en: 'Your account is not linked to anyone on the staff list; ask the owner to link it there first',
      });
    }
    return me;
  };

  ctx.routes.add<Record<string, string>, Record<string, unknown>, undefined, { clock: ClockRecord; day: DayFacts | null }>({
    method: 'post',
    path: '/attendance/clock',
    permission: 'staff-rules.attendance.clock',
    summary: { 'zh-CN': '打卡（时间以服务器为准）', en: 'Clock in or out (the server\'s time)' },
    response: { type: 'object', properties: { clock: CLOCK, day: { anyOf: [DAY_FACTS, { type: 'null' }] } }, required: ['clock', 'day'] },
    status: 201,
    action: 'clock',
    handler: async ({ actor }) => {
      const me = await myself(actor!);
      const now = ctx.now();
      const clock = await ctx.db.transaction(async (tx) => {
        const last = await clockStore(tx).last(me.id);
        if (last && Date.parse(now) - Date.parse(last.at) < DOUBLE_PRESS_MS) {
          throw new ConflictError({ 'zh-CN': `刚刚（${last.at.slice(11, 16)}）已经打过卡了`, en: `You clocked a moment ago (${last.at.slice(11, 16)})` });
        }
        return clockStore(tx).add({ staffId: me.id, at: now, source: 'button' }, actor!.id, now);
      });
      // The day the clock counts on: a night shift's clock-out after midnight belongs to yesterday.
      const months = [now.slice(0, 7), ...(now.slice(8, 10) === '01' ? [previousMonth(now.slice(0, 7))] : [])];
      const days = await ctx.db.read(async (q) => (await Promise.all(months.map((m) => facts(q).month(m, me.id)))).flatMap((m) => m.days));
      const day = days.find((d) => d.clockIn === clock.at || d.clockOut === clock.at) ?? null;
      return { clock, day };
    },
  });

  const monthResponse = { type: 'object', properties: { month: { type: 'string' }, days: { type: 'array', items: DAY_FACTS }, flags: { type: 'array', items: FLAG } }, required: ['month', 'days', 'flags'] };
  const monthIn = (m: MonthAttendance, locale: Locale) => ({ ...m, flags: flagsIn(m.flags, locale) });

  ctx.routes.add<Record<string, string>, { month?: string }, undefined, unknown>({
    method: 'get',
    path: '/attendance/me',
    permission: 'staff-rules.attendance.clock',
    summary: { 'zh-CN': '我的考勤（一个月）', en: 'My attendance for a month' },
    query: { type: 'object', properties: { month: MONTH_QUERY } },
    response: { ...monthResponse, properties: { ...monthResponse.properties, member: PERSON } },
    handler: async ({ actor, query, locale }) => {
      const me = await myself(actor!);
      const month = await ctx.db.read((q) => facts(q).month(query.month ?? today().slice(0, 7), me.id));
      return { ...monthIn(month, locale), member: person(me) };
    },
  });

  ctx.routes.add<Record<string, string>, { month?: string; staffId?: number }, undefined, unknown>({
    method: 'get',
    path: '/attendance/month',
    permission: 'staff-rules.attendance.read',
    summary: { 'zh-CN': '一个月的考勤：每人每天的情况和自动离职提醒', en: "A month's attendance: each person's days and the 自动离职 flags" },
    query: { type: 'object', properties: { month: MONTH_QUERY, staffId: def('id') } },
    response: monthResponse,
    handler: async ({ query, locale }) => monthIn(await ctx.db.read((q) => facts(q).month(query.month ?? today().slice(0, 7), query.staffId)), locale),
  });

  ctx.routes.add<Record<string, string>, { date?: string }, undefined, unknown>({
    method: 'get',
    path: '/attendance/board',
    permission: 'staff-rules.attendance.read',
    summary: { 'zh-CN': '今日考勤：谁到了、迟到、缺勤、请假', en: "Today's attendance: who is in, late, absent or on leave" },
    query: { type: 'object', properties: { date: def('date') } },
    response: {
      type: 'object',
      properties: { date: def('date'), items: { type: 'array', items: { type: 'object', properties: { member: PERSON, facts: DAY_FACTS, clocks: { type: 'array', items: CLOCK } }, required: ['member', 'facts', 'clocks'] } } },
      required: ['date', 'items'],
    },
    handler: async ({ query }) => {
      const date = query.date ?? today();
      return ctx.db.read(async (q) => {
        const days = await facts(q).day(date);
        const members = new Map((await staffStore(q).list({ includeLeft: true })).map((m) => [m.id, m]));
        const offset = ctx.now().slice(-6);
        const items = [];
        for (const day of days) {
          const member = members.get(day.staffId);
          if (!member) continue;
          // The clocks shown for correction: those of the shift's reach, or of the calendar day on a rest day.
          const from = day.shift ? new Date(Date.parse(day.shift.startsAt) - 4 * 3_600_000).toISOString() : `${date}T00:00:00.000${offset}`;
          const to = day.shift ? new Date(Date.parse(day.shift.endsAt) + 4 * 3_600_000).toISOString() : `${date}T23:59:59.999${offset}`;
          const clocks = (await clockStore(q).between([member.id], ctx.shopTime(from), ctx.shopTime(to))).filter((c) => c.at === day.clockIn || c.at === day.clockOut || !day.shift);
          items.push({ member: person(member), facts: day, clocks });
        }
        return { date, items };
      });
    },
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { at: string; reason: string; version: number }, ClockRecord>({
    method: 'post',
    path: '/attendance/clocks/:id/correct',
    permission: 'staff-rules.attendance.correct',
    summary: { 'zh-CN': '更正打卡时间（写明原因）', en: 'Correct a clock time, with the reason' },
    params: { type: 'object', properties: { id: def('id') }, required: ['id'] },
    body: { type: 'object', properties: { at: { type: 'string', minLength: 4 }, reason: visibleText(1, 500), version: def('version') }, required: ['at', 'reason', 'version'], additionalProperties: false },
    response: CLOCK,
    action: 'correct clock time',
    handler: async ({ params, body, actor }) => {
      const now = ctx.now();
      return ctx.db.transaction(async (tx) => {
        const before = await clockStore(tx).require(params.id);
        const at = clockTime(body.at, before.at.slice(0, 10), now.slice(-6));
        if (!at) throw timeError(body.at);
        return clockStore(tx).correct(params.id, { at, reason: writtenReason(body.reason, 'reason'), version: body.version }, actor!.id, now);
      });
    },
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, { staffId: number; at: string; reason: string }, ClockRecord>({
    method: 'post',
    path: '/attendance/clocks',
    permission: 'staff-rules.attendance.correct',
    summary: { 'zh-CN': '补一条漏打的卡（写明原因）', en: 'Add a forgotten clock, with the reason' },
    body: { type: 'object', properties: { staffId: def('id'), at: { type: 'string', minLength: 4 }, reason: visibleText(1, 500) }, required: ['staffId', 'at', 'reason'], additionalProperties: false },
    response: CLOCK,
    status: 201,
    action: 'add forgotten clock',
    handler: async ({ body, actor }) => {
      const now = ctx.now();
      const at = clockTime(body.at, '', now.slice(-6));
      if (!at) throw timeError(body.at);
      const reason = writtenReason(body.reason, 'reason');
      return ctx.db.transaction(async (tx) => {
        if (!(await staffStore(tx).get(body.staffId))) throw new NotFoundError({ 'zh-CN': `没有找到员工 #${body.staffId}`, en: `Staff member #${body.staffId} was not found` });
        return clockStore(tx).add({ staffId: body.staffId, at, source: 'supervisor', reason }, actor!.id, now);
      });
    },
  });
}

function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

function timeError(text: string): InputError {
  return new InputError(
    { 'zh-CN': `“${text}”不是打卡时间，请写成 2026-11-03 08:30 这样`, en: `“${text}” is not a clock time; write it like 2026-11-03 08:30` },
    { errors: [{ path: '/at', in: 'body', message: 'time' }] },
  );
}
