import { def, listQuery, nullable, ref, type JsonSchema, type PluginContext } from '@workbench/plugin-api';
import { containing } from '../shared/like-text.js';

/** One past import, as `GET /imports` lists it. */
export interface ImportRecord {
  id: number;
  /** The order report's name, then the item report's. */
  files: string[];
  created: number;
  updated: number;
  unchanged: number;
  exceptions: number;
  actorId: number | null;
  actorName: string;
  at: string;
}

interface ImportRow {
  id: number;
  file_names: string;
  created: number;
  updated: number;
  unchanged: number;
  exceptions: number;
  actor_id: number | null;
  actor_name: string;
  at: string;
}

export const IMPORT_RECORD = 'https://workbench.local/schemas/fulfillment/import';

const count: JsonSchema = { type: 'integer', minimum: 0 };
const importRecord: JsonSchema & { $id: string } = {
  $id: IMPORT_RECORD,
  type: 'object',
  properties: {
    id: def('id'),
    files: { type: 'array', items: { type: 'string' } },
    created: count,
    updated: count,
    unchanged: count,
    exceptions: count,
    actorId: nullable(def('id')),
    actorName: { type: 'string' },
    at: def('timestamp'),
  },
  required: ['id', 'files', 'created', 'updated', 'unchanged', 'exceptions', 'actorId', 'actorName', 'at'],
  additionalProperties: false,
};

const toRecord = (r: ImportRow): ImportRecord => ({
  id: r.id,
  files: JSON.parse(r.file_names) as string[],
  created: r.created,
  updated: r.updated,
  unchanged: r.unchanged,
  exceptions: r.exceptions,
  actorId: r.actor_id,
  actorName: r.actor_name,
  at: r.at,
});

/** `GET /imports`: the Taobao imports that went in, newest first (refused uploads write nothing). */
export function addImportRoutes(ctx: PluginContext): void {
  ctx.schemas.add(importRecord);
  ctx.routes.add<Record<string, string>, { page: number; pageSize: number; q?: string }, undefined, { items: ImportRecord[]; total: number; page: number; pageSize: number }>({
    method: 'get',
    path: '/imports',
    permission: 'fulfillment.orders.import',
    summary: { 'zh-CN': '淘宝订单导入记录（最新在前）', en: 'Taobao order imports, newest first' },
    description: { 'zh-CN': 'q：文件名或导入人里的文字', en: 'q: text in a file name or the name of who imported' },
    query: listQuery(),
    response: { allOf: [def('page')], type: 'object', properties: { items: { type: 'array', items: ref(IMPORT_RECORD) } }, required: ['items', 'total', 'page', 'pageSize'] },
    handler: ({ query }) =>
      ctx.db.read(async (q) => {
        const { page, pageSize } = query;
        const text = query.q?.trim();
        // file_names is a JSON list of the names: a search in it finds a part of any name.
        const where = text ? "WHERE file_names LIKE ? ESCAPE '\\' OR actor_name LIKE ? ESCAPE '\\'" : '';
        const args = text ? [containing(text), containing(text)] : [];
        const total = (await q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM fulfillment_imports ${where}`, args))?.n ?? 0;
        const rows = await q.all<ImportRow>(`SELECT * FROM fulfillment_imports ${where} ORDER BY id DESC LIMIT ? OFFSET ?`, [...args, pageSize, (page - 1) * pageSize]);
        return { items: rows.map(toRecord), total, page, pageSize };
      }),
  });
}
