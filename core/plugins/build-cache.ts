import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { version as esbuildVersion, type Metafile } from 'esbuild';
import { PLUGIN_API_VERSION } from '../version.js';

/**
 * Plugin bundles kept by what they were built from. Bundling the six plugins (server and UI, the
 * UI minified) took about two of a start's five seconds, for files that had not changed since the
 * last start. A bundle is reused only while every file esbuild read for it keeps its size and
 * modification time, and only by the same core (see `CORE`).
 *
 * Two layers: a folder on disk (a server's `<dataDir>/cache/builds`), so a restart reuses what the
 * previous run built; and, when `reuse` is on, this process's memory, for the test kit, which
 * starts a workbench per test file over the same plugins.
 */
export const pluginBuilds = { reuse: false };

interface Input {
  file: string;
  size: number;
  mtimeMs: number;
}

/** A bundle's code and the first 12 hex digits of its sha256, which name it in files and URLs. */
export interface Built {
  code: string;
  hash: string;
}

interface Kept extends Built {
  inputs: Input[];
}

const hashOf = (code: string) => createHash('sha256').update(code).digest('hex').slice(0, 12);

const kept = new Map<string, Kept>();

/**
 * What else a bundle depends on: the esbuild that made it, the API a plugin is bound to, and this
 * core's own file (a rebuilt core may check imports differently).
 */
const CORE = (async () => {
  const self = await stat(fileURLToPath(import.meta.url)).catch(() => undefined);
  return `esbuild ${esbuildVersion}; api ${PLUGIN_API_VERSION}; core ${self?.size ?? 0} ${self?.mtimeMs ?? 0}`;
})();

async function unchanged(entry: Kept): Promise<boolean> {
  const now = await Promise.all(entry.inputs.map((input) => stat(input.file).catch(() => undefined)));
  return entry.inputs.every((input, i) => now[i] !== undefined && now[i].size === input.size && now[i].mtimeMs === input.mtimeMs);
}

/**
 * On disk: this record (`<stem>.json`) beside the code, in a file of its own named by its hash
 * (`<stem>.<hash>.js`): parsing the code out of JSON was slow.
 */
interface Stored {
  core: string;
  inputs: Input[];
  hash: string;
}

const codeFile = (file: string, hash: string) => `${file.slice(0, -'.json'.length)}.${hash}.js`;

async function readKept(folder: string, file: string, core: string): Promise<Kept | undefined> {
  try {
    const record = JSON.parse(await readFile(join(folder, file), 'utf8')) as Partial<Stored>;
    if (record.core !== core || typeof record.hash !== 'string' || !Array.isArray(record.inputs)) return undefined;
    return { inputs: record.inputs, hash: record.hash, code: await readFile(join(folder, codeFile(file, record.hash)), 'utf8') };
  } catch {
    // Missing, cut short or from another version: built again, and written anew.
    return undefined;
  }
}

/** Written whole or not at all: several workbenches may share a cache folder and read it at once. */
async function writeWhole(file: string, content: string): Promise<void> {
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, content);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

async function writeKept(folder: string, file: string, core: string, entry: Kept): Promise<void> {
  await mkdir(folder, { recursive: true });
  const code = codeFile(file, entry.hash);
  await writeWhole(join(folder, code), entry.code);
  const record: Stored = { core, inputs: entry.inputs, hash: entry.hash };
  await writeWhole(join(folder, file), JSON.stringify(record));
  // Older code of the same bundle. A workbench reading it this moment fails to, and builds again.
  const stem = file.slice(0, -'.json'.length);
  for (const name of await readdir(folder)) {
    if (name !== code && name.startsWith(`${stem}.`) && name.endsWith('.js')) await rm(join(folder, name), { force: true });
  }
}

/**
 * The code `run` builds (with its hash), or the same code built earlier under `key` from unchanged files: from
 * this process's memory (when `reuse` is on) or from `folder` on disk (when given). `dir` is the
 * build's working directory, against which the metafile names its inputs.
 */
export async function buildOnce(key: string, dir: string, run: () => Promise<{ code: string; metafile: Metafile }>, folder?: string): Promise<Built> {
  const core = await CORE;
  const earlier = pluginBuilds.reuse ? kept.get(key) : undefined;
  if (earlier && (await unchanged(earlier))) return earlier;
  const file = `${createHash('sha256').update(key).digest('hex').slice(0, 24)}.json`;
  const stored = folder ? await readKept(folder, file, core) : undefined;
  if (stored && (await unchanged(stored))) {
    if (pluginBuilds.reuse) kept.set(key, stored);
    return stored;
  }
  const { code, metafile } = await run();
  const hash = hashOf(code);
  // Inputs of a plugin's own namespace (`workbench:…`, the API binding) are not files.
  const files = Object.keys(metafile.inputs).filter((name) => !/^[a-z][a-z-]+:/.test(name));
  const inputs = await Promise.all(
    files.map(async (name) => {
      const path = resolve(dir, name);
      const now = await stat(path).catch(() => undefined);
      return now && { file: path, size: now.size, mtimeMs: now.mtimeMs };
    }),
  );
  // An input that cannot be looked at again cannot vouch for the bundle: it is built next time.
  if (!inputs.every((input) => input !== undefined)) {
    kept.delete(key);
    return { code, hash };
  }
  if (pluginBuilds.reuse) kept.set(key, { code, hash, inputs });
  if (folder) await writeKept(folder, file, core, { code, hash, inputs });
  return { code, hash };
}
