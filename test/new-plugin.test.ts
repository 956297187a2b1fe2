import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { setupOwner, type Client } from './helpers/client.js';
import { ROOT, startServer, type TestServer } from './helpers/server.js';

interface Run {
  code: number | null;
  output: string;
}

/** Runs one of the workbench's scripts to its end, as `npm run` would from the workbench folder. */
function script(name: string, args: string[], timeoutMs = 120_000): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', name), ...args], { cwd: ROOT, env: { ...process.env, INIT_CWD: ROOT, FORCE_COLOR: '0', NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

let parent: string;
let folder: string;
let written: Run;

beforeAll(async () => {
  // Outside the repository, as a third party's plugin would be.
  parent = await mkdtemp(join(tmpdir(), 'workbench-new-plugin-'));
  folder = join(parent, 'gift-notes');
  written = await script('new-plugin.mjs', ['gift-notes', '--dir', parent]);
});
afterAll(() => rm(parent, { recursive: true, force: true }));

describe('npm run new-plugin', () => {
  test('writes every part of a plugin', async () => {
    expect(written.code, written.output).toBe(0);
    for (const file of ['plugin.yaml', 'migrations/001-notes.sql', 'schemas/settings.schema.json', 'server/index.ts', 'server/note-store.ts', 'server/note-routes.ts', 'ui/index.ts', 'ui/notes-view.ts', 'i18n/zh-CN.json', 'i18n/en.json', 'test/note-text.test.ts', 'test/api.test.ts', 'README.md', 'tsconfig.json']) {
      expect(existsSync(join(folder, file)), file).toBe(true);
    }
    expect(await readFile(join(folder, 'migrations', '001-notes.sql'), 'utf8')).toContain('CREATE TABLE gift_notes_notes');
    expect(await readFile(join(folder, 'README.md'), 'utf8')).toContain('| POST | `/api/gift-notes/notes` | `gift-notes.notes.write` |');
  });

  describe('the written plugin, loaded by the workbench', () => {
    let server: TestServer;
    let owner: Client;
    beforeAll(async () => {
      server = await startServer({ config: { plugins: { folders: [parent] } } });
      owner = await setupOwner(server);
    });
    afterAll(() => server?.dispose());

    test('runs, with its route, view and permissions', async () => {
      const plugins = await owner.get('/api/plugins');
      expect(plugins.body.items.find((p: { id: string }) => p.id === 'gift-notes')).toMatchObject({ state: 'running', reason: null });
      const created = await owner.post('/api/gift-notes/notes', { text: '顺丰到付的单子先别发' });
      expect(created.status, created.text).toBe(201);
      const list = await owner.get('/api/gift-notes/notes');
      expect(list.body).toMatchObject({ total: 1, items: [{ text: '顺丰到付的单子先别发' }] });
      const contributions = await owner.get('/api/workbench/contributions');
      expect(JSON.stringify(contributions.body)).toContain('wb-gift-notes-notes');
      const ui = await owner.get('/ui/plugins/gift-notes.js');
      expect(ui.status, ui.text.slice(0, 300)).toBe(200);
    });
  });

  test('its own tests pass with one command, from outside the repository', async () => {
    const run = await script('test-plugin.mjs', [folder]);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/Tests\s+6 passed/);
    // A second vitest, its own workbench and the plugin compiled afresh: half a minute on two idle cores.
  }, 120_000);

  test('refuses an id the manifest would refuse, and a folder that exists', async () => {
    const bad = await script('new-plugin.mjs', ['Gift_Notes', '--dir', parent]);
    expect(bad.code).toBe(2);
    expect(bad.output).toContain('lower-case letters and digits');
    const reserved = await script('new-plugin.mjs', ['settings', '--dir', parent]);
    expect(reserved.code).toBe(2);
    expect(reserved.output).toContain('"settings" is reserved');
    const again = await script('new-plugin.mjs', ['gift-notes', '--dir', parent]);
    expect(again.code).toBe(2);
    expect(again.output).toContain('already exists');
    expect(existsSync(join(parent, 'Gift_Notes'))).toBe(false);
  });
});
