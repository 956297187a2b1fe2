import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPluginModule, PluginCompileError, withMapBeside } from './compile-plugin.js';
import { CONTRACT_TYPES_ONLY } from './import-boundaries.js';

let dir: string;
let pluginDir: string;
let cacheDir: string;
let entry: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'workbench-compile-'));
  pluginDir = join(dir, 'stock-alerts');
  cacheDir = join(dir, 'cache');
  entry = join(pluginDir, 'server', 'index.ts');
  await mkdir(join(pluginDir, 'server'), { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const source = (threshold: number) => `
import { InputError, type PluginContext } from '@workbench/plugin-api';
export const THRESHOLD: number = ${threshold};
export const apiErrorClass = InputError;
export function activate(_ctx: PluginContext): void {}
`;

describe('loadPluginModule', () => {
  it("compiles TypeScript and binds @workbench/plugin-api to the core's own copy", async () => {
    await writeFile(entry, source(10));
    const mod = (await loadPluginModule(entry, pluginDir, cacheDir, 'stock-alerts')) as unknown as Record<string, unknown>;
    expect(mod.THRESHOLD).toBe(10);
    const { InputError } = await import('../errors.js');
    expect(mod.apiErrorClass).toBe(InputError);
  });

  it("keeps only the newest build of a plugin in the cache and leaves other plugins' builds alone", async () => {
    await mkdir(cacheDir, { recursive: true });
    await writeFile(join(cacheDir, 'stock.0123456789ab.mjs'), 'export {}');
    for (const threshold of [10, 20, 30]) {
      await writeFile(entry, source(threshold));
      const mod = (await loadPluginModule(entry, pluginDir, cacheDir, 'stock-alerts')) as unknown as Record<string, unknown>;
      expect(mod.THRESHOLD).toBe(threshold);
    }
    const files = await readdir(cacheDir);
    // The module and its source map beside it (withMapBeside).
    const kept = files.filter((f) => f.startsWith('stock-alerts.')).sort();
    expect(kept).toHaveLength(2);
    expect(kept[1]).toBe(`${kept[0]}.map`);
    expect(files).toContain('stock.0123456789ab.mjs');
  });

  it('a syntax error names the file, line and column', async () => {
    await writeFile(entry, 'export function activate( {\n');
    const error = await loadPluginModule(entry, pluginDir, cacheDir, 'stock-alerts').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PluginCompileError);
    expect((error as Error).message).toMatch(/server[\\/]index\.ts:\d+:\d+ /);
  });

  it('an entry without activate is refused with a message saying so', async () => {
    await writeFile(entry, 'export const nothing = 1;\n');
    await expect(loadPluginModule(entry, pluginDir, cacheDir, 'stock-alerts')).rejects.toThrow(/does not export a function activate/);
  });

  it("refuses a file outside the plugin's folder with the lint's words, naming where it was imported", async () => {
    await mkdir(join(dir, 'core'), { recursive: true });
    await writeFile(join(dir, 'core', 'secrets.ts'), 'export const key = 1;\n');
    await writeFile(entry, "import { key } from '../../core/secrets.js';\nexport const k = key;\nexport function activate(): void {}\n");
    const error = await loadPluginModule(entry, pluginDir, cacheDir, 'stock-alerts').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PluginCompileError);
    expect((error as Error).message).toMatch(/server[\\/]index\.ts:1:\d+ "\.\.\/\.\.\/core\/secrets\.js": a plugin's server code may import only @workbench\/plugin-api, service contracts/);
  });

  it('refuses @workbench/ui in server code, and a contract imported as a value', async () => {
    await writeFile(entry, "import { WbElement } from '@workbench/ui';\nexport const e = WbElement;\nexport function activate(): void {}\n");
    await expect(loadPluginModule(entry, pluginDir, cacheDir, 'stock-alerts')).rejects.toThrow(`"@workbench/ui": a plugin's server code may import only @workbench/plugin-api`);
    await writeFile(entry, "import { OrdersToken } from '@workbench/contracts/fulfillment';\nexport const t = OrdersToken;\nexport function activate(): void {}\n");
    await expect(loadPluginModule(entry, pluginDir, cacheDir, 'stock-alerts')).rejects.toThrow(`"@workbench/contracts/fulfillment": ${CONTRACT_TYPES_ONLY}`);
  });

  it('erases a contract imported with import type, so nothing needs resolving at run time', async () => {
    await writeFile(
      join(pluginDir, 'server', 'index.ts'),
      "import type { OrdersService } from '@workbench/contracts/fulfillment';\nimport { type InventoryService } from '@workbench/contracts/fulfillment';\n" +
        'export const used = (o?: OrdersService, i?: InventoryService) => o === i;\nexport function activate(): void {}\n',
    );
    const mod = (await loadPluginModule(entry, pluginDir, cacheDir, 'stock-alerts')) as unknown as Record<string, unknown>;
    expect(typeof mod.used).toBe('function');
  });

  it('lets a plugin bundle a package whose own files import each other', async () => {
    // In the folder above the plugin, as the repository's node_modules is for plugins/.
    await mkdir(join(dir, 'node_modules', 'tiny', 'lib'), { recursive: true });
    await writeFile(join(dir, 'node_modules', 'tiny', 'package.json'), '{ "name": "tiny", "type": "module", "main": "index.js" }');
    await writeFile(join(dir, 'node_modules', 'tiny', 'index.js'), "export { twice } from './lib/twice.js';\n");
    await writeFile(join(dir, 'node_modules', 'tiny', 'lib', 'twice.js'), 'export const twice = (n) => 2 * n;\n');
    await writeFile(entry, "import { twice } from 'tiny';\nexport const four = twice(2);\nexport function activate(): void {}\n");
    const mod = (await loadPluginModule(entry, pluginDir, cacheDir, 'stock-alerts')) as unknown as Record<string, unknown>;
    expect(mod.four).toBe(4);
  });

  it("gives stack traces that point at the plugin's TypeScript file and line, not the cached bundle", async () => {
    await writeFile(join(pluginDir, 'server', 'check.ts'), "export function check(n: number): number {\n  if (n > 3) {\n    throw new Error('too many');\n  }\n  return n;\n}\n");
    await writeFile(entry, "import type { PluginContext } from '@workbench/plugin-api';\nimport { check } from './check.js';\nexport function activate(_ctx: PluginContext): void {\n  check(5);\n}\n");
    const mod = await loadPluginModule(entry, pluginDir, cacheDir, 'stock-alerts');
    let stack = '';
    try {
      mod.activate({} as never);
    } catch (error) {
      stack = (error as Error).stack ?? '';
    }
    expect(stack).toMatch(/at check \(.*stock-alerts[\\/]server[\\/]check\.ts:3:11\)/);
    expect(stack).toMatch(/stock-alerts[\\/]server[\\/]index\.ts:4:/);
    expect(stack).not.toContain('.mjs');
  });
});

describe('withMapBeside', () => {
  it('moves an inline source map to a file named beside the module, and leaves a module without one alone', () => {
    const map = JSON.stringify({ version: 3, sources: ['../p/server/index.ts'], mappings: 'AAAA' });
    const inline = `export const a = 1;\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(map).toString('base64')}\n`;
    expect(withMapBeside(inline, 'p.0123456789ab.mjs')).toEqual({ code: 'export const a = 1;\n//# sourceMappingURL=p.0123456789ab.mjs.map\n', map });
    expect(withMapBeside('export const a = 1;\n', 'p.mjs')).toEqual({ code: 'export const a = 1;\n' });
  });
});
