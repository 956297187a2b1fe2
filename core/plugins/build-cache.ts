import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Metafile } from 'esbuild';

/**
 * Plugin bundles kept by what they were built from, when `reuse` is on. A server bundles each
 * plugin once, at its start; the test kit starts a workbench per test file over the same plugins,
 * and bundling them again (the UI minified too) took about a second of each start. A bundle is
 * reused only while every file esbuild read for it keeps its size and modification time.
 */
export const pluginBuilds = { reuse: false };

interface Kept {
  code: string;
  inputs: { file: string; size: number; mtimeMs: number }[];
}

const kept = new Map<string, Kept>();

async function unchanged(entry: Kept): Promise<boolean> {
  for (const input of entry.inputs) {
    const now = await stat(input.file).catch(() => undefined);
    if (!now || now.size !== input.size || now.mtimeMs !== input.mtimeMs) return false;
  }
  return true;
}

/**
 * The code `run` builds, or the same code built earlier under `key` from unchanged files.
 * `dir` is the build's working directory, against which the metafile names its inputs.
 */
export async function buildOnce(key: string, dir: string, run: () => Promise<{ code: string; metafile: Metafile }>): Promise<string> {
  if (!pluginBuilds.reuse) return (await run()).code;
  const earlier = kept.get(key);
  if (earlier && (await unchanged(earlier))) return earlier.code;
  const { code, metafile } = await run();
  // Inputs of a plugin's own namespace (`workbench:…`, the API binding) are not files.
  const files = Object.keys(metafile.inputs).filter((name) => !/^[a-z][a-z-]+:/.test(name));
  const inputs = await Promise.all(
    files.map(async (name) => {
      const file = resolve(dir, name);
      const now = await stat(file).catch(() => undefined);
      return now && { file, size: now.size, mtimeMs: now.mtimeMs };
    }),
  );
  // An input that cannot be looked at again cannot vouch for the bundle: it is built next time.
  if (inputs.every((input) => input !== undefined)) kept.set(key, { code, inputs });
  else kept.delete(key);
  return code;
}
