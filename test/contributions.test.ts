import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client, OWNER, setupOwner, staffClient, type Reply } from './helpers/client.js';
import { startServer, type TestServer } from './helpers/server.js';

interface Note {
  id: number;
  text: string;
  amount: number;
  version: number;
  createdAt: string;
}

interface SseEvent {
  event: string;
  data: any;
}

const han = /[\u4e00-\u9fff]/;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function expectProblem(reply: Reply, status: number) {
  expect(reply.status, reply.text).toBe(status);
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(reply.body).toMatchObject({ status, type: expect.stringMatching(/^https:\/\/workbench\.local\/problems\//) });
}

/** Reads a whole server-sent event stream (it ends after `done` or `failed`). */
function parseSse(text: string): SseEvent[] {
  return text
    .split(/\r?\n\r?\n/)
    .filter((block) => block.trim())
    .map((block) => {
      const lines = block.split(/\r?\n/);
      const event = lines.find((l) => l.startsWith('event:'))?.slice(6).trim() ?? 'message';
      const data = lines
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).trimStart())
        .join('\n');
      return { event, data: JSON.parse(data) };
    });
}

async function readEvents(server: TestServer, client: Client, path: string): Promise<{ contentType: string | null; events: SseEvent[] }> {
  const res = await fetch(server.url + path, { headers: { cookie: client.cookie, accept: 'text/event-stream' } });
  expect(res.status).toBe(200);
  const text = await res.text();
  return { contentType: res.headers.get('content-type'), events: parseSse(text) };
}

function upload(text: string, name = 'notes.txt'): FormData {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/plain' }), name);
  return form;
}

/** Follows a local `#/…` JSON pointer inside a document. */
function resolvePointer(doc: unknown, ref: string): unknown {
  expect(ref.startsWith('#/')).toBe(true);
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !(key in node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Every `$ref` string anywhere inside a value. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refsIn(v)));
}

let server: TestServer;
let demoServer: TestServer;
let owner: Client;
let demoOwner: Client;
let demoSetup: Reply;

async function createNote(text: string): Promise<Note> {
  const reply = await owner.post<Note>('/api/example/notes', { text });
  expect(reply.status, reply.text).toBe(201);
  return reply.body;
}

async function noteTotal(client: Client = owner): Promise<number> {
  const reply = await client.get('/api/example/notes?pageSize=1');
  expect(reply.status).toBe(200);
  return reply.body.total;
}

beforeAll(async () => {
  [server, demoServer] = await Promise.all([
    startServer(),
    // The second server also proves config.yaml settings override schema defaults.
    startServer({ config: { settings: { example: { maxNoteLength: 50 } } } }),
  ]);
  const demoClient = new Client(demoServer.url);
  [owner, demoSetup] = await Promise.all([
    setupOwner(server),
    demoClient.post('/api/auth/setup', { token: demoServer.setupToken, username: 'laoban', password: 'correct-horse-42', displayName: '老板', demo: true }),
  ]);
  expect(demoSetup.status, demoSetup.text).toBe(201);
  demoOwner = demoClient;
});

afterAll(async () => {
  await Promise.all([server, demoServer].map((s) => s?.dispose()));
});

describe('demo data', () => {
  test('without a demo shop there are no notes', async () => {
    const reply = await owner.get('/api/example/notes');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ items: [], total: 0, page: 1 });
  });

  test('a demo shop lists the plugins that filled it, and the example notes are there', async () => {
    expect(demoSetup.body.demo.filled).toContain('example');
    const reply = await demoOwner.get('/api/example/notes');
    expect(reply.body.total).toBe(3);
    expect(reply.body.items.map((n: Note) => n.text)).toEqual(['周一例会：讨论双十二备货', '申通下午四点来取件', '新款卫衣到货后先拍照']);
  });
});

describe('services', () => {
  test("the consumer counts notes through the example's service; its optional service is absent", async () => {
    const before = await owner.get('/api/example-consumer/summary');
    expect(before.status).toBe(200);
    expect(before.body.optionalService).toBe('absent');
    const count = before.body.noteCount;
    expect(count).toBe(await noteTotal());
    await createNote('服务计数');
    const after = await owner.get('/api/example-consumer/summary');
    expect(after.body.noteCount).toBe(count + 1);
  });

  test('the demo server counts its three demo notes through the service too', async () => {
    const reply = await demoOwner.get('/api/example-consumer/summary');
    expect(reply.body).toMatchObject({ noteCount: 3, optionalService: 'absent' });
  });
});

describe('events', () => {
  test("publishing a note runs the consumer's handler in the same transaction", async () => {
    const note = await createNote('今天发顺丰');
    const reply = await owner.post(`/api/example/notes/${note.id}/publish`);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toEqual({ id: note.id, published: true });
    expect((await owner.get(`/api/example/notes/${note.id}`)).body.text).toBe('今天发顺丰 ✓');
    const summary = await owner.get('/api/example-consumer/summary');
    expect(summary.body.log).toContainEqual({ note_id: note.id, text: '今天发顺丰' });
  });

  test("a handler's ConflictError is a 409 and rolls back everything the transaction did", async () => {
    const note = await createNote('please veto this');
    const logBefore = (await owner.get('/api/example-consumer/summary')).body.log;
    const reply = await owner.post(`/api/example/notes/${note.id}/publish`);
    expectProblem(reply, 409);
    expect(reply.body.detail).toBe('这条笔记含有“veto”，不能发布');

    const after = await owner.get(`/api/example/notes/${note.id}`);
    expect(after.body.text).toBe('please veto this');
    expect(after.body.version).toBe(note.version);
    const summary = await owner.get('/api/example-consumer/summary');
    expect(summary.body.log).toEqual(logBefore);
    expect(summary.body.log.some((e: { note_id: number }) => e.note_id === note.id)).toBe(false);

    // The failure left nothing stuck: the next transaction commits normally.
    const next = await createNote('后来的笔记');
    expect((await owner.post(`/api/example/notes/${next.id}/publish`)).status).toBe(200);
  });

  test('publishing a note that does not exist is a 404, not a crash', async () => {
    expectProblem(await owner.post('/api/example/notes/999999/publish'), 404);
  });
});

describe('settings', () => {
  test('GET /api/settings/example returns the schema and the defaults', async () => {
    const reply = await owner.get('/api/settings/example');
    expect(reply.status).toBe(200);
    expect(reply.body.plugin).toBe('example');
    expect(reply.body.schema.properties.maxNoteLength).toMatchObject({ type: 'integer', default: 200 });
    expect(reply.body.value).toEqual({ maxNoteLength: 200, signature: '1号客服', courier: '申通' });
    expect(reply.body.version).toBe(0);
    const list = await owner.get('/api/settings');
    expect(list.body.items.map((i: { plugin: string }) => i.plugin)).toEqual(['example']);
  });

  test('a plugin without settings, or a plugin that is not running, has none to show', async () => {
    expectProblem(await owner.get('/api/settings/example-consumer'), 404);
    expectProblem(await owner.get('/api/settings/activate-throws'), 404);
  });

  test('GET /api/example/hello (public) shows the signature setting', async () => {
    const reply = await new Client(server.url).get('/api/example/hello');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ greeting: '你好', signature: '1号客服' });
    expect((await new Client(server.url).get('/api/example/hello', { 'accept-language': 'en' })).body.greeting).toBe('Hello');
  });

  test('ctx.shopTime writes any instant in the shop time zone, with its offset', async () => {
    const at = encodeURIComponent('2026-11-23T23:30:05.250Z');
    const reply = await new Client(server.url).get(`/api/example/shop-time?at=${at}`);
    expect(reply.status).toBe(200);
    // Asia/Shanghai is the default zone: 23:30 UTC is 07:30 the next morning there.
    expect(reply.body.shopTime).toBe('2026-11-24T07:30:05.250+08:00');
    expect(reply.body.now).toMatch(/\+08:00$/);
    expect((await new Client(server.url).get('/api/example/shop-time?at=yesterday')).status).toBe(400);
  });

  test('config.yaml overrides a default: at 50 characters, a 60-character note is refused', async () => {
    const settings = await demoOwner.get('/api/settings/example');
    expect(settings.body.value.maxNoteLength).toBe(50);
    expect(settings.body.value.signature).toBe('1号客服');
    const reply = await demoOwner.post('/api/example/notes', { text: 'x'.repeat(60) });
    expectProblem(reply, 400);
    expect(reply.body.errors[0]).toMatchObject({ path: '/text', in: 'body' });
    expect(reply.body.detail).toContain('50');
    expect((await demoOwner.post('/api/example/notes', { text: 'x'.repeat(50) })).status).toBe(201);
    // The same note is fine where the default of 200 applies.
    expect((await owner.post('/api/example/notes', { text: 'x'.repeat(60) })).status).toBe(201);
  });

  test('an invalid value is refused with the field and a Chinese message; nothing is saved', async () => {
    const reply = await owner.put('/api/settings/example', { value: { maxNoteLength: 5 }, version: 0 });
    expectProblem(reply, 400);
    expect(reply.body.errors[0].path).toBe('/maxNoteLength');
    expect(reply.body.errors[0].message).toMatch(han);
    const unknown = await owner.put('/api/settings/example', { value: { colour: 'blue' }, version: 0 });
    expectProblem(unknown, 400);
    expect(unknown.body.errors[0].path).toBe('/colour');
    const now = await owner.get('/api/settings/example');
    expect(now.body).toMatchObject({ version: 0, value: { maxNoteLength: 200 } });
  });

  test('a good value saves, bumps the version, applies at once; a stale version is a 409', async () => {
    const current = await owner.get('/api/settings/example');
    const version = current.body.version as number;
    const saved = await owner.put('/api/settings/example', { value: { maxNoteLength: 20, signature: '2号客服' }, version });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.version).toBe(version + 1);
    expect(saved.body.value).toEqual({ maxNoteLength: 20, signature: '2号客服', courier: '申通' });
    try {
      expect((await owner.get('/api/settings/example')).body).toMatchObject({ version: version + 1, value: { maxNoteLength: 20 } });

      const tooLong = await owner.post('/api/example/notes', { text: 'y'.repeat(25) });
      expectProblem(tooLong, 400);
      expect(tooLong.body.errors[0].path).toBe('/text');
      expect(tooLong.body.detail).toContain('20');
      expect((await owner.post('/api/example/notes', { text: 'y'.repeat(20) })).status).toBe(201);
      expect((await owner.get('/api/example/hello')).body.signature).toBe('2号客服');

      const stale = await owner.put('/api/settings/example', { value: { maxNoteLength: 30 }, version });
      expectProblem(stale, 409);
      expect((await owner.get('/api/settings/example')).body.value.maxNoteLength).toBe(20);
    } finally {
      // Later tests count on the default length again.
      const restore = await owner.put('/api/settings/example', { value: {}, version: version + 1 });
      expect(restore.status, restore.text).toBe(200);
    }
    expect((await owner.get('/api/settings/example')).body.value).toEqual({ maxNoteLength: 200, signature: '1号客服', courier: '申通' });
    expect((await owner.post('/api/example/notes', { text: 'y'.repeat(25) })).status).toBe(201);
  });
});

describe('jobs', () => {
  test('the heartbeat runs every 150 ms', async () => {
    const started = Date.now();
    let n = 0;
    while (Date.now() - started < 3_000) {
      const reply = await owner.get('/api/example/job-runs');
      expect(reply.status).toBe(200);
      n = reply.body.n;
      if (n >= 3) break;
      await sleep(100);
    }
    expect(n).toBeGreaterThanOrEqual(3);
    const later = Date.now();
    await sleep(700);
    const again = (await owner.get('/api/example/job-runs')).body.n;
    // ~4 runs in 700 ms; at least two leaves room for a slow machine.
    expect(again - n, `ran ${again - n} times in ${Date.now() - later} ms`).toBeGreaterThanOrEqual(2);
  });

  test('GET /api/jobs shows failures, runs and the next cron run; the server stays up', async () => {
    const reply = await owner.get('/api/jobs');
    expect(reply.status).toBe(200);
    const jobs = new Map(reply.body.items.map((j: { owner: string; id: string }) => [`${j.owner}/${j.id}`, j]));
    expect(jobs.get('example/always-fails')).toMatchObject({
      failures: expect.any(Number),
      lastError: 'the job failed on purpose',
      schedule: 'every 150ms',
    });
    expect((jobs.get('example/always-fails') as { failures: number }).failures).toBeGreaterThan(0);
    const heartbeat = jobs.get('example/heartbeat') as { runs: number; failures: number; lastError?: string };
    expect(heartbeat.runs).toBeGreaterThan(0);
    expect(heartbeat.failures).toBe(0);
    expect(heartbeat.lastError).toBeUndefined();
    const cron = jobs.get('example/monthly-stocktake') as { nextRunAt: string; schedule: string; runs: number };
    expect(cron.schedule).toBe('cron 0 9 28 * *');
    expect(cron.nextRunAt).toMatch(/^\d{4}-\d{2}-28T09:00:00(\.000)?\+08:00$/);
    expect(Date.parse(cron.nextRunAt)).toBeGreaterThan(Date.now());
    expect(Date.parse(cron.nextRunAt) - Date.now()).toBeLessThan(32 * 24 * 3600 * 1000);

    expect((await owner.get('/api/health')).status).toBe(200);
    expect(server.output()).toMatch(/job example\/always-fails failed/);
  });

  test('POST /api/jobs/example/monthly-stocktake/run runs the cron job now', async () => {
    const reply = await owner.post('/api/jobs/example/monthly-stocktake/run');
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ owner: 'example', id: 'monthly-stocktake', runs: 1, failures: 0, running: false });
    expect(typeof reply.body.lastFinishedAt).toBe('string');
    await server.waitFor(/\[jobs\/example\/monthly-stocktake\] stocktake reminder/, 5_000);
    const after = (await owner.get('/api/jobs')).body.items.find((j: { id: string }) => j.id === 'monthly-stocktake');
    expect(after.runs).toBe(1);
    // Running it by hand does not move its schedule.
    expect(after.nextRunAt).toMatch(/-28T09:00:00(\.000)?\+08:00$/);
  });

  test('running an unknown job is a 404', async () => {
    expectProblem(await owner.post('/api/jobs/example/nope/run'), 404);
  });
});

describe('importers', () => {
  test('an upload is accepted with 202, streams progress, and ends with done and every line imported', async () => {
    const before = await noteTotal();
    const lines = Array.from({ length: 300 }, (_, i) => (i % 10 === 9 ? '' : `导入的笔记 ${i + 1}`));
    const nonEmpty = lines.filter((l) => l.trim()).length;
    const reply = await owner.post('/api/example/importers/notes-text', upload(lines.join('\n') + '\n'));
    expect(reply.status, reply.text).toBe(202);
    expect(typeof reply.body.runId).toBe('string');
    expect(reply.body.events).toBe(`/api/example/importers/notes-text/runs/${reply.body.runId}/events`);

    const { contentType, events } = await readEvents(server, owner, reply.body.events);
    expect(contentType).toMatch(/^text\/event-stream/);
    const progress = events.filter((e) => e.event === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    for (const p of progress) {
      expect(typeof p.data.done).toBe('number');
      expect(p.data.total).toBe(lines.length + 1);
      expect(p.data.done).toBeLessThanOrEqual(p.data.total);
    }
    // However the updates were throttled, the last one before "done" is the true final count.
    expect(progress.at(-1)!.data.done).toBe(lines.length + 1);
    const last = events.at(-1)!;
    expect(last.event).toBe('done');
    expect(last.data.result).toEqual({ imported: nonEmpty, rejected: [] });
    expect(events.filter((e) => e.event !== 'progress')).toHaveLength(1);

    expect(await noteTotal()).toBe(before + nonEmpty);
    const notes = await owner.get('/api/example/notes?pageSize=500');
    const texts = notes.body.items.map((n: Note) => n.text);
    expect(texts).toContain('导入的笔记 1');
    expect(texts).toContain('导入的笔记 299');
    expect(texts).not.toContain('导入的笔记 300');

    const state = await owner.get(`/api/example/importers/notes-text/runs/${reply.body.runId}`);
    expect(state.body).toMatchObject({ runId: reply.body.runId, state: 'done', fileName: 'notes.txt', last: { type: 'done' } });
  });

  test('files sent together are one import: the handler gets them all, in order', async () => {
    const before = await noteTotal();
    const form = upload('第一个文件的笔记\n', 'a.txt');
    form.append('file', new Blob(['第二个文件的笔记 1\n第二个文件的笔记 2\n'], { type: 'text/plain' }), 'b.txt');
    const reply = await owner.post('/api/example/importers/notes-text', form);
    expect(reply.status, reply.text).toBe(202);
    const { events } = await readEvents(server, owner, reply.body.events);
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { result: { imported: 3, rejected: [] } } });
    expect(await noteTotal()).toBe(before + 3);
    const state = await owner.get(`/api/example/importers/notes-text/runs/${reply.body.runId}`);
    expect(state.body.fileName).toBe('a.txt, b.txt');
  });

  test('a file with a rejected line imports nothing and reports the rejected rows', async () => {
    const before = await noteTotal();
    const reply = await owner.post('/api/example/importers/notes-text', upload('好的一行\n!坏的一行\n另一行\n'));
    expect(reply.status, reply.text).toBe(202);
    const { events } = await readEvents(server, owner, reply.body.events);
    const done = events.at(-1)!;
    expect(done.event).toBe('done');
    expect(done.data.result.imported).toBe(0);
    expect(done.data.result.rejected).toEqual([{ row: 2, reason: expect.stringMatching(/[\u4e00-\u9fff]/) }]);
    expect(await noteTotal()).toBe(before);
  });

  test("rows are checked with ctx.schemas.validate in the uploader's language", async () => {
    const english = new Client(server.url, { 'accept-language': 'en' });
    await english.login(OWNER.username, OWNER.password);
    const reply = await english.post('/api/example/importers/notes-text', upload(`fine\n${'长'.repeat(201)}\n`));
    expect(reply.status, reply.text).toBe(202);
    const done = (await readEvents(server, english, reply.body.events)).events.at(-1)!;
    expect(done.data.result.rejected).toEqual([{ row: 2, reason: expect.stringMatching(/must NOT have more than 200 characters/) }]);
  });

  test('an upload without a file is a 400 naming the field', async () => {
    const reply = await owner.post('/api/example/importers/notes-text', new FormData());
    expectProblem(reply, 400);
    expect(reply.body.errors[0]).toMatchObject({ path: '/file', in: 'body' });
    const wrongField = new FormData();
    wrongField.append('attachment', new Blob(['a'], { type: 'text/plain' }), 'a.txt');
    expectProblem(await owner.post('/api/example/importers/notes-text', wrongField), 400);
  });

  test('without example.notes.import the upload is refused with 403 and nothing is imported', async () => {
    const role = await owner.post('/api/roles', {
      id: 'note-writer',
      name: { 'zh-CN': '写笔记', en: 'Note writer' },
      permissions: ['example.notes.read', 'example.notes.edit'],
    });
    expect(role.status, role.text).toBe(201);
    const writer = await staffClient(server, owner, 'kefu1', ['note-writer']);
    // The role works for what it grants…
    expect((await writer.get('/api/example/notes')).status).toBe(200);
    const before = await noteTotal();
    const reply = await writer.post('/api/example/importers/notes-text', upload('一\n二\n'));
    expectProblem(reply, 403);
    expect(reply.body.detail).toContain('example.notes.import');
    expect(await noteTotal()).toBe(before);
    // …and the importer does not even show up in its UI contributions.
    const ui = await writer.get('/api/workbench/contributions');
    const example = ui.body.plugins.find((p: { id: string }) => p.id === 'example');
    expect(example.importers).toEqual([]);
    expect(example.commands.map((c: { id: string }) => c.id)).toEqual(['example.newNote']);
  });

  test('an unknown run is a 404', async () => {
    expectProblem(await owner.get('/api/example/importers/notes-text/runs/not-a-run'), 404);
  });
});

describe('printables', () => {
  test('a printable escapes the note text and carries no script', async () => {
    const note = await createNote('<img src=x onerror=alert(1)>');
    const res = await owner.get(`/api/example/printables/note?id=${note.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.text).toMatch(/^<!doctype html>/i);
    expect(res.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(res.text).not.toContain('<img');
    expect(res.text.toLowerCase()).not.toContain('<script');
    expect(res.text).toContain(`<title>笔记 ${note.id}</title>`);
    expect(res.text).toContain('1号客服');
  });

  test('a printable of a missing note is a 404 problem', async () => {
    expectProblem(await owner.get('/api/example/printables/note?id=999999'), 404);
  });
});

describe('UI contributions', () => {
  test('lists running plugins only, with their views, editors, commands, widgets and status items', async () => {
    const reply = await owner.get('/api/workbench/contributions');
    expect(reply.status).toBe(200);
    const ids = reply.body.plugins.map((p: { id: string }) => p.id);
    expect(ids).toEqual(['example', 'example-consumer']);
    const example = reply.body.plugins[0];
    expect(example.version).toBe('1.2.0');
    expect(example.views).toEqual([expect.objectContaining({ id: 'notes', element: 'wb-example-notes', icon: 'note' })]);
    expect(example.editors).toEqual([expect.objectContaining({ id: 'note', element: 'wb-example-note-editor', opens: 'note' })]);
    expect(example.commands).toContainEqual(expect.objectContaining({ id: 'example.newNote', keybinding: 'ctrl+alt+n' }));
    expect(example.commands).toContainEqual(expect.objectContaining({ id: 'example.resetCounter' }));
    expect(example.widgets).toEqual([expect.objectContaining({ id: 'note-count', element: 'wb-example-note-count' })]);
    expect(example.status).toEqual([expect.objectContaining({ id: 'notes-status', element: 'wb-example-status' })]);
    expect(example.importers).toEqual([expect.objectContaining({ id: 'notes-text', accepts: ['text/plain', 'text/csv'] })]);
    expect(example.printables).toEqual([expect.objectContaining({ id: 'note' })]);
  });

  test('needs a login', async () => {
    expectProblem(await new Client(server.url).get('/api/workbench/contributions'), 401);
  });
});

describe('OpenAPI', () => {
  let doc: any;
  beforeAll(async () => {
    const reply = await new Client(server.url).get('/api/openapi.json');
    expect(reply.status).toBe(200);
    doc = reply.body;
  });

  test('is OpenAPI 3.1 with core and plugin paths', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.paths['/api/health'].get).toBeDefined();
    expect(doc.paths['/api/auth/login'].post).toBeDefined();
    const note = doc.paths['/api/example/notes/{id}'];
    expect(note.get).toBeDefined();
    expect(note.patch).toBeDefined();
    expect(note.get['x-permission']).toBe('example.notes.read');
    expect(note.patch['x-permission']).toBe('example.notes.edit');
    expect(note.get.parameters).toContainEqual(expect.objectContaining({ name: 'id', in: 'path', required: true }));
    expect(doc.paths['/api/example/notes'].post.requestBody).toBeDefined();
    expect(doc.paths['/api/example/importers/notes-text'].post.requestBody.content['multipart/form-data']).toBeDefined();
  });

  test('query parameters are listed even when the query schema is a $ref or an allOf', () => {
    const list = doc.paths['/api/example/notes'].get.parameters.filter((p: any) => p.in === 'query');
    expect(list.map((p: any) => p.name).sort()).toEqual(['page', 'pageSize', 'q', 'sort']);
    expect(list.find((p: any) => p.name === 'page').schema).toMatchObject({ type: 'integer', minimum: 1 });

    const audit = doc.paths['/api/audit'].get.parameters.filter((p: any) => p.in === 'query');
    expect(audit.map((p: any) => p.name)).toEqual(expect.arrayContaining(['page', 'pageSize', 'q', 'plugin', 'actorId', 'outcome']));
    expect(audit.find((p: any) => p.name === 'outcome').schema.enum).toEqual(['ok', 'error']);
  });

  test('registered schemas are components, and route references resolve to them', () => {
    const schemas = doc.components.schemas;
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(['example.note', 'defs', 'Problem']));
    expect(schemas['example.note'].required).toEqual(expect.arrayContaining(['id', 'text', 'version']));
    expect(schemas.defs.$defs.money).toBeDefined();

    const ok = doc.paths['/api/example/notes/{id}'].get.responses['200'].content['application/json'].schema;
    expect(ok.$ref).toBe('#/components/schemas/example.note');
    expect(resolvePointer(doc, ok.$ref)).toBe(schemas['example.note']);

    // No reference anywhere may dangle or still point at the server's private $id URLs.
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of new Set(refs)) {
      expect(ref, ref).toMatch(/^#\/components\/schemas\//);
      expect(resolvePointer(doc, ref), ref).toBeDefined();
    }
  });

  test('lists no route of a failed or missing plugin', () => {
    const owners = new Set(Object.keys(doc.paths).map((p) => p.split('/')[2]));
    for (const failed of ['activate-throws', 'no-permission-route', 'undeclared-service', 'foreign-table', 'failed-dep', 'cycle-a']) {
      expect(owners.has(failed), failed).toBe(false);
    }
    expect(owners.has('example')).toBe(true);
    expect(owners.has('example-consumer')).toBe(true);
  });

  test('the SSE stream of an import run is left out', () => {
    expect(Object.keys(doc.paths).filter((p) => p.endsWith('/events'))).toEqual([]);
  });
});

describe('validation', () => {
  test('a wrong type is a 400 naming the field, in Chinese by default', async () => {
    const reply = await owner.post('/api/example/notes', { text: 5 });
    expectProblem(reply, 400);
    expect(reply.body.errors).toContainEqual(expect.objectContaining({ path: '/text', in: 'body' }));
    const text = reply.body.errors.find((e: { path: string }) => e.path === '/text');
    expect(text.message).toMatch(han);
  });

  test('an unknown field is named', async () => {
    const reply = await owner.post('/api/example/notes', { text: '好', colour: 'blue' });
    expectProblem(reply, 400);
    expect(reply.body.errors).toContainEqual(expect.objectContaining({ path: '/colour', in: 'body' }));
    expect(reply.body.errors.find((e: { path: string }) => e.path === '/colour').message).toContain('colour');
  });

  test('a missing field is named', async () => {
    const reply = await owner.post('/api/example/notes', {});
    expectProblem(reply, 400);
    expect(reply.body.errors).toContainEqual(expect.objectContaining({ path: '/text', in: 'body' }));
  });

  test('Accept-Language: en answers in English when the user chose no language', async () => {
    expect((await owner.get('/api/auth/me')).body.locale).toBeNull();
    const reply = await owner.post('/api/example/notes', { text: 5 }, { 'accept-language': 'en' });
    expectProblem(reply, 400);
    expect(reply.body.title).toBe('Invalid input');
    const text = reply.body.errors.find((e: { path: string }) => e.path === '/text');
    expect(text.message).toBe('must be string');
    expect(reply.body.detail).not.toMatch(han);
  });

  test('query strings are validated too: page=abc is a 400 naming /page', async () => {
    const reply = await owner.get('/api/example/notes?page=abc');
    expectProblem(reply, 400);
    expect(reply.body.errors).toContainEqual(expect.objectContaining({ path: '/page', in: 'query' }));
    expect((await owner.get('/api/example/notes?page=2&pageSize=1')).body).toMatchObject({ page: 2, pageSize: 1 });
  });

  test('path parameters are validated: a non-numeric id is a 400 naming /id', async () => {
    const reply = await owner.get('/api/example/notes/abc');
    expectProblem(reply, 400);
    expect(reply.body.errors).toContainEqual(expect.objectContaining({ path: '/id', in: 'params' }));
  });

  test('a stale row version on PATCH is a 409, the current one saves', async () => {
    const note = await createNote('版本一');
    const saved = await owner.patch(`/api/example/notes/${note.id}`, { text: '版本二', version: note.version });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.version).toBe(note.version + 1);
    expectProblem(await owner.patch(`/api/example/notes/${note.id}`, { text: '版本三', version: note.version }), 409);
    expect((await owner.get(`/api/example/notes/${note.id}`)).body.text).toBe('版本二');
  });
});
