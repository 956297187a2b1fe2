// A plugin that imports a core file is refused at start-up with the lint's words; the rest runs.
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { setupOwner, type Client } from './helpers/client.js';
import { FIXTURE_PLUGINS, ROOT, startServer, type TestServer } from './helpers/server.js';

let server: TestServer;
let owner: Client;

beforeAll(async () => {
  server = await startServer({ config: { plugins: { folders: [join(ROOT, 'test', 'fixtures', 'import-boundary'), join(FIXTURE_PLUGINS, 'example')] } } });
  owner = await setupOwner(server);
});
afterAll(() => server?.dispose());

test('the plugin fails with the import rule as its reason, in GET /api/plugins and the log; example runs', async () => {
  const reply = await owner.get('/api/plugins', { 'accept-language': 'en' });
  expect(reply.status).toBe(200);
  const byId = new Map((reply.body.items as { id: string; state: string; reason: string | null }[]).map((p) => [p.id, p]));
  const failed = byId.get('reaches-core')!;
  expect(failed.state).toBe('failed');
  expect(failed.reason).toMatch(/server[\\/]index\.ts:2:\d+ /);
  expect(failed.reason).toContain(`"../../../../../core/errors.js": a plugin's server code may import only @workbench/plugin-api, service contracts`);
  expect(server.output()).toMatch(/plugin failed plugin=reaches-core .*core\/errors\.js/);
  expect(byId.get('example')!.state).toBe('running');
  expect((await owner.get('/api/example/notes')).status).toBe(200);
});
