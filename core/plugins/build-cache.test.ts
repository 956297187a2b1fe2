import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, pluginBuilds } from './build-cache.js';

let dir: string;
const reuse = pluginBuilds.reuse;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'build-cache-'));
  await writeFile(join(dir, 'index.ts'), 'export const a = 1;');
  await writeFile(join(dir, 'rules.ts'), 'export const b = 2;');
});
afterAll(async () => {
  pluginBuilds.reuse = reuse;
  await rm(dir, { recursive: true, force: true });
});

/** A build that counts its runs and read the two files and the API binding. */
function counted() {
  const runs = { n: 0 };
  const metafile = { inputs: { 'index.ts': {}, 'rules.ts': {}, 'workbench:@workbench/plugin-api': {} }, outputs: {} } as unknown as Metafile;
  return { runs, run: async () => ({ code: `built ${++runs.n}`, metafile }) };
}

describe('plugin bundles kept between starts', () => {
  it('are built every time unless reuse is on, as in a server', async () => {
    pluginBuilds.reuse = false;
    const { runs, run } = counted();
    await buildOnce('off', dir, run);
    await buildOnce('off', dir, run);
    expect(runs.n).toBe(2);
  });

  it('are reused while the files they were built from are unchanged, and built again after a change', async () => {
    pluginBuilds.reuse = true;
    const { runs, run } = counted();
    expect((await buildOnce('on', dir, run)).code).toBe('built 1');
    expect((await buildOnce('on', dir, run)).code).toBe('built 1');
    await writeFile(join(dir, 'rules.ts'), 'export const b = 3; // changed');
    expect((await buildOnce('on', dir, run)).code).toBe('built 2');
    expect((await buildOnce('on', dir, run)).code).toBe('built 2');
    await rm(join(dir, 'rules.ts'));
    expect((await buildOnce('on', dir, run)).code).toBe('built 3');
  });
});

describe('plugin bundles kept on disk, as a server keeps them between starts', () => {
  it('are read back while their files are unchanged, and built again after a change or when the kept code is gone', async () => {
    pluginBuilds.reuse = false;
    const folder = join(dir, 'builds');
    await writeFile(join(dir, 'rules.ts'), 'export const b = 2;');
    const { runs, run } = counted();
    expect((await buildOnce('disk', dir, run, folder)).code).toBe('built 1');
    expect((await buildOnce('disk', dir, run, folder)).code).toBe('built 1');
    expect(runs.n).toBe(1);
    await writeFile(join(dir, 'index.ts'), 'export const a = 10; // changed');
    expect((await buildOnce('disk', dir, run, folder)).code).toBe('built 2');
    expect((await buildOnce('disk', dir, run, folder)).code).toBe('built 2');
    // One record and the newest code of it: the older code is removed.
    expect((await readdir(folder)).sort()).toHaveLength(2);
    await rm(join(folder, (await readdir(folder)).find((name) => name.endsWith('.js'))!));
    expect((await buildOnce('disk', dir, run, folder)).code).toBe('built 3');
    expect(runs.n).toBe(3);
  });

  it('keep each bundle apart: another key is built, not served the first one\'s code', async () => {
    pluginBuilds.reuse = false;
    const folder = join(dir, 'builds-apart');
    const first = counted();
    const second = counted();
    await buildOnce('server a', dir, first.run, folder);
    expect((await buildOnce('ui a', dir, second.run, folder)).code).toBe('built 1');
    expect(second.runs.n).toBe(1);
  });
});
