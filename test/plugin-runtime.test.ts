// Switching plugins off and on while the workbench runs, through a real server: runtime-base (a
// route, a job, a migration, a service) and runtime-dependant, which requires it.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client, OWNER, setupOwner, staffClient } from './helpers/client.js';
import { FIXTURE_PLUGINS, ROOT, startServer, type TestServer } from './helpers/server.js';

let server: TestServer;
let owner: Client;
let dir: string;
let plugins: string;

const config = () => ({ plugins: { folders: [plugins, join(FIXTURE_PLUGINS, 'missing-dep')], enabled: ['runtime-base', 'runtime-dependant'] } });
const ticksLogged = () => server.output().split('runtime-base tick').length - 1;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function states(): Promise<Record<string, string>> {
  const reply = await owner.get('/api/plugins');
  return Object.fromEntries((reply.body.items as { id: string; state: string }[]).map((p) => [p.id, p.state]));
}

beforeAll(async () => {
  // A copy of the fixtures, so that a migration can be added between runs.
  dir = await mkdtemp(join(tmpdir(), 'workbench-runtime-'));
  plugins = join(dir, 'plugins');
  await cp(join(ROOT, 'test', 'fixtures', 'runtime-plugins'), plugins, { recursive: true });
  server = await startServer({ dir, config: config() });
  const [, token] = await server.waitFor(/setup\?token=([A-Za-z0-9_-]+)/);
  owner = await setupOwner({ ...server, setupToken: token });
});

afterAll(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('switching a plugin off', () => {
  test('both run at first, with the route and the job', async () => {
    expect(await states()).toMatchObject({ 'runtime-base': 'running', 'runtime-dependant': 'running', 'missing-dep': 'disabled' });
    expect((await owner.get('/api/runtime-base/ticks')).status).toBe(200);
    expect((await owner.get('/api/runtime-dependant/seen')).status).toBe(200);
    expect((await owner.get('/api/jobs')).body.items.map((j: { owner: string; id: string }) => `${j.owner}/${j.id}`)).toContain('runtime-base/tick');
  });

  test('a keybinding two running plugins take is a warning naming both, in the API and the console', async () => {
    const reply = await owner.get('/api/plugins');
    expect(reply.body.warnings).toEqual([
      { kind: 'keybinding', key: 'ctrl+alt+r', plugins: ['runtime-base', 'runtime-dependant'], message: expect.stringContaining('runtime-base（runtime-base.refresh）和runtime-dependant（runtime-dependant.refresh）') },
    ]);
    expect(server.output()).toMatch(/WARN +plugins clash keybinding=ctrl\+alt\+r plugins=runtime-base,runtime-dependant /);
  });

  test('only the owner may switch plugins', async () => {
    const staff = await staffClient(server, owner, 'yunying', ['operations']);
    const off = await staff.post('/api/plugins/runtime-base/disable', { confirm: ['runtime-dependant'] });
    expect(off.status, off.text).toBe(403);
    expect(off.body.detail).toContain('店长');
    expect((await staff.post('/api/plugins/runtime-base/enable', {})).status).toBe(403);
    expect((await states())['runtime-base']).toBe('running');
  });

  test('without confirming the dependant the answer is 409 naming it, and nothing stops', async () => {
    const reply = await owner.post('/api/plugins/runtime-base/disable', {});
    expect(reply.status, reply.text).toBe(409);
    expect(reply.body.dependants).toEqual([{ id: 'runtime-dependant', name: { 'zh-CN': '运行时依赖者', en: 'Runtime dependant' } }]);
    expect(reply.body.detail).toContain('运行时依赖者');
    const en = await owner.post('/api/plugins/runtime-base/disable', { confirm: [] }, { 'accept-language': 'en' });
    expect(en.body.detail).toContain('Runtime dependant (runtime-dependant)');
    expect(await states()).toMatchObject({ 'runtime-base': 'running', 'runtime-dependant': 'running' });
    expect((await owner.get('/api/runtime-base/ticks')).status).toBe(200);
  });

  test('confirmed: both go off at once — routes 404, the job stops, deactivate runs, browsers are told', async () => {
    const events = await fetch(`${server.url}/api/workbench/events`, { headers: { cookie: owner.cookie, accept: 'text/event-stream' } });
    expect(events.status).toBe(200);
    const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
    let seen = '';
    const until = async (text: string) => {
      while (!seen.includes(text)) seen += (await reader.read()).value ?? '';
    };
    await until('event: ready');

    const reply = await owner.post('/api/plugins/runtime-base/disable', { confirm: ['runtime-dependant'] });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.items.map((i: { id: string; state: string }) => `${i.id}:${i.state}`)).toEqual(['runtime-dependant:disabled', 'runtime-base:disabled']);
    expect((await owner.get('/api/runtime-base/ticks')).status).toBe(404);
    expect((await owner.get('/api/runtime-dependant/seen')).status).toBe(404);
    expect(server.output()).toContain('runtime-base deactivate() called');
    await until('event: plugins');
    await reader.cancel();

    expect((await owner.get('/api/jobs')).body.items.some((j: { owner: string }) => j.owner === 'runtime-base')).toBe(false);
    expect((await owner.get('/api/plugins')).body.warnings).toEqual([]);
    await pause(300); // a run that had started may still finish
    const before = ticksLogged();
    await pause(800); // four periods of the job
    expect(ticksLogged()).toBe(before);

    const openapi = await owner.get('/api/openapi.json');
    expect(Object.keys(openapi.body.paths).filter((p) => p.startsWith('/api/runtime-'))).toEqual([]);
    const audit = await owner.get('/api/audit?q=plugin');
    const rows = (audit.body.items as { action: string; target: string; actorName: string; outcome: string }[]).filter((a) => a.outcome === 'ok');
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'disable plugin', target: 'runtime-base', actorName: OWNER.username }),
        expect.objectContaining({ action: 'disable plugin', target: 'runtime-dependant', actorName: OWNER.username }),
      ]),
    );
  });

  test('the dependant cannot come back without what it requires', async () => {
    const reply = await owner.post('/api/plugins/runtime-dependant/enable', {});
    expect(reply.status, reply.text).toBe(409);
    expect(reply.body.detail).toContain('运行时基础');
    expect(reply.body.requires).toEqual([{ id: 'runtime-base', name: { 'zh-CN': '运行时基础', en: 'Runtime base' } }]);
  });

  test('a plugin config.yaml does not list cannot be switched on here', async () => {
    const reply = await owner.post('/api/plugins/missing-dep/enable', {});
    expect(reply.status, reply.text).toBe(409);
    expect(reply.body.detail).toContain('config.yaml');
    expect((await owner.post('/api/plugins/no-such-plugin/enable', {})).status).toBe(404);
  });
});

describe('switching it on again', () => {
  test('the choice survives a restart, although config.yaml lists both', async () => {
    await server.stop();
    // A migration arrives while the plugin is off.
    await writeFile(join(plugins, 'runtime-base', 'migrations', '002-notes.sql'), 'CREATE TABLE runtime_base_notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);\n');
    server = await startServer({ dir, config: config() });
    owner = new Client(server.url);
    expect((await owner.login(OWNER.username, OWNER.password)).status).toBe(200);
    expect(await states()).toMatchObject({ 'runtime-base': 'disabled', 'runtime-dependant': 'disabled' });
    expect((await owner.get('/api/runtime-base/ticks')).status).toBe(404);
    expect(server.output()).not.toContain('runtime-base activated');
  });

  test('enabling with the dependant runs the pending migration and starts the base first', async () => {
    const reply = await owner.post('/api/plugins/runtime-base/enable', { with: ['runtime-dependant'] });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.items.map((i: { id: string; state: string }) => `${i.id}:${i.state}`)).toEqual(['runtime-base:running', 'runtime-dependant:running']);
    const out = server.output();
    expect(out.indexOf('runtime-base activated')).toBeGreaterThan(-1);
    expect(out.indexOf('runtime-base activated')).toBeLessThan(out.indexOf('runtime-dependant activated'));

    expect((await owner.get('/api/runtime-base/migrations')).body.names).toEqual(['001-ticks.sql', '002-notes.sql']);
    expect((await owner.get('/api/runtime-base/ticks')).status).toBe(200);
    expect((await owner.get('/api/runtime-dependant/seen')).status).toBe(200);
    expect((await owner.get('/api/jobs')).body.items.map((j: { owner: string; id: string }) => `${j.owner}/${j.id}`)).toContain('runtime-base/tick');
    const before = ticksLogged();
    await pause(700);
    expect(ticksLogged()).toBeGreaterThan(before);
  });

  test('off and on again in the same process: the same routes answer once more', async () => {
    expect((await owner.post('/api/plugins/runtime-dependant/disable', {})).status).toBe(200);
    expect((await owner.get('/api/runtime-dependant/seen')).status).toBe(404);
    expect((await owner.get('/api/runtime-base/ticks')).status).toBe(200);
    expect((await owner.post('/api/plugins/runtime-dependant/enable', {})).status).toBe(200);
    expect((await owner.get('/api/runtime-dependant/seen')).status).toBe(200);
    expect(await states()).toMatchObject({ 'runtime-base': 'running', 'runtime-dependant': 'running' });
  });
});
