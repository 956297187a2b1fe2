import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, setupOwner, staffClient } from './helpers/client.js';
import { ROOT, startServer, type TestServer } from './helpers/server.js';

type Validate = (data: unknown, locale: string) => { path: string; message: string }[];

let server: TestServer;
let owner: Client;

beforeAll(async () => {
  server = await startServer();
  owner = await setupOwner(server, { demo: true });
});
afterAll(() => server?.dispose());

async function importModule(code: string, name: string): Promise<Validate> {
  const file = join(server.dir, `${name}.mjs`);
  await writeFile(file, code);
  return ((await import(pathToFileURL(file).href)) as { validate: Validate }).validate;
}

describe('what the browser shell loads', () => {
  it('lists each running plugin’s UI module with a versioned URL, and serves it sharing the kit', async () => {
    const { body } = await owner.get('/api/workbench/contributions');
    const example = body.plugins.find((p: { id: string }) => p.id === 'example');
    expect(example.ui).toMatch(/^\/ui\/plugins\/example\.js\?v=[0-9a-f]{12}$/);
    expect(body.plugins.find((p: { id: string }) => p.id === 'example-consumer').ui).toBeNull();

    const res = await fetch(server.url + example.ui);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/javascript');
    expect(res.headers.get('cache-control')).toContain('immutable');
    const code = await res.text();
    expect(code).toContain('"/ui/kit.js"');
    // Lit itself is not bundled into the plugin: one copy, from the kit.
    expect(code).not.toContain('lit-html');
    expect((await fetch(`${server.url}/ui/plugins/activate-throws.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/ui/plugins/nope.js`)).status).toBe(404);
  });

  it('answers the shell for a tab’s address (a link to an order, a work list with filters), and a problem for an unknown API path', async () => {
    for (const path of ['/fulfillment/order/12', '/fulfillment/orders?status=exception', '/example/note/3', '/login?next=%2Ffulfillment%2Forder%2F12']) {
      const res = await fetch(server.url + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toContain('text/html');
      expect(await res.text(), path).toContain('/ui/main.js');
    }
    const api = await fetch(`${server.url}/api/fulfillment/order/12`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });

  it('generates the settings validator the form runs, with the server’s messages in both languages', async () => {
    const res = await owner.get('/api/workbench/validators/settings/example');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/javascript');
    expect(res.text).not.toMatch(/new Function|eval\(/);
    const validate = await importModule(res.text, 'settings-validator');
    expect(validate({ maxNoteLength: 300, courier: '顺丰' }, 'zh-CN')).toEqual([]);
    const zh = validate({ maxNoteLength: 5, courier: '京东' }, 'zh-CN');
    expect(zh.map((p) => p.path).sort()).toEqual(['/courier', '/maxNoteLength']);
    expect(zh.find((p) => p.path === '/maxNoteLength')!.message).toBe('应当为 >= 10');
    expect(validate({ colour: 'red' }, 'en')).toEqual([{ path: '/colour', in: 'body', message: 'unknown field "colour"' }]);

    // The same value the server refuses on save.
    const saved = await owner.put('/api/settings/example', { value: { maxNoteLength: 5 }, version: 0 });
    expect(saved.status).toBe(400);
    expect(saved.body.errors[0]).toMatchObject({ path: '/maxNoteLength', message: '应当为 >= 10' });
  });

  it('generates a validator for any registered schema, following its $refs', async () => {
    const res = await owner.get(`/api/workbench/validators/schema?id=${encodeURIComponent('https://workbench.local/schemas/example/note-line')}`);
    expect(res.status).toBe(200);
    const validate = await importModule(res.text, 'note-line-validator');
    expect(validate({ text: '申通下午四点来取件' }, 'zh-CN')).toEqual([]);
    expect(validate({ text: '!urgent' }, 'zh-CN')).toHaveLength(1);
    expect((await owner.get('/api/workbench/validators/schema?id=nope')).status).toBe(400);
    expect((await new Client(server.url).get('/api/workbench/validators/settings/example')).status).toBe(401);
  });

  it('finds records for quick open, only for people who may read them', async () => {
    const { body } = await owner.get(`/api/workbench/search?q=${encodeURIComponent('卫衣')}`);
    expect(body.items).toEqual([{ plugin: 'example', title: '新款卫衣到货后先拍照', detail: '#3', opens: 'note', id: 3 }]);
    expect((await owner.get('/api/workbench/search?q=%25')).body.items).toEqual([]);
    const stranger = await staffClient(server, owner, 'xiaozhao', []);
    expect((await stranger.get(`/api/workbench/search?q=${encodeURIComponent('卫衣')}`)).body.items).toEqual([]);
  });
});

describe('a plugin whose UI does not compile', () => {
  it('fails with the reason, naming what plugins may import', async () => {
    const other = await startServer({ config: { plugins: { folders: [join(ROOT, 'test', 'fixtures', 'ui-plugins')] } } });
    try {
      const client = await setupOwner(other);
      const { body } = await client.get('/api/plugins');
      const bad = body.items.find((p: { id: string }) => p.id === 'bad-ui-import');
      expect(bad.state).toBe('failed');
      expect(bad.reason).toContain('lit/directives/unsafe-html.js');
      expect(bad.reason).toContain('@workbench/ui');
    } finally {
      await other.dispose();
    }
  });
});
