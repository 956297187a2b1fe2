import { ConflictError, ForbiddenError, NotFoundError, def, visibleText, type PluginContext } from '@workbench/plugin-api';
import { staffStore } from '../staff/staff-store.js';
import { LEAVE } from './attendance-schemas.js';
import { writtenReason } from './written-reason.js';
import { leaveStore, type LeaveKind, type LeaveRecord, type LeaveState } from './leave-store.js';

type LeaveView = Omit<LeaveRecord, 'reason'> & { staffName: string; staffCode: string; reason: string | null };

export function addLeaveRoutes(ctx: PluginContext): void {
  ctx.routes.add<Record<string, string>, { from?: string; to?: string; state?: LeaveState; staffId?: number }, undefined, { items: LeaveView[] }>({
    method: 'get',
    path: '/leave',
    permission: 'staff-rules.leave.read',
    summary: { 'zh-CN': '请假单与请假日历（谁哪天不在）', en: 'Leave requests and the calendar of who is off' },
    query: { type: 'object', properties: { from: def('date'), to: def('date'), state: { type: 'string', enum: ['pending', 'approved', 'refused'] }, staffId: def('id') } },
    response: { type: 'object', properties: { items: { type: 'array', items: LEAVE } }, required: ['items'] },
    handler: async ({ query, actor }) =>
      ctx.db.read(async (q) => {
        const people = new Map((await staffStore(q).list({ includeLeft: true })).map((m) => [m.id, m]));
        const me = await staffStore(q).byAccount(actor!.id);
        // Who is off is open to the team; why is for the person and whoever decides.
        const mayReadReasons = actor!.can('staff-rules.leave.approve');
        const items = (await leaveStore(q).list(query)).map((l) => ({
          ...l,
          reason: mayReadReasons || l.staffId === me?.id ? l.reason : null,
          staffName: people.get(l.staffId)?.name ?? '',
          staffCode: people.get(l.staffId)?.code ?? '',
        }));
        return { items };
      }),
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, { kind: LeaveKind; from: string; to: string; reason: string; staffId?: number }, LeaveRecord>({
    method: 'post',
    path: '/leave',
    permission: 'staff-rules.leave.request',
    summary: { 'zh-CN': '写请假单（自己的；主管可替别人写）', en: 'Request leave (your own; a supervisor may write one for someone)' },
    body: {
      type: 'object',
      properties: { kind: { type: 'string', enum: ['personal', 'sick', 'special'] }, from: def('date'), to: def('date'), reason: visibleText(1, 500), staffId: def('id') },
      required: ['kind', 'from', 'to', 'reason'],
      additionalProperties: false,
    },
    response: LEAVE,
    status: 201,
    action: 'request leave',
    handler: async ({ body, actor }) => {
      if (body.to < body.from) {
        throw new ConflictError({ 'zh-CN': `结束日 ${body.to} 早于开始日 ${body.from}`, en: `The last day ${body.to} is before the first day ${body.from}` });
      }
      return ctx.db.transaction(async (tx) => {
        const me = await staffStore(tx).byAccount(actor!.id);
        const staffId = body.staffId ?? me?.id;
        if (staffId === undefined) {
          throw new ConflictError({ 'zh-CN': '你的账号还没有关联到员工名单里的人，请店长先关联', en: 'Your account is not linked to anyone on the staff list; ask the owner to link it' });
        }
        if (staffId !== me?.id && !actor!.can('staff-rules.leave.approve')) {
          throw new ForbiddenError({ 'zh-CN': '只有能批假的主管才能替别人写请假单', en: 'Only a supervisor who approves leave may request it for someone else' });
        }
        if (!(await staffStore(tx).get(staffId))) throw new NotFoundError({ 'zh-CN': `没有找到员工 #${staffId}`, en: `Staff member #${staffId} was not found` });
        return leaveStore(tx).request({ staffId, kind: body.kind, from: body.from, to: body.to, reason: writtenReason(body.reason, 'reason') }, actor!.id, ctx.now());
      });
    },
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { approve: boolean; note: string; withoutNeed?: boolean; version: number }, LeaveRecord>({
    method: 'post',
    path: '/leave/:id/decide',
    permission: 'staff-rules.leave.approve',
    summary: { 'zh-CN': '批准或驳回请假（写明意见）', en: 'Approve or refuse leave, in writing' },
    description: {
      'zh-CN': '批准时可注明“无紧要事请假”，由奖惩部分按规定扣款',
      en: 'When approving, the supervisor may mark the leave as without real need; the fines part prices it',
    },
    params: { type: 'object', properties: { id: def('id') }, required: ['id'] },
    body: {
      type: 'object',
      properties: { approve: { type: 'boolean' }, note: visibleText(1, 500), withoutNeed: { type: 'boolean', default: false }, version: def('version') },
      required: ['approve', 'note', 'version'],
      additionalProperties: false,
    },
    response: LEAVE,
    action: 'decide leave',
    handler: async ({ params, body, actor }) =>
      ctx.db.transaction(async (tx) => {
        const leave = await leaveStore(tx).require(params.id);
        const me = await staffStore(tx).byAccount(actor!.id);
        if (leave.staffId === me?.id && !actor!.roles.includes('owner')) {
          throw new ForbiddenError({ 'zh-CN': '不能批自己的假，请找另一位主管', en: 'You cannot decide your own leave; ask another supervisor' });
        }
        return leaveStore(tx).decide(params.id, { approve: body.approve, note: writtenReason(body.note, 'note'), withoutNeed: body.withoutNeed ?? false, version: body.version }, actor!.id, ctx.now());
      }),
  });
}
