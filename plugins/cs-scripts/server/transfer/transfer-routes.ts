import { decodeCsv, encodeCsv, InputError, type CsvEncoding, type PluginContext, type Transaction } from '@workbench/plugin-api';
import { tidyDraft } from '../phrases/phrase-rules.js';
import { phraseStore } from '../phrases/phrase-store.js';
import { csvOf, qianniuOf, readCsvRows, readQianniuRows, splitGroupPath, type ImportRow, type RowProblem } from './transfer-format.js';

type Format = 'csv' | 'qianniu';
const FORMAT = { type: 'string', enum: ['csv', 'qianniu'] };
const MANAGE = 'cs-scripts.phrases.manage';

/**
 * Checks every row against the library and the other rows, then adds them all as shared phrases —
 * or, at the first problem of any row, none: every problem is reported with its row.
 */
async function importRows(tx: Transaction, rows: ImportRow[], by: number, at: string): Promise<{ added: number; problems: RowProblem[] }> {
  const store = phraseStore(tx);
  const groups = await store.groups();
  const problems: RowProblem[] = [];
  const planned: { row: ImportRow; stage?: string; group: string; groupId?: number; text: string; shortcut: string | null; tags: string[] }[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const draft = tidyDraft({ text: row.text, shortcut: row.shortcut });
    if ('field' in draft) {
      problems.push({ row: row.row, message: draft.message });
      continue;
    }
    const { stage, name } = splitGroupPath(row.group);
    const matches = groups.filter((g) => g.name === name && (!stage || g.stage === stage));
    if (name === '' || (!stage && matches.length !== 1)) {
      const why = name === '' ? { 'zh-CN': '没写分组', en: 'No group' } : matches.length === 0
        ? { 'zh-CN': `没有「${name}」分组；新分组请写成「售前/${name}」这样带上阶段`, en: `No group "${name}"; for a new group write its stage too, as 售前/${name}` }
        : { 'zh-CN': `几个阶段都有「${name}」分组，请写成「售中/${name}」这样带上阶段`, en: `Several stages have a group "${name}"; write the stage too, as 售中/${name}` };
      problems.push({ row: row.row, message: why });
      continue;
    }
    if (draft.shortcut) {
      const earlier = seen.get(draft.shortcut);
      const taken = await store.byShortcut(draft.shortcut, null);
      if (earlier !== undefined || taken) {
        problems.push({ row: row.row, message: earlier !== undefined
          ? { 'zh-CN': `快捷码 :${draft.shortcut} 和第 ${earlier} 行重复`, en: `The shortcut :${draft.shortcut} repeats row ${earlier}` }
          : { 'zh-CN': `快捷码 :${draft.shortcut} 已经给了「${taken!.text.slice(0, 20)}」`, en: `The shortcut :${draft.shortcut} is already taken` } });
        continue;
      }
      seen.set(draft.shortcut, row.row);
    }
    planned.push({ row, stage, group: name, groupId: matches[0]?.id, ...draft });
  }
  if (problems.length > 0) return { added: 0, problems };
  for (const p of planned) {
    let groupId = p.groupId;
    if (groupId === undefined) {
      const stage = p.stage as 'pre-sale' | 'in-sale' | 'after-sale';
      groupId = (await store.groupByName(stage, p.group))?.id ?? (await store.addGroup(stage, p.group)).id;
    }
    await store.add({ groupId, ownerId: null, shortcut: p.shortcut, text: p.text, tags: p.tags }, by, at);
  }
  return { added: planned.length, problems: [] };
}

export function addTransferRoutes(ctx: PluginContext): void {
  ctx.routes.add<Record<string, string>, { format: Format; encoding: CsvEncoding }>({
    method: 'get',
    path: '/phrases/export',
    permission: MANAGE,
    summary: { 'zh-CN': '导出共享短语：CSV（分组、快捷码、内容）或千牛短语文本；默认 GBK', en: 'Export the shared phrases: CSV (group, shortcut, text) or 千牛 text; GBK by default' },
    query: { type: 'object', properties: { format: { ...FORMAT, default: 'csv' }, encoding: { type: 'string', enum: ['gbk', 'utf-8'], default: 'gbk' } }, additionalProperties: false },
    handler: async ({ query, actor }) => {
      const phrases = await ctx.db.read((q) => phraseStore(q).shared(actor!.id));
      const text = query.format === 'csv' ? csvOf(phrases) : qianniuOf(phrases);
      const day = ctx.now().slice(0, 10).replace(/-/g, '');
      const ext = query.format === 'csv' ? 'csv' : 'txt';
      return new Response(encodeCsv(text, query.encoding), {
        headers: {
          'content-type': `${query.format === 'csv' ? 'text/csv' : 'text/plain'}; charset=${query.encoding}`,
          'content-disposition': `attachment; filename="phrases-${day}.${ext}"; filename*=UTF-8''${encodeURIComponent(`快捷短语-${day}.${ext}`)}`,
        },
      });
    },
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, { format: Format; content: string }, { added: number }>({
    method: 'post',
    path: '/phrases/import',
    permission: MANAGE,
    summary: { 'zh-CN': '导入共享短语（CSV 或千牛短语文本，GBK 或 UTF-8）：有一行不对就一条都不导入，并列出每行的问题', en: 'Import shared phrases (CSV or 千牛 text, GBK or UTF-8): one bad row and nothing is imported; every row problem listed' },
    body: { type: 'object', properties: { format: FORMAT, content: { type: 'string', maxLength: 8_000_000 } }, required: ['format', 'content'], additionalProperties: false },
    response: { type: 'object', properties: { added: { type: 'integer' } }, required: ['added'] },
    action: 'import phrases',
    handler: async ({ body, actor }) => {
      const { text } = decodeCsv(Buffer.from(body.content, 'base64'));
      const read = body.format === 'csv' ? readCsvRows(text) : readQianniuRows(text);
      const refuse = (problems: RowProblem[]) => new InputError(
        { 'zh-CN': `有 ${problems.length} 行不对，一条都没有导入：${problems.slice(0, 5).map((p) => `第 ${p.row} 行 ${p.message['zh-CN']}`).join('；')}`, en: `${problems.length} rows are wrong, nothing was imported: ${problems.slice(0, 5).map((p) => `row ${p.row}: ${p.message.en}`).join('; ')}` },
        { details: { problems } },
      );
      if (read.problems.length > 0) throw refuse(read.problems);
      if (read.rows.length === 0) throw new InputError({ 'zh-CN': '文件里没有短语', en: 'The file holds no phrases' });
      const result = await ctx.db.transaction((tx) => importRows(tx, read.rows, actor!.id, ctx.now()));
      if (result.problems.length > 0) throw refuse(result.problems);
      return { added: result.added };
    },
  });
}
