import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SchemaRegistry } from '../schemas/schema-registry.js';
import { loadManifest } from './load-manifest.js';
import { isPlainJson, keepManifest, keptManifest } from './manifest-cache.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'manifest-cache-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const PLUGINS = join(import.meta.dirname, '..', '..', 'plugins');
const kept = async (folder: string) => (await readdir(folder).catch(() => [])).filter((n) => /^manifest-[0-9a-f]+\.json$/.test(n));

describe('parsed manifests kept between starts', () => {
  test("every plugin's manifest reads the same from the cache as parsed anew", async () => {
    const folder = join(root, 'builds');
    const dirs = (await readdir(PLUGINS, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => join(PLUGINS, d.name));
    expect(dirs.length).toBeGreaterThan(0);
    // Each pass with a registry of its own, as each start has.
    const parsed = await Promise.all(dirs.map((dir) => loadManifest(dir, new SchemaRegistry())));
    const first = await Promise.all(dirs.map((dir) => loadManifest(dir, new SchemaRegistry(), folder)));
    expect(await kept(folder)).toHaveLength(dirs.length);
    const second = await Promise.all(dirs.map((dir) => loadManifest(dir, new SchemaRegistry(), folder)));
    expect(parsed.every((r) => r.ok)).toBe(true);
    expect(first).toEqual(parsed);
    expect(second).toEqual(parsed);
  });

  test('problems in a kept manifest still name their line and column', async () => {
    const folder = join(root, 'problems');
    const dir = join(root, 'bad');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'plugin.yaml'), 'id: shop-notes\nversion: 1.0.0\nengine: "^1.0.0"\nname: 笔记\npermissions:\n  - id: other.read\n    name: 查看\n');
    const fresh = await loadManifest(dir, new SchemaRegistry());
    const miss = await loadManifest(dir, new SchemaRegistry(), folder);
    expect(await kept(folder)).toHaveLength(1);
    const hit = await loadManifest(dir, new SchemaRegistry(), folder);
    expect(fresh.ok).toBe(false);
    if (fresh.ok || hit.ok) throw new Error('expected failures');
    expect(fresh.problems?.[0]).toMatchObject({ file: 'plugin.yaml', line: 6, column: 9 });
    expect(miss).toEqual(fresh);
    expect(hit).toEqual(fresh);
  });

  test('a YAML syntax error is not kept, and a changed text is parsed anew', async () => {
    const folder = join(root, 'changes');
    const dir = join(root, 'changing');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'plugin.yaml'), 'id: [shop-notes\n');
    expect((await loadManifest(dir, new SchemaRegistry(), folder)).ok).toBe(false);
    expect(await kept(folder)).toHaveLength(0);
    await writeFile(join(dir, 'plugin.yaml'), 'id: shop-notes\nversion: 1.0.0\nengine: "^1.0.0"\nname: 笔记\n');
    const ok = await loadManifest(dir, new SchemaRegistry(), folder);
    expect(ok.ok && ok.manifest.name).toBe('笔记');
    await writeFile(join(dir, 'plugin.yaml'), 'id: shop-notes\nversion: 1.0.1\nengine: "^1.0.0"\nname: 笔记\n');
    const changed = await loadManifest(dir, new SchemaRegistry(), folder);
    expect(changed.ok && changed.manifest.version).toBe('1.0.1');
    expect(await kept(folder)).toHaveLength(2);
  });

  test('only what JSON gives back unchanged is kept', async () => {
    expect(isPlainJson({ a: [1, 'x', true, null, { b: -2.5 }] })).toBe(true);
    for (const odd of [Number.POSITIVE_INFINITY, Number.NaN, -0, new Date(0), new Map(), undefined, { a: undefined }, [1n]]) {
      expect(isPlainJson(odd)).toBe(false);
    }
    const folder = join(root, 'odd');
    await keepManifest(folder, 'limit: .inf\n', { limit: Number.POSITIVE_INFINITY });
    expect(await kept(folder)).toHaveLength(0);
    await keepManifest(folder, 'limit: 5\n', { limit: 5 });
    expect(await keptManifest(folder, 'limit: 5\n')).toEqual({ limit: 5 });
    expect(await keptManifest(folder, 'limit: 6\n')).toBeUndefined();
  });
});
