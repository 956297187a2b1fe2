import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client, setupOwner, type Reply } from './helpers/client.js';
import { ROOT, startServer, type TestServer } from './helpers/server.js';

/**
 * Keeps the worked example in docs/plugins.md true: every fenced block preceded by
 * `<!-- file: PATH -->` is written to a temporary folder, which the workbench then loads as an
 * extra plugin folder, and the routes are called as the guide describes them.
 */
const GUIDE = join(ROOT, 'docs', 'plugins.md');
const FILE_BLOCK = /^<!-- file: (\S+) -->\n(?:[ \t]*\n)*```[\w-]*\n([\s\S]*?)^```[ \t]*$/gm;

interface Greeting {
  id: number;
  customer: string;
  text: string;
  createdAt: string;
  createdBy: number;
}

interface PluginItem {
  id: string;
  state: string;
  reason: string | null;
}

/** The `<!-- file: PATH -->` blocks of a markdown text, by path. */
function extractFiles(markdown: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const [, path, content] of markdown.matchAll(FILE_BLOCK)) {
    const safe = normalize(path!);
    if (isAbsolute(safe) || safe.startsWith('..')) throw new Error(`docs/plugins.md names a file outside the example folder: ${path}`);
    if (files.has(safe)) throw new Error(`docs/plugins.md gives ${path} twice`);
    files.set(safe, content!);
  }
  return files;
}

function expectProblem(reply: Reply, status: number): void {
  expect(reply.status, reply.text).toBe(status);
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
}

let folder: string;
let files: Map<string, string>;
let server: TestServer | undefined;
let owner: Client;

beforeAll(async () => {
  files = extractFiles(await readFile(GUIDE, 'utf8'));
  folder = await mkdtemp(join(tmpdir(), 'workbench-docs-example-'));
  for (const [path, content] of files) {
    await mkdir(dirname(join(folder, path)), { recursive: true });
    await writeFile(join(folder, path), content);
  }
  server = await startServer({ config: { plugins: { folders: [folder] } } });
  owner = await setupOwner(server);
});

afterAll(async () => {
  await server?.dispose();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('the worked example in docs/plugins.md', () => {
  test('gives the five files of hello-shop', () => {
    expect([...files.keys()].sort()).toEqual(
      ['hello-shop/migrations/001-greetings.sql', 'hello-shop/plugin.yaml', 'hello-shop/schemas/settings.schema.json', 'hello-shop/server/index.ts', 'hello-shop/test/greetings.test.ts'].map(normalize),
    );
  });

  test('its tests pass with the one command the guide gives, from outside the repository', async () => {
    const run = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, [join(ROOT, 'scripts', 'test-plugin.mjs'), join(folder, 'hello-shop')], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      child.on('exit', (code) => resolve({ code, output }));
    });
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/Tests\s+3 passed/);
    expect(await readFile(GUIDE, 'utf8')).toContain('npm run test-plugin -- ../my-plugins/hello-shop');
  }, 120_000);

  test('hello-shop is running, and logs what the guide shows', async () => {
    const reply = await owner.get<{ items: PluginItem[] }>('/api/plugins');
    expect(reply.status).toBe(200);
    expect(reply.body.items.find((p) => p.id === 'hello-shop')).toMatchObject({ state: 'running', reason: null });
    expect(server!.output()).toMatch(/INFO {2}\[hello-shop\] ready greeting=欢迎光临/);
    expect(server!.output()).toMatch(/INFO {2}plugin running plugin=hello-shop version=0\.1\.0 ms=/);
  });

  test('POST greets with the default greeting, and GET lists it', async () => {
    const created = await owner.post<Greeting>('/api/hello-shop/greetings', { customer: '小王' });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ customer: '小王', text: '欢迎光临，小王！', createdBy: 1 });
    expect(created.body.id).toBeGreaterThanOrEqual(1);
    expect(created.body.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/);

    const other = await owner.post<Greeting>('/api/hello-shop/greetings', { customer: '小张' });
    expect(other.status, other.text).toBe(201);

    const list = await owner.get<{ items: Greeting[] }>('/api/hello-shop/greetings');
    expect(list.status, list.text).toBe(200);
    expect(list.body.items.map((g) => g.text)).toEqual(['欢迎光临，小张！', '欢迎光临，小王！']);
    expect(list.body.items[1]).toEqual(created.body);

    const one = await owner.get<{ items: Greeting[] }>(`/api/hello-shop/greetings?customer=${encodeURIComponent('小王')}`);
    expect(one.status, one.text).toBe(200);
    expect(one.body.items).toEqual([created.body]);
  });

  test('refuses a blank customer in the handler and a missing one by the schema', async () => {
    const blank = await owner.post('/api/hello-shop/greetings', { customer: '   ' });
    expectProblem(blank, 400);
    expect(blank.body.detail).toBe('请填写顾客的称呼');
    expect(blank.body.errors).toEqual([{ path: '/customer', in: 'body', message: '只有空格' }]);

    const missing = await owner.post('/api/hello-shop/greetings', {});
    expectProblem(missing, 400);
    expect(missing.body.errors).toContainEqual({ path: '/customer', in: 'body', message: '必填' });
  });

  test('answers 401 without a login', async () => {
    expectProblem(await new Client(server!.url).get('/api/hello-shop/greetings'), 401);
  });

  test('a greeting saved in the settings applies to the next greeting', async () => {
    const current = await owner.get<{ value: { greeting: string }; version: number }>('/api/settings/hello-shop');
    expect(current.status, current.text).toBe(200);
    expect(current.body).toMatchObject({ value: { greeting: '欢迎光临' }, version: 0 });

    const saved = await owner.put('/api/settings/hello-shop', { value: { greeting: '您好' }, version: 0 });
    expect(saved.status, saved.text).toBe(200);

    const next = await owner.post<Greeting>('/api/hello-shop/greetings', { customer: '小李' });
    expect(next.status, next.text).toBe(201);
    expect(next.body.text).toBe('您好，小李！');
    await server!.waitFor(/\[hello-shop\] greeting changed greeting=您好/, 5_000);

    const audit = await owner.get<{ items: { plugin: string; action: string; outcome: string }[] }>('/api/audit?plugin=hello-shop');
    expect(audit.status, audit.text).toBe(200);
    expect(audit.body.items.filter((a) => a.action === 'greet customer' && a.outcome === 'ok')).toHaveLength(3);
  });

  test('type-checks with the tsconfig recipe the guide gives for plugins outside the repository', async () => {
    const tsconfig = join(folder, 'tsconfig.json');
    await writeFile(
      tsconfig,
      JSON.stringify({
        extends: join(ROOT, 'tsconfig.json'),
        compilerOptions: { typeRoots: [join(ROOT, 'node_modules', '@types')] },
        include: ['*/server/**/*.ts'],
      }),
    );
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await promisify(execFile)(process.execPath, [tsc, '--noEmit', '-p', tsconfig], { cwd: ROOT }).catch(
      (error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? String(error) }),
    );
    expect(`${result.stdout}${result.stderr}`).toBe('');
  }, 120_000);
});
