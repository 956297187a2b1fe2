import { def, ID_PARAMS, listQuery, type PluginContext } from '@workbench/plugin-api';
import { CASE_KINDS, CASE_STATES, FINAL_STATES, KIND_NAMES, nextStates, STATE_NAMES, type CaseKind, type CaseState } from '../shared/case-states.js';
import { decideResponsibility, type ResponsibilityRequest } from './assign-responsibility.js';
import { caseNotFound, finishedCase, mistakeRequired, staleCase } from './case-errors.js';
import { moveCase } from './case-moves.js';
import type { Case, CaseDetail } from './case-record.js';
import { caseStore, type CasePage, type QueueFilter } from './case-store.js';
import { openByClerk, personOf, type OpenRequest } from './open-case.js';
import { checkRefund, type RefundRequest } from './refund-ledger.js';
import { MISTAKES, PARTIES } from './responsibility.js';
import { settingsOf } from './settings.js';

const CASE = { type: 'object', properties: { id: def('id'), caseNo: { type: 'string' }, state: { enum: CASE_STATES }, kind: { enum: CASE_KINDS }, version: { type: 'integer' } }, required: ['id', 'caseNo', 'state', 'kind', 'version'] };
const PAGE = { type: 'object', properties: { items: { type: 'array', items: CASE }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } }, required: ['items', 'total', 'page', 'pageSize'] };
const FEN = { type: 'integer', minimum: 0, maximum: 100_000_000 };
const VERSION = { type: 'integer', minimum: 1 };
const csv = (values: readonly string[]) => ({ type: 'string', pattern: `^(${values.join('|')})(,(${values.join('|')}))*$` });

export function addCaseRoutes(ctx: PluginContext): void {
  const settings = settingsOf(ctx);
  const load = async (id: number): Promise<Case> => {
    const c = await ctx.db.read((q) => caseStore(q).get(id, ctx.now()));
    if (!c) throw caseNotFound(id);
    return c;
  };
  /** The case as stored in this transaction, at the version the clerk saw. */
  const current = async (tx: Parameters<typeof caseStore>[0], id: number, version?: number): Promise<Case> => {
    const c = await caseStore(tx).get(id, ctx.now());
    if (!c) throw caseNotFound(id);
    if (version !== undefined && c.version !== version) throw staleCase(c.caseNo);
    return c;
  };
  const detail = async (id: number): Promise<CaseDetail> => (await ctx.db.read((q) => caseStore(q).detail(id, ctx.now())))!;

  ctx.routes.add<Record<string, string>, { page: number; pageSize: number; state?: string; kind?: string; orderNo?: string; open?: boolean; overdue?: boolean }, undefined, CasePage>({
    method: 'get',
    path: '/cases',
    permission: 'after-sales.cases.read',
    summary: { 'zh-CN': '售后队列：到期的在前', en: 'The case queue, due first' },
    query: listQuery({ state: csv(CASE_STATES), kind: csv(CASE_KINDS), orderNo: { type: 'string', maxLength: 64 }, open: { type: 'boolean' }, overdue: { type: 'boolean' } }),
    response: PAGE,
    handler: ({ query }) => {
      const filter: QueueFilter = { page: query.page, pageSize: query.pageSize };
      if (query.state) filter.state = query.state.split(',') as CaseState[];
      if (query.kind) filter.kind = query.kind.split(',') as CaseKind[];
      if (query.orderNo) filter.orderNo = query.orderNo;
      if (query.open !== undefined) filter.open = query.open;
      if (query.overdue) filter.overdue = true;
      return ctx.db.read((q) => caseStore(q).queue(filter, ctx.now()));
    },
  });

  ctx.routes.add({
    method: 'get',
    path: '/case-options',
    permission: 'after-sales.cases.read',
    summary: { 'zh-CN': '开单选项：原因、类型、状态名', en: 'Choices for a case: reasons, kinds, state names' },
    response: { type: 'object', properties: { reasons: { type: 'array', items: { type: 'string' } } }, required: ['reasons'] },
    handler: () => ({ reasons: settings().reasons, kinds: KIND_NAMES, states: STATE_NAMES, parties: PARTIES, mistakes: MISTAKES }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, CaseDetail & { next: CaseState[] }>({
    method: 'get',
    path: '/cases/:id',
    permission: 'after-sales.cases.read',
    summary: { 'zh-CN': '一张售后单：经过、备注、退款、责任', en: 'One case: its moves, notes, refunds, responsibility' },
    params: ID_PARAMS,
    response: CASE,
    handler: async ({ params }) => {
      const c = await ctx.db.read((q) => caseStore(q).detail(params.id, ctx.now()));
      if (!c) throw caseNotFound(params.id);
      return { ...c, next: FINAL_STATES.has(c.state) ? [] : nextStates(c.kind, c.state) };
    },
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, OpenRequest, CaseDetail>({
    method: 'post',
    path: '/cases',
    permission: 'after-sales.cases.open',
    summary: { 'zh-CN': '按订单行开售后单', en: 'Open a case on an order line' },
    body: {
      type: 'object',
      properties: {
        orderId: def('id'), orderNo: { type: 'string', minLength: 1, maxLength: 64 }, itemId: def('id'),
        kind: { enum: CASE_KINDS }, reason: { type: 'string', minLength: 1, maxLength: 40 }, reasonText: { type: 'string', maxLength: 500 }, customerWords: { type: 'string', maxLength: 2000 },
      },
      required: ['kind', 'reason'],
      oneOf: [{ required: ['orderId'] }, { required: ['orderNo'] }],
      additionalProperties: false,
    },
    response: CASE,
    status: 201,
    action: 'open case',
    handler: async ({ body, actor }) => {
      const id = await ctx.db.transaction((tx) => openByClerk(ctx, tx, body, actor!, settings()));
      return detail(id);
    },
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { version: number; to: CaseState; note?: string }, CaseDetail>({
    method: 'post',
    path: '/cases/:id/move',
    permission: 'after-sales.cases.decide',
    summary: { 'zh-CN': '改售后单状态（同意、拒绝、确认收货、发出、关闭）', en: 'Move a case (agree, refuse, confirm receipt, send, close)' },
    params: ID_PARAMS,
    body: { type: 'object', properties: { version: VERSION, to: { enum: CASE_STATES }, note: { type: 'string', maxLength: 500 } }, required: ['version', 'to'], additionalProperties: false },
    response: CASE,
    action: 'move case',
    handler: async ({ params, body, actor }) => {
      await ctx.db.transaction(async (tx) => {
        const c = await current(tx, params.id, body.version);
        await moveCase(ctx, tx, c, body.to, { by: personOf(actor!), note: (body.note ?? '').trim(), answerDays: settings().answerDays });
      });
      return detail(params.id);
    },
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { kind: 'note' | 'customer'; text: string }, CaseDetail>({
    method: 'post',
    path: '/cases/:id/notes',
    permission: 'after-sales.cases.note',
    summary: { 'zh-CN': '记备注或顾客原话', en: "Add a note or the customer's words" },
    params: ID_PARAMS,
    body: { type: 'object', properties: { kind: { enum: ['note', 'customer'], default: 'note' }, text: { type: 'string', minLength: 1, maxLength: 2000, pattern: '\\S' } }, required: ['text'], additionalProperties: false },
    response: CASE,
    status: 201,
    action: 'note case',
    handler: async ({ params, body, actor }) => {
      await ctx.db.transaction(async (tx) => {
        await current(tx, params.id);
        await caseStore(tx).addNote(params.id, { kind: body.kind, text: body.text.trim(), by: personOf(actor!), at: ctx.now() });
      });
      return detail(params.id);
    },
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, RefundRequest & { note?: string }, CaseDetail>({
    method: 'post',
    path: '/cases/:id/refunds',
    permission: 'after-sales.refunds.record',
    summary: { 'zh-CN': '记一笔退款（货款、运费、补偿，分）', en: 'Record a refund (goods, shipping, compensation, in 分)' },
    params: ID_PARAMS,
    body: { type: 'object', properties: { goods: { ...FEN, default: 0 }, shipping: { ...FEN, default: 0 }, compensation: { ...FEN, default: 0 }, note: { type: 'string', maxLength: 500 } }, additionalProperties: false },
    response: CASE,
    status: 201,
    action: 'record refund',
    handler: async ({ params, body, actor }) => {
      await ctx.db.transaction(async (tx) => {
        const c = await current(tx, params.id);
        if (c.state === 'closed' || c.state === 'sent') throw finishedCase(c.caseNo);
        await checkRefund(tx, c, body);
        await caseStore(tx).addRefund(c.id, { goods: body.goods, shipping: body.shipping, compensation: body.compensation, note: (body.note ?? '').trim(), by: personOf(actor!), at: ctx.now() });
      });
      return detail(params.id);
    },
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, ResponsibilityRequest & { version: number }, CaseDetail>({
    method: 'put',
    path: '/cases/:id/responsibility',
    permission: 'after-sales.responsibility.assign',
    summary: { 'zh-CN': '判定责任与退货运费由谁承担', en: 'Decide responsibility and who pays the return shipping' },
    params: ID_PARAMS,
    body: {
      type: 'object',
      properties: {
        version: VERSION, party: { enum: PARTIES }, mistake: { enum: MISTAKES }, equipmentFault: { type: 'boolean' }, returnShippingFen: FEN,
        responsible: { type: 'array', maxItems: 10, items: { oneOf: [
          { type: 'object', properties: { staffId: def('id') }, required: ['staffId'], additionalProperties: false },
          { type: 'object', properties: { code: { type: 'string', minLength: 1, maxLength: 16 } }, required: ['code'], additionalProperties: false },
        ] } },
      },
      required: ['version', 'party', 'returnShippingFen'],
      additionalProperties: false,
    },
    response: CASE,
    action: 'assign responsibility',
    handler: async ({ params, body, actor }) => {
      if (body.party === 'shop' && !body.mistake) throw mistakeRequired();
      await load(params.id);
      await ctx.db.transaction(async (tx) => {
        const c = await current(tx, params.id, body.version);
        if (FINAL_STATES.has(c.state)) throw finishedCase(c.caseNo);
        const value = await decideResponsibility(ctx, c, body, actor!, settings());
        await caseStore(tx).setResponsibility(c.id, value, ctx.now());
      });
      return detail(params.id);
    },
  });
}
