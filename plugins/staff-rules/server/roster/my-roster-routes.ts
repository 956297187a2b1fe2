import { def, NotFoundError, type PluginContext } from '@workbench/plugin-api';
import type { RosterEntry, StaffMember } from '../model.js';
import { staffStore } from '../staff/staff-store.js';
import { checkRange, ENTRY_SCHEMA } from './roster-routes.js';
import { rosterStore } from './roster-store.js';
import { addDays, daysBetween, shopDay, weekStart } from './shift-times.js';

type Person = Pick<StaffMember, 'id' | 'code' | 'name' | 'department'>;

/** One day of my roster: the shift starting that day, or null for a day off. */
export interface MyRosterDay {
  date: string;
  shift: RosterEntry | null;
}

const PERSON = {
  type: 'object',
  properties: { id: def('id'), code: { type: 'string' }, name: { type: 'string' }, department: { type: 'string' } },
  required: ['id', 'code', 'name', 'department'],
};

/**
 * "My shifts": the logged-in person's own roster, open to everyone who clocks in, so a clerk sees
 * their week without the whole roster. Without a span: this week and next, by the shop's clock.
 */
export function addMyRosterRoutes(ctx: PluginContext): void {
  ctx.routes.add<Record<string, string>, { from?: string; to?: string }, undefined, { from: string; to: string; today: string; member: Person; days: MyRosterDay[] }>({
    method: 'get',
    path: '/roster/mine',
    permission: 'staff-rules.attendance.clock',
    summary: { 'zh-CN': '我的班次（默认本周和下周）', en: 'My shifts (this week and next by default)' },
    query: { type: 'object', properties: { from: def('date'), to: def('date') } },
    response: {
      type: 'object',
      properties: {
        from: def('date'), to: def('date'), today: def('date'), member: PERSON,
        days: { type: 'array', items: { type: 'object', properties: { date: def('date'), shift: { anyOf: [ENTRY_SCHEMA, { type: 'null' }] } }, required: ['date', 'shift'] } },
      },
      required: ['from', 'to', 'today', 'member', 'days'],
    },
    handler: async ({ actor, query }) => {
      const today = shopDay(ctx.now());
      const from = query.from ?? weekStart(today);
      const to = query.to ?? addDays(weekStart(today), 13);
      checkRange(from, to);
      return ctx.db.read(async (q) => {
        const me = await staffStore(q).byAccount(actor!.id);
        if (!me) {
          throw new NotFoundError({
            'zh-CN': '你的账号还没有关联到员工名单里的人，所以没有你的班次；请店长在员工名单里关联',
            en: 'Your account is not linked to anyone on the staff list, so there are no shifts to show; ask the owner to link it there',
          });
        }
        const planned = new Map((await rosterStore(q).between(from, to, me.id)).map((s) => [s.date, s]));
        return {
          from, to, today,
          member: { id: me.id, code: me.code, name: me.name, department: me.department },
          days: daysBetween(from, to).map((date) => ({ date, shift: planned.get(date) ?? null })),
        };
      });
    },
  });
}
