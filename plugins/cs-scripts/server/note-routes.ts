import { def, listQuery, type PluginContext } from '@workbench/plugin-api';
import { noteStore, type Note, type NotePage } from './note-store.js';
import { noteTextError, noteTextProblem } from './note-text.js';

const NOTE = {
  type: 'object',
  properties: { id: def('id'), text: { type: 'string' }, createdAt: def('timestamp'), createdBy: def('id') },
  required: ['id', 'text', 'createdAt', 'createdBy'],
  additionalProperties: false,
};

/** The values of schemas/settings.schema.json. */
interface NoteSettings {
  maxLength: number;
}

export function addNoteRoutes(ctx: PluginContext): void {
  // Read on every request, so a change in the settings view applies at once.
  const settings = () => ctx.settings.get() as unknown as NoteSettings;

  ctx.routes.add<Record<string, string>, { page: number; pageSize: number }, undefined, NotePage>({
    method: 'get',
    path: '/notes',
    permission: 'cs-scripts.notes.read',
    summary: { 'zh-CN': '备忘列表（最新在前）', en: 'Notes, newest first' },
    query: listQuery(),
    response: { type: 'object', properties: { items: { type: 'array', items: NOTE }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } }, required: ['items', 'total', 'page', 'pageSize'] },
    handler: ({ query }) => ctx.db.read((q) => noteStore(q).list(query.page, query.pageSize)),
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, { text: string }, Note>({
    method: 'post',
    path: '/notes',
    permission: 'cs-scripts.notes.write',
    summary: { 'zh-CN': '记一条备忘', en: 'Write a note' },
    body: { type: 'object', properties: { text: { type: 'string', maxLength: 4000 } }, required: ['text'], additionalProperties: false },
    response: NOTE,
    status: 201,
    action: 'write note',
    handler: ({ body, actor }) => {
      const problem = noteTextProblem(body.text, settings().maxLength);
      if (problem) throw noteTextError(problem, ctx.i18n);
      return ctx.db.transaction((tx) => noteStore(tx).add({ text: body.text.trim(), by: actor!.id, at: ctx.now() }));
    },
  });
}
