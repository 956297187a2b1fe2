import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client } from './helpers/client.js';
import { FIXTURE_PLUGINS, runCli, startServer, type TestServer } from './helpers/server.js';

const CHINESE = /[\u4e00-\u9fff]/;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'workbench-startup-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let configCount = 0;
/** Writes a config file of its own and answers it with a data folder that does not exist yet. */
async function badConfig(yaml: string): Promise<{ file: string; dataDir: string }> {
  const folder = join(dir, `config-${++configCount}`);
  await mkdir(folder);
  const file = join(folder, 'config.yaml');
  await writeFile(file, yaml);
  return { file, dataDir: join(folder, 'data-not-yet') };
}

async function startWith(yaml: string) {
  const { file, dataDir } = await badConfig(yaml);
  const result = await runCli([], { WORKBENCH_CONFIG: file, WORKBENCH_DATA_DIR: dataDir });
  // Refusing to start must not leave anything behind, not even the data folder.
  expect(existsSync(dataDir)).toBe(false);
  return { ...result, file, lines: result.stderr.trimEnd().split('\n') };
}

const portOf = (server: TestServer) => Number(new URL(server.url).port);

describe('configuration problems at start-up', () => {
  test('a port that is not a number stops start-up with exit code 2, naming file, line and setting in Chinese', async () => {
    const result = await startWith('server:\n  port: "abc"\n');
    expect(result.code).toBe(2);
    expect(result.stdout).not.toMatch(/listening on/);
    expect(result.lines[0]).toMatch(CHINESE);
    expect(result.lines.slice(1)).toEqual([expect.stringContaining(`${result.file}:2:`)]);
    expect(result.lines[1]).toContain('server.port');
    expect(result.lines[1]).toMatch(CHINESE);
  });

  test('an unknown key is named together with its line', async () => {
    const result = await startWith('locale: zh-CN\nserver:\n  host: 127.0.0.1\n  prot: 8000\n');
    expect(result.code).toBe(2);
    expect(result.lines.slice(1)).toEqual([expect.stringContaining(`${result.file}:4:`)]);
    expect(result.lines[1]).toContain('prot');
    expect(result.lines[1]).toMatch(CHINESE);
  });

  test('with locale: en the messages are in English', async () => {
    const result = await startWith('locale: en\nserver:\n  port: "abc"\n');
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(CHINESE);
    expect(result.lines[0]).toMatch(/configuration has problems/);
    expect(result.lines[1]).toContain(`${result.file}:3:`);
    expect(result.lines[1]).toMatch(/server\.port: must be an integer/);
  });

  test('several problems are reported at once, one line each', async () => {
    const result = await startWith('server:\n  port: "abc"\n  prot: 1\nlogLevel: loud\ntimeZone: Mars/Olympus\n');
    expect(result.code).toBe(2);
    const problems = result.lines.slice(1);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(new RegExp(`^${escapeRegExp(result.file)}:2:\\d+ server\\.port: `));
    expect(problems[1]).toMatch(new RegExp(`^${escapeRegExp(result.file)}:3:\\d+ server\\.prot: `));
    expect(problems[2]).toMatch(new RegExp(`^${escapeRegExp(result.file)}:4:\\d+ logLevel: `));
    expect(problems[3]).toMatch(new RegExp(`^${escapeRegExp(result.file)}:5:\\d+ timeZone: `));
  });

  test('a bad WORKBENCH_PORT is a configuration problem too', async () => {
    const { file, dataDir } = await badConfig('server:\n  port: 7410\n');
    const result = await runCli([], { WORKBENCH_CONFIG: file, WORKBENCH_DATA_DIR: dataDir, WORKBENCH_PORT: 'eighty' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/WORKBENCH_PORT server\.port: .*eighty/);
    expect(existsSync(dataDir)).toBe(false);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('running servers', () => {
  test('WORKBENCH_PORT=0 picks a free port that the log line names, even when config.yaml names a busy one', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const busyPort = (busy.address() as { port: number }).port;
    const server = await startServer({ config: { server: { port: busyPort } } });
    try {
      const [, port] = server.output().match(/listening on http:\/\/127\.0\.0\.1:(\d+)/) ?? [];
      expect(Number(port)).toBeGreaterThan(0);
      expect(Number(port)).not.toBe(busyPort);
      expect(server.url).toBe(`http://127.0.0.1:${port}`);
      const health = await new Client(`http://127.0.0.1:${port}`).get('/api/health');
      expect(health.status).toBe(200);
      expect(health.body).toEqual({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    } finally {
      await server.dispose();
      await new Promise((resolve) => busy.close(resolve));
    }
  });

  test('two servers with different data folders run side by side; a second one on the same folder is refused', async () => {
    const first = await startServer();
    const second = await startServer();
    try {
      expect(portOf(first)).not.toBe(portOf(second));
      expect((await new Client(first.url).get('/api/health')).status).toBe(200);
      expect((await new Client(second.url).get('/api/health')).status).toBe(200);

      const pid = (await readFile(join(first.dataDir, 'workbench.pid'), 'utf8')).trim();
      expect(pid).toMatch(/^\d+$/);
      const intruder = await runCli([], { WORKBENCH_CONFIG: first.configFile, WORKBENCH_DATA_DIR: first.dataDir });
      expect(intruder.code).not.toBe(0);
      expect(intruder.stdout).not.toMatch(/listening on/);
      expect(intruder.stderr).toContain(`another workbench (pid ${pid}) is using ${first.dataDir}`);
      // The refused one must not take the running server's pid file or data with it.
      expect((await readFile(join(first.dataDir, 'workbench.pid'), 'utf8')).trim()).toBe(pid);
      expect((await new Client(first.url).get('/api/health')).status).toBe(200);
    } finally {
      await Promise.all([first.dispose(), second.dispose()]);
    }
  });

  test('a pid file left behind by a server that is gone does not block start-up', async () => {
    const folder = join(dir, 'stale-pid');
    const dataDir = join(folder, 'data');
    await mkdir(dataDir, { recursive: true });
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.on('exit', resolve));
    await writeFile(join(dataDir, 'workbench.pid'), String(gone.pid));
    const server = await startServer({ dir: folder });
    try {
      expect((await new Client(server.url).get('/api/health')).status).toBe(200);
      expect(await readFile(join(dataDir, 'workbench.pid'), 'utf8')).not.toBe(String(gone.pid));
    } finally {
      await server.dispose();
    }
  });

  test('WORKBENCH_DATA_DIR decides where workbench.db is created, over dataDir in config.yaml', async () => {
    const folder = join(dir, 'data-dir');
    await mkdir(folder);
    const fromEnv = join(folder, 'from-env', 'nested');
    const server = await startServer({ dir: folder, config: { dataDir: './from-config' }, env: { WORKBENCH_DATA_DIR: fromEnv } });
    try {
      expect(existsSync(join(fromEnv, 'workbench.db'))).toBe(true);
      expect(existsSync(join(folder, 'from-config'))).toBe(false);
    } finally {
      await server.dispose();
    }
    // Without the variable the config's dataDir counts, relative to the config file.
    const fallback = await startServer({ dir: folder, config: { dataDir: './from-config' }, env: { WORKBENCH_DATA_DIR: '' } });
    try {
      expect(existsSync(join(folder, 'from-config', 'workbench.db'))).toBe(true);
    } finally {
      await fallback.dispose();
    }
  });

  test('a restart reuses the plugins compiled by the last start, kept in <dataDir>/cache/builds, and builds again what changed', async () => {
    const folder = join(dir, 'builds');
    await mkdir(folder);
    const plugin = join(folder, 'plugins', 'example');
    await cp(join(FIXTURE_PLUGINS, 'example'), plugin, { recursive: true });
    const config = { plugins: { folders: ['./plugins'] } };
    const kept = async (server: TestServer) => {
      const builds = join(server.dataDir, 'cache', 'builds');
      // Parsed plugin.yaml files (manifest-cache.ts), compiled validators and the schemas found
      // valid (kept-validators.ts) are kept there too.
      const names = (await readdir(builds)).filter((name) => !/^(manifest|validator)-/.test(name) && name !== 'vetted.txt').sort();
      return Promise.all(names.map(async (name) => `${name} ${(await stat(join(builds, name))).mtimeMs}`));
    };
    const first = await startServer({ dir: folder, config, env: { WORKBENCH_BUILDS_DIR: '' } });
    await first.stop();
    const before = await kept(first);
    // Server and UI bundle: a record and its code each.
    expect(before).toHaveLength(4);
    const others = await readdir(join(first.dataDir, 'cache', 'builds'));
    expect(others.filter((name) => name.startsWith('manifest-')).length).toBeGreaterThan(0);
    expect(others.filter((name) => name.startsWith('validator-')).length).toBeGreaterThan(0);
    const vetted = join(first.dataDir, 'cache', 'builds', 'vetted.txt');
    const vettedBefore = await readFile(vetted, 'utf8');
    expect(vettedBefore.split('\n').filter(Boolean).length).toBeGreaterThan(0);
    const second = await startServer({ dir: folder, config, env: { WORKBENCH_BUILDS_DIR: '' } });
    try {
      expect(await kept(second)).toEqual(before);
      // Every schema was found valid by the first start: none is checked, or recorded, again.
      expect(await readFile(vetted, 'utf8')).toBe(vettedBefore);
      expect((await new Client(second.url).get('/api/example/hello')).status).toBe(200);
    } finally {
      await second.stop();
    }
    const entry = join(plugin, 'server', 'index.ts');
    await writeFile(entry, (await readFile(entry, 'utf8')) + '\n// changed\n');
    const third = await startServer({ dir: folder, config, env: { WORKBENCH_BUILDS_DIR: '' } });
    try {
      const after = await kept(third);
      expect(after).toHaveLength(4);
      expect(after.filter((line) => before.includes(line))).toHaveLength(2);
    } finally {
      await third.dispose();
    }
  });

  test('SIGTERM stops the server with exit code 0 and removes the pid file', async () => {
    const server = await startServer();
    try {
      const pidFile = join(server.dataDir, 'workbench.pid');
      const pid = Number(await readFile(pidFile, 'utf8'));
      expect(() => process.kill(pid, 0)).not.toThrow();
      expect(await server.stop()).toBe(0);
      expect(existsSync(pidFile)).toBe(false);
      expect(() => process.kill(pid, 0)).toThrow();
      expect(server.output()).toMatch(/stopping signal=SIGTERM/);
    } finally {
      await server.dispose();
    }
  });
});
