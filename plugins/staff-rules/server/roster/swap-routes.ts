import { ConflictError, def, ForbiddenError, ID_PARAMS, InputError, NotFoundError, nullable, type Actor, type JsonSchema, type PluginContext, type Transaction } from '@workbench/plugin-api';
import type { SwapRequest } from '../model.js';
import { staffNotFound } from '../staff/staff-routes.js';
import { staffStore } from '../staff/staff-store.js';
import { rosterStore } from './roster-store.js';
import { weekStart } from './shift-times.js';
import { swapStore } from './swap-store.js';

const SWAP_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    id: def('id'), kind: { type: 'string', enum: ['exchange', 'keep'] }, staffId: def('id'), otherStaffId: nullable(def('id')), date: def('date'),
    reason: { type: 'string' }, state: { type: 'string', enum: ['requested', 'approved', 'refused'] }, requestedBy: def('id'), requestedAt: def('timestamp'),
    decidedBy: nullable(def('id')), decidedAt: nullable(def('timestamp')), decisionNote: nullable({ type: 'string' }),
  },
  required: ['id', 'kind', 'staffId', 'otherStaffId', 'date', 'reason', 'state', 'requestedBy', 'requestedAt', 'decidedBy', 'decidedAt', 'decisionNote'],
};

interface SwapBody {
  kind: 'exchange' | 'keep';
  staffId: number;
  otherStaffId?: number;
  date: string;
  reason: string;
}

const swapNotFound = (id: number) => new NotFoundError({ 'zh-CN': `没有编号为 ${id} 的换班申请`, en: `No swap request with id ${id}` });

// Someone who only asks for swaps asks for themselves; planners may ask on anyone's behalf.
async function refuseOnBehalf(tx: Transaction, actor: Actor, staffId: number): Promise<void> {
  if (actor.can('staff-rules.roster.manage')) return;
  const self = await staffStore(tx).byAccount(actor.id);
  if (self?.id !== staffId) {
    throw new ForbiddenError({ 'zh-CN': '只能为自己申请换班；替别人申请请找排班的人', en: 'You may ask for swaps for yourself only; ask the person who plans the roster to do it for others' });
  }
}

/** Swaps the two people's shifts on the day (either may be off: the shift then moves). */
async function exchange(tx: Transaction, swap: SwapRequest, by: number, at: string): Promise<void> {
  const roster = rosterStore(tx);
  const mine = await roster.plannedShift(swap.staffId, swap.date);
  const theirs = await roster.plannedShift(swap.otherStaffId!, swap.date);
  await roster.clear(swap.staffId, swap.date);
  await roster.clear(swap.otherStaffId!, swap.date);
  if (theirs) await roster.assign(swap.staffId, swap.date, theirs.templateId, by, at);
  if (mine) await roster.assign(swap.otherStaffId!, swap.date, mine.templateId, by, at);
}

export function addSwapRoutes(ctx: PluginContext): void {
  ctx.routes.add<Record<string, string>, { state?: SwapRequest['state']; staffId?: number }, undefined, { items: SwapRequest[] }>({
    method: 'get',
    path: '/swaps',
    permission: 'staff-rules.roster.read',
    summary: { 'zh-CN': '换班与例外申请', en: 'Swap and exception requests' },
    query: { type: 'object', properties: { state: { type: 'string', enum: ['requested', 'approved', 'refused'] }, staffId: def('id') } },
    response: { type: 'object', properties: { items: { type: 'array', items: SWAP_SCHEMA } }, required: ['items'] },
    handler: async ({ query }) => ({ items: await ctx.db.read((q) => swapStore(q).list(query)) }),
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, SwapBody, SwapRequest>({
    method: 'post',
    path: '/swaps',
    permission: 'staff-rules.swaps.request',
    summary: { 'zh-CN': '申请换班，或申请下周继续同一种班', en: 'Ask to swap a shift, or to stay on the same kind of shift next week' },
    body: {
      type: 'object',
      properties: { kind: { type: 'string', enum: ['exchange', 'keep'] }, staffId: def('id'), otherStaffId: def('id'), date: def('date'), reason: { allOf: [def('visibleText')], minLength: 1, maxLength: 500, pattern: '\\S' } },
      required: ['kind', 'staffId', 'date', 'reason'],
      additionalProperties: false,
    },
    response: SWAP_SCHEMA,
    status: 201,
    action: 'request swap',
    handler: ({ body, actor }) => ctx.db.transaction(async (tx) => {
      await refuseOnBehalf(tx, actor!, body.staffId);
      const staff = staffStore(tx);
      if (!(await staff.get(body.staffId))) throw staffNotFound(body.staffId);
      if (body.kind === 'exchange') {
        if (!body.otherStaffId || body.otherStaffId === body.staffId) {
          throw new InputError({ 'zh-CN': '换班要写和谁换', en: 'Name the colleague to swap with' }, { errors: [{ path: '/otherStaffId', in: 'body', message: 'required' }] });
        }
        if (!(await staff.get(body.otherStaffId))) throw staffNotFound(body.otherStaffId);
      }
      return swapStore(tx).add({
        kind: body.kind, staffId: body.staffId, otherStaffId: body.kind === 'exchange' ? body.otherStaffId! : null,
        date: body.kind === 'keep' ? weekStart(body.date) : body.date, reason: body.reason.trim(), requestedBy: actor!.id, requestedAt: ctx.now(),
      });
    }),
  });

  for (const verdict of ['approve', 'refuse'] as const) {
    ctx.routes.add<{ id: number }, Record<string, unknown>, { note?: string }, SwapRequest>({
      method: 'post',
      path: `/swaps/:id/${verdict}`,
      permission: 'staff-rules.swaps.approve',
      summary: verdict === 'approve'
        ? { 'zh-CN': '批准换班（排班随之改动）', en: 'Approve a swap (the roster changes with it)' }
        : { 'zh-CN': '拒绝换班，写明理由', en: 'Refuse a swap, in writing' },
      params: ID_PARAMS,
      body: { type: 'object', properties: { note: { type: 'string', maxLength: 500 } }, required: verdict === 'refuse' ? ['note'] : [], additionalProperties: false },
      response: SWAP_SCHEMA,
      action: `${verdict} swap`,
      handler: ({ params, body, actor }) => ctx.db.transaction(async (tx) => {
        const swaps = swapStore(tx);
        const swap = await swaps.get(params.id);
        if (!swap) throw swapNotFound(params.id);
        if (swap.state !== 'requested') {
          throw new ConflictError({ 'zh-CN': '这个申请已经处理过了', en: 'This request has been decided already' });
        }
        if (verdict === 'refuse' && !body.note?.trim()) {
          throw new InputError({ 'zh-CN': '拒绝时请写明理由', en: 'Write why the request is refused' }, { errors: [{ path: '/note', in: 'body', message: 'required' }] });
        }
        const at = ctx.now();
        if (verdict === 'approve' && swap.kind === 'exchange') await exchange(tx, swap, actor!.id, at);
        return swaps.decide(swap.id, verdict === 'approve' ? 'approved' : 'refused', actor!.id, at, body.note?.trim() || null);
      }),
    });
  }
}
