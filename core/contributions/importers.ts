import { readFile } from 'node:fs/promises';
import { streamSSE } from 'hono/streaming';
import { Hono } from 'hono';
import { InputError, NotFoundError } from '../errors.js';
import { problemFromError } from '../http/problem.js';
import { DisposableStore, type Disposable } from '../lifecycle/disposable.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Logger } from '../log/logger.js';
import type { ImportFile, ImportRequest } from '../plugins/context.js';
import { ColumnsUnmappedError, type UnmappedFile } from '../csv/columns-unmapped.js';
import { csvLayoutKey, readCsvHeader, type CsvColumns, type CsvHeaderOptions } from '../csv/read.js';
import { addImportMappingRoutes } from './import-mapping-routes.js';
import type { ImportMappings } from './import-mappings.js';
import type { PluginManifest } from '../plugins/manifest.js';
import type { RouteTable } from './route-table.js';
import { ImportRuns, type ImportEvent } from './import-runs.js';
import type { Upload } from './upload-area.js';

export type ImportHandler = (request: ImportRequest) => Promise<unknown>;

/**
 * Importers declared in a manifest get three routes under their plugin, all guarded by the
 * importer's permission:
 * - `POST /api/<plugin>/importers/<id>` (multipart field `file`, repeated for files that belong to
 *   one import) → 202 `{ runId }`; the work runs on. The files wait in the upload area, holding
 *   an upload slot, until the run ends; the handler gets their bytes when it starts.
 * - `GET  /api/<plugin>/importers/<id>/runs/<runId>/events` — server-sent events
 *   `progress` `{done,total,message}`, then `done` `{result}` or `failed` `{problem}`
 * - `GET  /api/<plugin>/importers/<id>/runs/<runId>` — the run's state and last event, as JSON
 *
 * and the routes of its saved column mappings (`import-mapping-routes.ts`). A run that ends with
 * {@link ColumnsUnmappedError} leaves its headers as questions those routes answer.
 */
export class Importers {
  private readonly runs = new ImportRuns();

  constructor(
    private readonly routes: RouteTable,
    private readonly audit: AuditLog,
    private readonly log: Logger,
    private readonly mappings: ImportMappings,
  ) {}

  register(manifest: PluginManifest, id: string, handler: ImportHandler, permissions: ReadonlySet<string>): Disposable {
    const declared = manifest.contributes.importers.find((i) => i.id === id);
    if (!declared) throw new Error(`importer "${id}" is not declared under contributes.importers in plugin.yaml`);
    const base = `/api/${manifest.id}`;
    const store = new DisposableStore();
    const runPath = `/importers/${id}/runs/:runId`;
    const mappingKey = `${manifest.id}/${id}`;
    store.add(addImportMappingRoutes({ routes: this.routes, mappings: this.mappings, manifest, importer: id, permission: declared.permission, permissions }));
    store.add(
      this.routes.add(manifest.id, base, {
        method: 'post',
        path: `/importers/${id}`,
        permission: declared.permission,
        summary: declared.title,
        bodyKind: 'upload',
        status: 202,
        action: `import ${id}`,
        handler: ({ body, actor, locale }) => {
          const upload = body as Upload;
          const received = upload.files.filter((f) => f.field === 'file');
          if (received.length === 0) {
            throw new InputError({ 'zh-CN': '请选择要导入的文件', en: 'Choose a file to import' }, { errors: [{ path: '/file', in: 'body', message: 'file' }] });
          }
          const files = received.map((f) => ({ name: f.name, type: f.type }));
          const name = files.map((f) => f.name).join(', ');
          const run = this.runs.start(manifest.id, id, name, actor!.id);
          const report = this.runs.progress(run);
          // The handler starts on a later turn of the event loop: its first synchronous stretch
          // (decoding and reading a large file) must not hold back this 202.
          // The files are read only now, one import at a time per slot, and removed (the slot freed)
          // before the run reports its end.
          void new Promise<void>((resolve) => setImmediate(resolve))
            .then(async () => {
              try {
                const read: ImportFile[] = await Promise.all(received.map(async (f) => ({ name: f.name, type: f.type, bytes: asBytes(await readFile(f.path)) })));
                const saved = await this.mappings.forImporter(mappingKey);
                return await handler({ file: read[0]!, files: read, actor: actor!, locale, progress: { report }, ...mappingAccess(saved, read[0]!.name) });
              } finally {
                await upload.release();
              }
            })
            .then(
              (result) => {
                this.runs.finish(run, { type: 'done', result });
                return this.audit.record({ actorId: actor!.id, actorName: actor!.username, plugin: manifest.id, action: `import ${id} finished`, target: name, outcome: 'ok' });
              },
              (error: unknown) => {
                if (error instanceof ColumnsUnmappedError) for (const file of (error.details as { files: UnmappedFile[] }).files) this.mappings.asked(mappingKey, file);
                this.runs.finish(run, { type: 'failed', problem: problemFromError(error, locale, this.log, `${base}/importers/${id}`) });
                return this.audit.record({
                  actorId: actor!.id,
                  actorName: actor!.username,
                  plugin: manifest.id,
                  action: `import ${id} failed`,
                  target: name,
                  outcome: 'error',
                  detail: error instanceof Error ? error.message : String(error),
                });
              },
            )
            .catch((error: unknown) => this.log.error('could not record the end of an import', { error }));
          return { runId: run.id, events: `${base}${runPath.replace(':runId', run.id)}/events` };
        },
      }, permissions),
    );
    store.add(
      this.routes.add(manifest.id, base, {
        method: 'get',
        path: runPath,
        permission: declared.permission,
        summary: { 'zh-CN': '导入进度与结果', en: 'Import progress and result' },
        handler: ({ params }) => {
          const run = this.find(String(params.runId));
          return { runId: run.id, state: run.state, fileName: run.fileName, last: run.events.at(-1) ?? null };
        },
      }, permissions),
    );
    store.add(
      this.routes.add(manifest.id, base, {
        method: 'get',
        path: `${runPath}/events`,
        permission: declared.permission,
        summary: { 'zh-CN': '导入进度（服务器推送事件）', en: 'Import progress (server-sent events)' },
        hidden: true,
        handler: ({ params, raw }) => this.stream(this.find(String(params.runId)), raw),
      }, permissions),
    );
    return store;
  }

  private find(runId: string) {
    const run = this.runs.get(runId);
    if (!run) throw new NotFoundError({ 'zh-CN': '找不到这次导入（可能已过期）', en: 'This import run is unknown or has expired' });
    return run;
  }

  private stream(run: NonNullable<ReturnType<ImportRuns['get']>>, raw: Request): Promise<Response> {
    // streamSSE needs a Hono context; a throwaway app gives one for this single response.
    const app = new Hono();
    app.get('*', (c) =>
      streamSSE(c, async (stream) => {
        const queue: ImportEvent[] = [...run.events];
        let wake: (() => void) | undefined;
        const listener = (event: ImportEvent) => {
          queue.push(event);
          wake?.();
        };
        if (run.state === 'running') run.listeners.add(listener);
        stream.onAbort(() => {
          run.listeners.delete(listener);
          wake?.();
        });
        for (;;) {
          const event = queue.shift();
          if (!event) {
            if (run.state !== 'running' || stream.aborted) break;
            await new Promise<void>((resolve) => (wake = resolve));
            continue;
          }
          const { type, ...data } = event;
          await stream.writeSSE({ event: type, data: JSON.stringify(data) });
          if (type !== 'progress') break;
        }
        run.listeners.delete(listener);
      }),
    );
    return Promise.resolve(app.fetch(raw));
  }
}

/**
 * What an import reads headers with: the saved answers of its importer, by layout, applied by the
 * shared reader, and a required column still missing ending the run with the question.
 */
function mappingAccess(saved: ReadonlyMap<string, Readonly<Record<string, string | null>>>, firstFile: string): Pick<ImportRequest, 'readHeader' | 'columnMapping'> {
  const columnMapping = (cells: readonly string[]) => saved.get(csvLayoutKey(cells));
  return {
    columnMapping,
    readHeader: <K extends string>(cells: readonly string[], columns: CsvColumns<K>, options: CsvHeaderOptions<K> & { file?: string } = {}) => {
      const header = readCsvHeader(cells, columns, { ...options, mapping: options.mapping ?? columnMapping(cells) });
      if (header.asks) throw new ColumnsUnmappedError([{ file: options.file ?? firstFile, header }]);
      return header;
    },
  };
}

/** A plain Uint8Array over the buffer's memory (no copy), as importers have always been given. */
function asBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
