import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * plugin.yaml files read before, kept as the plain data they parsed to, by the sha256 of their
 * text. Parsing the six manifests with the yaml package took about a quarter of a second of every
 * start, for files that had not changed since the last one; JSON.parse of the same data takes a
 * millisecond. Only the parse is kept: the manifest is checked anew at each start (the schema,
 * the engine and the core it is checked by may have changed), and positions for problems come
 * from parsing the text again.
 *
 * The files live in the builds folder (`<dataDir>/cache/builds` or WORKBENCH_BUILDS_DIR), as
 * `manifest-<hash>.json`; an unchanged text always parses to the same data, so a file is never
 * stale, and one written by another workbench sharing the folder is as good as one's own.
 */

/** Bumped when what is kept changes shape (or the yaml package is replaced). */
const FORMAT = 1;

const fileOf = (folder: string, text: string) => join(folder, `manifest-${createHash('sha256').update(`${FORMAT}\n${text}`).digest('hex').slice(0, 32)}.json`);

/** The data `text` parsed to at an earlier start, if it was kept in `folder`. */
export async function keptManifest(folder: string, text: string): Promise<unknown> {
  let stored: string;
  try {
    stored = await readFile(fileOf(folder, text), 'utf8');
  } catch {
    // Not kept yet (or removed with the cache): the caller parses the text.
    return undefined;
  }
  try {
    return (JSON.parse(stored) as { data?: unknown }).data;
  } catch {
    // Cut short by a crash while written elsewhere: parsed again, and written anew.
    return undefined;
  }
}

/**
 * Keeps what `text` parsed to, when JSON holds it exactly (a YAML `.inf` or a date would not come
 * back the same; such a manifest is simply parsed at each start). Written whole or not at all.
 */
export async function keepManifest(folder: string, text: string, data: unknown): Promise<void> {
  if (!isPlainJson(data)) return;
  const file = fileOf(folder, text);
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await mkdir(folder, { recursive: true });
  try {
    await writeFile(temp, JSON.stringify({ data }));
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Strings, finite numbers, booleans, null, arrays and plain objects only: what JSON gives back unchanged. */
export function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  // `__proto__` as a key: JSON.parse makes it an own property, a literal would not.
  return Object.entries(value).every(([key, v]) => key !== '__proto__' && isPlainJson(v));
}
