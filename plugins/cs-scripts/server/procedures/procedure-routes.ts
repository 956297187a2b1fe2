import { def, ID_PARAMS, InputError, nullable, visibleText, type Actor, type JsonSchema, type PluginContext } from '@workbench/plugin-api';
import { abandonProblem, finishProblem, stepListProblem, tickProblem, type RunState, type StepDraft } from './run-rules.js';
import { procedureNotFound, runNotFound, runProblemError, staleProcedure, stepListError } from './procedure-errors.js';
import { procedureStore, type Person, type Procedure, type ProcedureSubject, type Run } from './procedure-store.js';
import { resolveSubject } from './subject.js';

const SUBJECT: JsonSchema = { type: 'string', enum: ['order', 'case', 'either'] };
const STEP_DRAFT: JsonSchema = {
  type: 'object',
  properties: { title: { type: 'string', maxLength: 60 }, hint: { type: 'string', maxLength: 200 } },
  required: ['title'],
  additionalProperties: false,
};
const PROCEDURE: JsonSchema = {
  type: 'object',
  properties: {
    id: def('id'), code: { type: 'string' }, name: { type: 'string' }, subject: SUBJECT, archived: { type: 'boolean' },
    steps: { type: 'array', items: { type: 'object', properties: { id: def('id'), position: { type: 'integer' }, title: { type: 'string' }, hint: { type: 'string' } }, required: ['id', 'position', 'title', 'hint'] } },
    version: { type: 'integer' }, updatedAt: def('timestamp'), updatedByName: { type: 'string' },
  },
  required: ['id', 'code', 'name', 'subject', 'archived', 'steps', 'version', 'updatedAt', 'updatedByName'],
};
const RUN: JsonSchema = {
  type: 'object',
  properties: {
    id: def('id'), procedureId: def('id'), procedureName: { type: 'string' }, subject: { type: 'string', enum: ['order', 'case'] }, subjectRef: { type: 'string' },
    orderNo: nullable({ type: 'string' }), buyerNick: nullable({ type: 'string' }), state: { type: 'string', enum: ['running', 'finished', 'abandoned'] },
    startedAt: def('timestamp'), startedByName: { type: 'string' }, endedAt: nullable(def('timestamp')), endedByName: nullable({ type: 'string' }), abandonReason: nullable({ type: 'string' }),
    steps: {
      type: 'array',
      items: {
        type: 'object',
        properties: { position: { type: 'integer' }, title: { type: 'string' }, hint: { type: 'string' }, note: { type: 'string' }, doneAt: nullable(def('timestamp')), doneByName: nullable({ type: 'string' }) },
        required: ['position', 'title', 'hint', 'note', 'doneAt', 'doneByName'],
      },
    },
  },
  required: ['id', 'procedureId', 'procedureName', 'subject', 'subjectRef', 'orderNo', 'buyerNick', 'state', 'startedAt', 'startedByName', 'endedAt', 'endedByName', 'abandonReason', 'steps'],
};
const items = (schema: JsonSchema): JsonSchema => ({ type: 'object', properties: { items: { type: 'array', items: schema } }, required: ['items'] });

const person = (actor: Actor): Person => ({ id: actor.id, name: actor.displayName });
// A case number as after-sales writes it (AS-12), however it was typed: `as-12`, `AS12`, `12`.
const caseNumber = (typed: string) => typed.trim().replace(/^(?:AS-?)?(\d+)$/i, 'AS-$1').toUpperCase();

export function addProcedureRoutes(ctx: PluginContext): void {
  ctx.routes.add<Record<string, string>, { archived?: boolean }, undefined, { items: Procedure[] }>({
    method: 'get',
    path: '/procedures',
    permission: 'cs-scripts.procedures.run',
    summary: { 'zh-CN': '处理流程及其步骤', en: 'Procedures with their steps' },
    query: { type: 'object', properties: { archived: { type: 'boolean' } }, additionalProperties: false },
    response: items(PROCEDURE),
    handler: async ({ query }) => ({ items: await ctx.db.read((q) => procedureStore(q).list(query.archived === true)) }),
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, { code: string; name: string; subject?: ProcedureSubject; steps: StepDraft[] }, Procedure>({
    method: 'post',
    path: '/procedures',
    permission: 'cs-scripts.procedures.edit',
    summary: { 'zh-CN': '新建处理流程', en: 'Add a procedure' },
    body: {
      type: 'object',
      properties: { code: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,39}$' }, name: visibleText(1, 40, { pattern: '\\S' }), subject: SUBJECT, steps: { type: 'array', items: STEP_DRAFT, maxItems: 30 } },
      required: ['code', 'name', 'steps'],
      additionalProperties: false,
    },
    response: PROCEDURE,
    status: 201,
    action: 'add procedure',
    handler: ({ body, actor }) => {
      const problem = stepListProblem(body.steps);
      if (problem) throw stepListError(problem);
      return ctx.db.transaction(async (tx) => {
        const store = procedureStore(tx);
        if (await store.byCode(body.code)) throw new InputError({ 'zh-CN': `已有代号为 ${body.code} 的流程`, en: `A procedure with code ${body.code} exists already` }, { errors: [{ path: '/code', in: 'body', message: 'taken' }] });
        const id = await store.add({ code: body.code, name: body.name.trim(), subject: body.subject ?? 'either', steps: body.steps, by: person(actor!), at: ctx.now() });
        return (await store.get(id))!;
      });
    },
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { version: number; name?: string; subject?: ProcedureSubject; archived?: boolean; steps?: StepDraft[] }, Procedure>({
    method: 'put',
    path: '/procedures/:id',
    permission: 'cs-scripts.procedures.edit',
    summary: { 'zh-CN': '修改处理流程（改名、增删步骤、调整顺序）', en: 'Edit a procedure (rename, add, remove or reorder steps)' },
    description: { 'zh-CN': '`steps` 是新的完整步骤列表；进行中的处理记录保留开始时的步骤', en: '`steps` is the whole new list; checklists already running keep the steps they started with' },
    params: ID_PARAMS,
    body: {
      type: 'object',
      properties: { version: { type: 'integer' }, name: visibleText(1, 40, { pattern: '\\S' }), subject: SUBJECT, archived: { type: 'boolean' }, steps: { type: 'array', items: STEP_DRAFT, maxItems: 30 } },
      required: ['version'],
      additionalProperties: false,
    },
    response: PROCEDURE,
    action: 'edit procedure',
    handler: ({ params, body, actor }) => ctx.db.transaction(async (tx) => {
      const store = procedureStore(tx);
      const current = await store.get(params.id);
      if (!current) throw procedureNotFound(params.id);
      if (current.version !== body.version) throw staleProcedure(current.name, current.updatedByName);
      const steps = body.steps ?? current.steps;
      const problem = stepListProblem(steps);
      if (problem) throw stepListError(problem);
      await store.update(params.id, {
        name: body.name?.trim() ?? current.name, subject: body.subject ?? current.subject, archived: body.archived ?? current.archived, steps, by: person(actor!), at: ctx.now(),
      });
      return (await store.get(params.id))!;
    }),
  });

  ctx.routes.add<Record<string, string>, { orderNo?: string; caseNo?: string; buyerNick?: string; state?: RunState }, undefined, { items: Run[] }>({
    method: 'get',
    path: '/runs',
    permission: 'cs-scripts.procedures.run',
    summary: { 'zh-CN': '处理记录（最新在前）', en: 'Checklists, newest first' },
    query: {
      type: 'object',
      properties: { orderNo: { type: 'string', maxLength: 64 }, caseNo: { type: 'string', maxLength: 32 }, buyerNick: { type: 'string', maxLength: 64 }, state: { type: 'string', enum: ['running', 'finished', 'abandoned'] } },
      additionalProperties: false,
    },
    response: items(RUN),
    handler: async ({ query }) => ({
      items: await ctx.db.read((q) => procedureStore(q).runs({ orderNo: query.orderNo?.trim(), subjectRef: query.caseNo === undefined ? undefined : caseNumber(query.caseNo), buyerNick: query.buyerNick, state: query.state, limit: 200 })),
    }),
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, { procedure: string; orderNo?: string; caseNo?: string }, Run>({
    method: 'post',
    path: '/runs',
    permission: 'cs-scripts.procedures.run',
    summary: { 'zh-CN': '按订单或售后单开始一个处理流程', en: 'Start a procedure against an order or an after-sales case' },
    body: {
      type: 'object',
      properties: { procedure: { type: 'string', maxLength: 40 }, orderNo: { type: 'string', maxLength: 64 }, caseNo: { type: 'string', maxLength: 32 } },
      required: ['procedure'],
      additionalProperties: false,
    },
    response: RUN,
    status: 201,
    action: 'start procedure',
    handler: async ({ body, actor }) => {
      const procedure = await ctx.db.read((q) => procedureStore(q).byCode(body.procedure));
      if (!procedure || procedure.archived) throw procedureNotFound(body.procedure);
      const subject = await resolveSubject(ctx, body, procedure.subject, actor!);
      return ctx.db.transaction(async (tx) => {
        const store = procedureStore(tx);
        const id = await store.startRun({ procedure, ...subject, by: person(actor!), at: ctx.now() });
        return (await store.run(id))!;
      });
    },
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, Run>({
    method: 'get',
    path: '/runs/:id',
    permission: 'cs-scripts.procedures.run',
    summary: { 'zh-CN': '一条处理记录及每一步', en: 'One checklist with its steps' },
    params: ID_PARAMS,
    response: RUN,
    handler: async ({ params }) => {
      const run = await ctx.db.read((q) => procedureStore(q).run(params.id));
      if (!run) throw runNotFound(params.id);
      return run;
    },
  });

  ctx.routes.add<{ id: number; position: number }, Record<string, unknown>, { note?: string }, Run>({
    method: 'post',
    path: '/runs/:id/steps/:position',
    permission: 'cs-scripts.procedures.run',
    summary: { 'zh-CN': '勾选一步并记下情况', en: 'Tick a step, with a note' },
    params: { type: 'object', properties: { id: def('id'), position: { type: 'integer', minimum: 1, maximum: 100 } }, required: ['id', 'position'] },
    body: { type: 'object', properties: { note: { type: 'string', maxLength: 500 } }, additionalProperties: false },
    response: RUN,
    action: 'tick procedure step',
    handler: ({ params, body, actor }) => ctx.db.transaction(async (tx) => {
      const store = procedureStore(tx);
      const run = await store.run(params.id);
      if (!run) throw runNotFound(params.id);
      const problem = tickProblem(run.state, run.steps, params.position);
      if (problem) throw runProblemError(problem);
      await store.tick(run.id, params.position, { note: (body?.note ?? '').trim(), by: person(actor!), at: ctx.now() });
      return (await store.run(run.id))!;
    }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, Run>({
    method: 'post',
    path: '/runs/:id/finish',
    permission: 'cs-scripts.procedures.run',
    summary: { 'zh-CN': '完成处理流程（每一步都已勾选）', en: 'Finish a checklist (every step ticked)' },
    params: ID_PARAMS,
    response: RUN,
    action: 'finish procedure',
    handler: ({ params, actor }) => ctx.db.transaction(async (tx) => {
      const store = procedureStore(tx);
      const run = await store.run(params.id);
      if (!run) throw runNotFound(params.id);
      const problem = finishProblem(run.state, run.steps);
      if (problem) throw runProblemError(problem);
      await store.end(run.id, { state: 'finished', reason: null, by: person(actor!), at: ctx.now() });
      return (await store.run(run.id))!;
    }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { reason: string }, Run>({
    method: 'post',
    path: '/runs/:id/abandon',
    permission: 'cs-scripts.procedures.run',
    summary: { 'zh-CN': '放弃处理流程（写明原因）', en: 'Abandon a checklist (say why)' },
    params: ID_PARAMS,
    body: { type: 'object', properties: { reason: visibleText(1, 200, { pattern: '\\S' }) }, required: ['reason'], additionalProperties: false },
    response: RUN,
    action: 'abandon procedure',
    handler: ({ params, body, actor }) => ctx.db.transaction(async (tx) => {
      const store = procedureStore(tx);
      const run = await store.run(params.id);
      if (!run) throw runNotFound(params.id);
      const problem = abandonProblem(run.state);
      if (problem) throw runProblemError(problem);
      await store.end(run.id, { state: 'abandoned', reason: body.reason.trim(), by: person(actor!), at: ctx.now() });
      return (await store.run(run.id))!;
    }),
  });
}
