import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import { formatConfigProblems, loadConfig, type ConfigProblem, type ConfigResult } from './load-config.js';
import configSchema from '../../schemas/config.schema.json' with { type: 'json' };

const shipped = fileURLToPath(new URL('../../config.yaml', import.meta.url));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'workbench-config-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('schemas/config.schema.json is a valid JSON Schema (start-up no longer checks it)', () => {
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true });
  expect(ajv.validateSchema(configSchema), ajv.errorsText(ajv.errors)).toBe(true);
});

async function load(yaml: string, env: Record<string, string> = {}): Promise<ConfigResult> {
  const file = path.join(dir, 'config.yaml');
  await writeFile(file, yaml);
  return loadConfig({ file, env, cwd: dir });
}

function problemsOf(result: ConfigResult): ConfigProblem[] {
  if (result.ok) throw new Error(`expected problems, got ${JSON.stringify(result.config)}`);
  return result.problems;
}

describe('loadConfig', () => {
  it('loads the shipped config.yaml', async () => {
    const result = await loadConfig({ file: shipped, env: {}, cwd: dir });
    if (!result.ok) throw new Error(formatConfigProblems(result.problems));
    const { config } = result;
    expect(config.server.port).toBe(7410);
    expect(config.server.host).toBe('127.0.0.1');
    expect(config.locale).toBe('zh-CN');
    expect(config.timeZone).toBe('Asia/Shanghai');
    expect(config.plugins.enabled).toBe('all');
    expect(config.file).toBe(shipped);
    expect(config.dataDir).toBe(path.join(path.dirname(shipped), 'data'));
  });

  it('uses every default when the default config.yaml is missing', async () => {
    const result = await loadConfig({ env: {}, cwd: dir });
    expect(result).toEqual({
      ok: true,
      config: {
        file: path.join(dir, 'config.yaml'),
        server: {
          host: '127.0.0.1',
          port: 7410,
          allowedHosts: [],
          bodyLimitBytes: 1048576,
          uploadLimitBytes: 104857600,
          uploadSlots: 2,
          sessionIdleMinutes: 720,
        },
        dataDir: path.join(dir, 'data'),
        locale: 'zh-CN',
        timeZone: 'Asia/Shanghai',
        logLevel: 'info',
        plugins: { enabled: 'all', folders: [] },
        settings: {},
      },
    });
  });

  it('treats an empty file, and a section with everything commented out, as defaults', async () => {
    expect((await load('')).ok).toBe(true);
    const result = await load('server:\n  # port: 8000\nsettings:\n  listings:\n');
    expect(result.ok && result.config.server.port).toBe(7410);
    expect(result.ok && result.config.settings).toEqual({ listings: {} });
  });

  it('reports a missing file that was asked for', async () => {
    const file = path.join(dir, 'nope.yaml');
    const problems = problemsOf(await loadConfig({ file, env: {}, cwd: dir }));
    expect(problems).toEqual([{ file, line: 1, column: 1, path: '', message: '配置文件不存在' }]);
    const viaEnv = await loadConfig({ env: { WORKBENCH_CONFIG: 'nope.yaml', WORKBENCH_LOCALE: 'en' }, cwd: dir });
    expect(viaEnv).toEqual({ ok: false, locale: 'en', problems: [{ file, line: 1, column: 1, path: '', message: 'config file not found' }] });
  });

  it('points at a wrongly typed value, in Chinese by default', async () => {
    const problems = problemsOf(await load('server:\n  port: "abc"\n'));
    expect(problems).toEqual([{ file: path.join(dir, 'config.yaml'), line: 2, column: 9, path: 'server.port', message: '应为整数' }]);
  });

  it('points at an unknown key and names it, in the config’s own language', async () => {
    const zh = problemsOf(await load('server:\n  port: 8000\n  colour: red\n'));
    expect(zh).toMatchObject([{ line: 3, column: 3, path: 'server.colour', message: '不认识的配置项“colour”' }]);
    const en = problemsOf(await load('locale: en\ntimeZone: UTC\nlogLvl: debug\n'));
    expect(en).toMatchObject([{ line: 3, column: 1, path: 'logLvl', message: 'unknown key "logLvl"; did you mean "logLevel"?' }]);
  });

  it('falls back to WORKBENCH_LOCALE when the config names no valid locale', async () => {
    const result = await load('locale: fr\n', { WORKBENCH_LOCALE: 'en' });
    expect(result).toMatchObject({ ok: false, locale: 'en', problems: [{ line: 1, path: 'locale', message: 'must be one of: zh-CN, en' }] });
  });

  it('reports every problem at once, each on its own line', async () => {
    const yaml = [
      'server:', //                       1
      '  port: 70000', //                 2
      '  allowedHosts: [a.local, "b c", a.local]', // 3
      'dataDir: ""', //                   4
      'logLevel: loud', //                5
      'settings:', //                     6
      '  Listings: {}', //                7
    ].join('\n');
    const problems = problemsOf(await load(yaml));
    expect(problems.map((p) => [p.line, p.path, p.message])).toEqual([
      [2, 'server.port', '不能大于 65535'],
      [3, 'server.allowedHosts.1', '“b c”不是主机名或 IP 地址：只能用字母、数字和 . : - [ ]'],
      [3, 'server.allowedHosts.2', '重复了：“a.local”已在列表中'],
      [4, 'dataDir', '不能为空'],
      [5, 'logLevel', '应为以下之一：debug、info、warn、error'],
      [7, 'settings.Listings', expect.stringContaining('“Listings”不是有效的插件 id')],
    ]);
    expect(problems[1]!.column).toBeLessThan(problems[2]!.column);
  });

  it('reports a YAML syntax error with its line', async () => {
    const problems = problemsOf(await load('server:\n  port: 1\n host: x\n'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 3, path: '' });
    expect(problems[0]!.message).toMatch(/^YAML 语法错误: /);
    const tabs = problemsOf(await load('locale: en\nserver:\n\tport: 1\n'));
    expect(tabs).toMatchObject([{ line: 3, message: 'YAML syntax error: indent with spaces, not tabs' }]);
    const twice = problemsOf(await load('dataDir: a\ndataDir: b\n'));
    expect(twice).toMatchObject([{ line: 2, message: 'YAML 语法错误: 配置项“dataDir”写了两次' }]);
    const documents = problemsOf(await load('dataDir: a\n---\ndataDir: b\n'));
    expect(documents).toMatchObject([{ line: 2, message: expect.stringContaining('---') }]);
  });

  it('reports an unknown time zone at its line', async () => {
    const problems = problemsOf(await load('locale: en\ntimeZone: Mars/Olympus\n'));
    expect(problems).toMatchObject([{ line: 2, column: 11, path: 'timeZone', message: expect.stringContaining('Mars/Olympus') }]);
  });

  it('says one thing about a plugins.enabled that is neither "all" nor a list', async () => {
    const problems = problemsOf(await load('plugins:\n  enabled: 5\n'));
    expect(problems).toEqual([
      { file: path.join(dir, 'config.yaml'), line: 2, column: 12, path: 'plugins.enabled', message: '应为 "all" 或插件 id 列表' },
    ]);
    const en = problemsOf(await load('locale: en\nplugins:\n  enabled: everything\n'));
    expect(en).toMatchObject([{ path: 'plugins.enabled', message: 'must be "all" or a list of plugin ids' }]);
  });

  it('points inside a plugins.enabled list at the bad id', async () => {
    const problems = problemsOf(await load('plugins:\n  enabled:\n    - listings\n    - My_Plugin\n'));
    expect(problems).toMatchObject([{ line: 4, column: 7, path: 'plugins.enabled.1', message: expect.stringContaining('My_Plugin') }]);
  });

  describe('environment', () => {
    it('WORKBENCH_PORT overrides the port, 0 included', async () => {
      const result = await load('server:\n  port: 8000\n', { WORKBENCH_PORT: '0' });
      expect(result.ok && result.config.server.port).toBe(0);
    });

    it('WORKBENCH_PORT that is not a port is a problem', async () => {
      for (const value of ['abc', '65536', '-1', '80.5']) {
        const problems = problemsOf(await load('', { WORKBENCH_PORT: value }));
        expect(problems).toMatchObject([{ file: 'WORKBENCH_PORT', line: 0, column: 0, path: 'server.port' }]);
      }
    });

    it('WORKBENCH_CLOCK_START moves the clock; a time without its offset is a problem', async () => {
      const moved = await load('', { WORKBENCH_CLOCK_START: '2026-12-28T10:00:00+08:00' });
      expect(moved.ok && moved.config.clockStart).toBe('2026-12-28T10:00:00+08:00');
      const plain = await load('');
      expect(plain.ok && 'clockStart' in plain.config).toBe(false);
      for (const value of ['2026-12-28T10:00:00', 'tomorrow', '2026-13-40T10:00:00Z']) {
        const problems = problemsOf(await load('', { WORKBENCH_CLOCK_START: value }));
        expect(problems).toMatchObject([{ file: 'WORKBENCH_CLOCK_START', path: 'clockStart' }]);
      }
    });

    it('WORKBENCH_DATA_DIR is relative to cwd, not to the config file', async () => {
      const configDir = path.join(dir, 'etc');
      await mkdir(configDir);
      await writeFile(path.join(configDir, 'config.yaml'), 'dataDir: ./here\n');
      const cwd = path.join(dir, 'run');
      const result = await loadConfig({ file: path.join(configDir, 'config.yaml'), env: { WORKBENCH_DATA_DIR: 'elsewhere' }, cwd });
      expect(result.ok && result.config.dataDir).toBe(path.join(cwd, 'elsewhere'));
    });

    it('WORKBENCH_BUILDS_DIR moves the kept plugin bundles, relative to cwd; without it the config has none', async () => {
      await writeFile(path.join(dir, 'config.yaml'), 'dataDir: ./data\n');
      const moved = await loadConfig({ file: path.join(dir, 'config.yaml'), env: { WORKBENCH_BUILDS_DIR: 'shared-builds' }, cwd: dir });
      expect(moved.ok && moved.config.buildsDir).toBe(path.join(dir, 'shared-builds'));
      const plain = await loadConfig({ file: path.join(dir, 'config.yaml'), env: { WORKBENCH_BUILDS_DIR: ' ' }, cwd: dir });
      expect(plain.ok && 'buildsDir' in plain.config).toBe(false);
    });

    it('WORKBENCH_CONFIG names the file, relative to cwd', async () => {
      await mkdir(path.join(dir, 'etc'));
      await writeFile(path.join(dir, 'etc', 'shop.yaml'), 'server:\n  port: 9000\n');
      const result = await loadConfig({ env: { WORKBENCH_CONFIG: 'etc/shop.yaml' }, cwd: dir });
      expect(result.ok && result.config.file).toBe(path.join(dir, 'etc', 'shop.yaml'));
      expect(result.ok && result.config.server.port).toBe(9000);
    });
  });

  it('resolves dataDir and plugin folders relative to the config file’s folder', async () => {
    await mkdir(path.join(dir, 'etc'));
    const file = path.join(dir, 'etc', 'config.yaml');
    await writeFile(file, `dataDir: ../shop-data\nplugins:\n  folders: [extra, ${path.join(dir, 'abs')}]\n`);
    const result = await loadConfig({ file, env: {}, cwd: os.tmpdir() });
    if (!result.ok) throw new Error(formatConfigProblems(result.problems));
    expect(result.config.dataDir).toBe(path.join(dir, 'shop-data'));
    expect(result.config.plugins.folders).toEqual([path.join(dir, 'etc', 'extra'), path.join(dir, 'abs')]);
  });

  it('writes nothing, not even dataDir', async () => {
    const result = await load('dataDir: ./data\n');
    expect(result.ok).toBe(true);
    expect(existsSync(path.join(dir, 'data'))).toBe(false);
    expect(await readdir(dir)).toEqual(['config.yaml']);
  });
});

describe('formatConfigProblems', () => {
  it('writes FILE:LINE:COL PATH: MESSAGE, one per line', () => {
    const inside = path.join(process.cwd(), 'config.yaml');
    const outside = path.join(path.parse(process.cwd()).root, 'elsewhere', 'config.yaml');
    const text = formatConfigProblems([
      { file: inside, line: 3, column: 9, path: 'server.port', message: '应为整数' },
      { file: outside, line: 1, column: 1, path: '', message: '配置文件不存在' },
      { file: 'WORKBENCH_PORT', line: 0, column: 0, path: 'server.port', message: 'bad' },
    ]);
    expect(text.split('\n')).toEqual([
      'config.yaml:3:9 server.port: 应为整数',
      `${outside}:1:1 配置文件不存在`,
      'WORKBENCH_PORT server.port: bad',
    ]);
  });
});
