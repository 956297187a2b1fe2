import { ConflictError, def, ID_PARAMS, InputError, type PluginContext } from '@workbench/plugin-api';
import { caseNotFound } from '../case-errors.js';
import { caseStore } from '../case-store.js';
import { personOf } from '../open-case.js';
import { photoStore } from '../photos/photo-store.js';

type Kind = 'talk' | 'appeal' | 'outcome';
interface Entry { id: number; kind: Kind; text: string; byName: string; at: string }

const ENTRY = { type: 'object', properties: { id: def('id'), kind: { enum: ['talk', 'appeal', 'outcome'] }, text: { type: 'string' }, byName: { type: 'string' }, at: def('timestamp') }, required: ['id', 'kind', 'text', 'byName', 'at'] };

/** The dispute log of a case, and the evidence bundle for an appeal as one JSON file. */
export function addDisputeRoutes(ctx: PluginContext): void {
  const entries = (q: { all<T>(sql: string, params?: unknown[]): Promise<T[]> }, id: number) =>
    q.all<Entry>('SELECT id, kind, text, by_name AS byName, at FROM after_sales_dispute_log WHERE case_id = ? ORDER BY id', [id]);

  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, { items: Entry[] }>({
    method: 'get',
    path: '/cases/:id/dispute',
    permission: 'after-sales.cases.read',
    summary: { 'zh-CN': '售后单的纠纷记录：协商、申诉、结果', en: "A case's dispute log: negotiation, appeal, outcome" },
    params: ID_PARAMS,
    response: { type: 'object', properties: { items: { type: 'array', items: ENTRY } }, required: ['items'] },
    handler: async ({ params }) => ({ items: await ctx.db.read((q) => entries(q as never, params.id)) }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { kind: Kind; text: string }, { items: Entry[] }>({
    method: 'post',
    path: '/cases/:id/dispute',
    permission: 'after-sales.cases.decide',
    summary: { 'zh-CN': '记一条纠纷记录（先协商，再申诉，最后结果）', en: 'Log a dispute entry (talk first, appeal second, then the outcome)' },
    params: ID_PARAMS,
    body: { type: 'object', properties: { kind: { enum: ['talk', 'appeal', 'outcome'] }, text: { type: 'string', maxLength: 2000 } }, required: ['kind', 'text'], additionalProperties: false },
    response: { type: 'object', properties: { items: { type: 'array', items: ENTRY } }, required: ['items'] },
    status: 201,
    action: 'log dispute',
    handler: ({ params, body, actor }) => {
      if (body.text.trim() === '') throw new InputError({ 'zh-CN': '请写下协商、申诉或结果的内容', en: 'Write what was said, appealed or decided' }, { errors: [{ path: '/text', in: 'body', message: 'blank' }] });
      return ctx.db.transaction(async (tx) => {
        if (!(await caseStore(tx).get(params.id, ctx.now()))) throw caseNotFound(params.id);
        const before = await entries(tx as never, params.id);
        if (body.kind === 'appeal' && !before.some((e) => e.kind === 'talk')) {
          throw new ConflictError({ 'zh-CN': '先和买家协商并记下来，协商不成再申诉', en: 'Talk with the buyer first and log it; appeal only when that fails' });
        }
        if (before.some((e) => e.kind === 'outcome')) throw new ConflictError({ 'zh-CN': '这个纠纷已有结果', en: 'This dispute already has its outcome' });
        const by = personOf(actor!);
        await tx.run('INSERT INTO after_sales_dispute_log (case_id, kind, text, by_id, by_name, at) VALUES (?, ?, ?, ?, ?, ?)', [params.id, body.kind, body.text.trim(), by.id, by.name, ctx.now()]);
        return { items: await entries(tx as never, params.id) };
      });
    },
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, Response>({
    method: 'get',
    path: '/cases/:id/evidence-bundle',
    permission: 'after-sales.cases.read',
    summary: { 'zh-CN': '申诉用的凭证包：售后单的经过、备注、退款台账、责任、纠纷记录与照片清单（名称、大小、sha256），一个 JSON 文件', en: "The appeal's evidence bundle: the case's timeline, notes, refund ledger, responsibility, dispute log and the photos (name, size, sha256), as one JSON file" },
    params: ID_PARAMS,
    handler: async ({ params }) => {
      const bundle = await ctx.db.read(async (q) => {
        const detail = await caseStore(q).detail(params.id, ctx.now());
        if (!detail) throw caseNotFound(params.id);
        // Photos by name, size and sha256, not their bytes: the file stays small enough to send, and
        // each photo given to the platform can be shown to be the one kept here.
        const photos = (await photoStore(q).list(params.id)).map(({ name, subject, type, size, sha256, by, at }) => ({ name, subject, type, size, sha256, by, at }));
        return { exportedAt: ctx.now(), case: detail, dispute: await entries(q as never, params.id), photos };
      });
      return new Response(JSON.stringify(bundle, null, 2), {
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="${bundle.case.caseNo}-evidence.json"` },
      });
    },
  });
}
