import { InputError, NotFoundError } from '../errors.js';
import type { Disposable } from '../lifecycle/disposable.js';
import { DisposableStore } from '../lifecycle/disposable.js';
import { csvHeaderName } from '../csv/read.js';
import type { UnmappedFile } from '../csv/columns-unmapped.js';
import type { PluginManifest } from '../plugins/manifest.js';
import { nullable } from '../schemas/schema-helpers.js';
import type { RouteTable } from './route-table.js';
import type { ImportMappings } from './import-mappings.js';

const LAYOUT_PARAMS = { type: 'object', properties: { layout: { type: 'string', pattern: '^[0-9a-f]{32}$' } }, required: ['layout'] } as const;
const COLUMNS = { type: 'object', maxProperties: 200, additionalProperties: nullable({ type: 'string', maxLength: 200 }) } as const;
const MAPPING = {
  type: 'object',
  properties: {
    layout: { type: 'string' },
    header: { type: 'array', items: { type: 'string' } },
    columns: COLUMNS,
    fields: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, header: { type: 'string' }, required: { type: 'boolean' } }, required: ['key', 'header', 'required'] } },
    createdBy: nullable({ type: 'integer' }),
    createdByName: nullable({ type: 'string' }),
    createdAt: { type: 'string' },
  },
  required: ['layout', 'header', 'columns', 'fields', 'createdBy', 'createdByName', 'createdAt'],
} as const;

const refuse = (zh: string, en: string, path: string) => new InputError({ 'zh-CN': zh, en }, { errors: [{ path, in: 'body', message: en }] });

/**
 * Checks an answer against the header the import asked about: each required field names a cell
 * of that header, an optional one a cell or null ("not in the file"), no cell serves two fields,
 * and no field is one the import did not ask for. Optional fields left out count as not in the file.
 */
function checkedAnswer(question: UnmappedFile, columns: Record<string, string | null>): Record<string, string | null> {
  const cells = new Set(question.header.filter((c) => c !== ''));
  const asked = new Map(question.fields.map((f) => [f.key, f]));
  for (const key of Object.keys(columns)) {
    if (!asked.has(key)) throw refuse(`导入没有问到“${key}”这一项`, `The import did not ask about “${key}”`, `/columns/${key}`);
  }
  const answer: Record<string, string | null> = {};
  const used = new Map<string, string>();
  for (const field of question.fields) {
    const cell = columns[field.key] ?? null;
    if (cell === null) {
      if (field.required) throw refuse(`“${field.header}”是必需的：请在文件的表头里选出它所在的那一列`, `“${field.header}” is required; choose the column of the file that holds it`, `/columns/${field.key}`);
      answer[field.key] = null;
      continue;
    }
    const name = csvHeaderName(cell);
    if (!cells.has(name)) throw refuse(`文件的表头里没有“${cell}”这一列`, `The file's header has no “${cell}” column`, `/columns/${field.key}`);
    const other = used.get(name);
    if (other) throw refuse(`“${cell}”这一列已经选给了“${other}”，一列只能对应一项`, `The column “${cell}” is already chosen for “${other}”; a column holds one field`, `/columns/${field.key}`);
    used.set(name, field.header);
    answer[field.key] = name;
  }
  return answer;
}

/**
 * The saved column mappings of one importer, under its routes and guarded by its permission:
 * `GET …/mappings`, `PUT …/mappings/:layout` (the answer to a header the import asked about),
 * `DELETE …/mappings/:layout`.
 */
export function addImportMappingRoutes(deps: { routes: RouteTable; mappings: ImportMappings; manifest: PluginManifest; importer: string; permission: string; permissions: ReadonlySet<string> }): Disposable {
  const { routes, mappings, manifest, importer, permission, permissions } = deps;
  const key = `${manifest.id}/${importer}`;
  const base = `/api/${manifest.id}`;
  const path = `/importers/${importer}/mappings`;
  const store = new DisposableStore();
  store.add(
    routes.add(manifest.id, base, {
      method: 'get',
      path,
      permission,
      summary: { 'zh-CN': '导入的表头对应（按文件表头保存的列对应）', en: 'Saved column mappings of this import, by file header' },
      response: { type: 'object', properties: { items: { type: 'array', items: MAPPING } }, required: ['items'] },
      handler: async () => ({ items: await mappings.list(key) }),
    }, permissions),
  );
  store.add(
    routes.add(manifest.id, base, {
      method: 'put',
      path: `${path}/:layout`,
      permission,
      summary: { 'zh-CN': '保存表头对应：文件里哪一列是哪一项（以后同样表头的文件照此导入）', en: 'Save which column of a file holds each field (later files with the same header import the same way)' },
      params: LAYOUT_PARAMS,
      body: { type: 'object', properties: { columns: COLUMNS }, required: ['columns'], additionalProperties: false },
      response: MAPPING,
      action: `map columns of ${importer}`,
      auditTarget: ({ params }) => String(params.layout),
      handler: async ({ params, body, actor }) => {
        const layout = String(params.layout);
        const question = mappings.question(key, layout);
        if (!question) {
          throw new NotFoundError({ 'zh-CN': '找不到要对应的这个表头（可能服务已重启）：请重新上传文件', en: 'This header is not waiting for an answer (the server may have restarted); upload the file again' });
        }
        const answer = checkedAnswer(question, (body as { columns: Record<string, string | null> }).columns);
        return mappings.save(key, question, answer, actor!.id);
      },
    }, permissions),
  );
  store.add(
    routes.add(manifest.id, base, {
      method: 'delete',
      path: `${path}/:layout`,
      permission,
      summary: { 'zh-CN': '删除表头对应（同样表头的文件下次导入时重新询问）', en: 'Remove a column mapping (files with that header are asked about again)' },
      params: LAYOUT_PARAMS,
      status: 204,
      action: `remove column mapping of ${importer}`,
      auditTarget: ({ params }) => String(params.layout),
      handler: async ({ params }) => {
        if (!(await mappings.remove(key, String(params.layout)))) {
          throw new NotFoundError({ 'zh-CN': '这条表头对应已经不在了：请刷新列表', en: 'This column mapping is no longer there; reload the list' });
        }
        return undefined;
      },
    }, permissions),
  );
  return store;
}
