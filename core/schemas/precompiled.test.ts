// The validators scripts/build.mjs compiles into the server bundle must answer exactly as the ones
// compiled at start-up from the sources: the same verdict, the same errors, the same defaults.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { configAjv, configSchema } from '../config/load-config.js';
import { manifestSchema } from '../plugins/load-manifest.js';
import { precompiledSources } from './precompile-source.js';
import { createAjv, META_SCHEMA_ID, SchemaRegistry, type JsonSchema } from './schema-registry.js';
import defs from '../../schemas/defs.schema.json' with { type: 'json' };

const ROOT = join(import.meta.dirname, '..', '..');
// Inside the project, so the generated code's `require('ajv/…')` finds node_modules.
const DIR = join(ROOT, '.vitest-tmp', `precompiled-${process.pid}`);
let built: { config: ValidateFunction; manifest: ValidateFunction; meta: ValidateFunction };

beforeAll(async () => {
  await mkdir(DIR, { recursive: true });
  const sources = precompiledSources();
  const load = async (name: keyof typeof sources) => {
    const file = join(DIR, `${name}.mjs`);
    // The server bundle defines `require` the same way (scripts/build.mjs, its banner).
    await writeFile(file, `import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);\n${sources[name]}`);
    return ((await import(pathToFileURL(file).href)) as { default: ValidateFunction }).default;
  };
  built = { config: await load('config'), manifest: await load('manifest'), meta: await load('meta') };
});
afterAll(async () => {
  await rm(DIR, { recursive: true, force: true });
});

/** What a validator answers for `data`: its verdict, its errors and the data with defaults filled in. */
function answer(validate: ValidateFunction, data: unknown) {
  const copy = structuredClone(data);
  const valid = validate(copy);
  return JSON.stringify({ valid, errors: validate.errors ?? null, data: copy });
}

describe('validators compiled at build time', () => {
  test('config.yaml: the same answers as the config compiled at start-up', () => {
    const atStart = configAjv().compile(configSchema);
    const cases: unknown[] = [
      {},
      { dataDir: './data', logLevel: 'info' },
      { server: { port: 'eighty', host: '' }, logLevel: 'loud', unknownKey: 1 },
      { plugins: { enabled: ['a', 3], folders: 'x' }, settings: { shop: { a: 1 } }, locale: 'fr' },
      { server: { port: 70000, allowedHosts: ['a', 'a'], tls: { certFile: 1 } }, timeZone: 5 },
      [],
      null,
    ];
    for (const data of cases) expect(answer(built.config, data)).toBe(answer(atStart, data));
    expect(answer(built.config, cases[2])).toContain('"valid":false');
  });

  test("plugin.yaml: the same answers as the registry's compile, for every plugin and for broken ones", async () => {
    const atStart = new SchemaRegistry().compile(manifestSchema as JsonSchema);
    const dirs = (await readdir(join(ROOT, 'plugins'), { withFileTypes: true })).filter((d) => d.isDirectory());
    const cases: unknown[] = [];
    for (const d of dirs) cases.push(parse(await readFile(join(ROOT, 'plugins', d.name, 'plugin.yaml'), 'utf8')));
    expect(cases.length).toBeGreaterThan(0);
    const first = cases[0] as Record<string, unknown>;
    cases.push(
      {},
      { ...first, id: 'Bad Id', version: 1, name: { 'zh-CN': 3 } },
      { ...first, contributes: { views: [{ id: 'x' }], commands: 'no' }, permissions: [{ id: 1 }] },
      { ...first, requires: [1, 'a', 'a'], extra: true },
    );
    for (const data of cases) expect(answer(built.manifest, data)).toBe(answer(atStart, data));
    expect(answer(built.manifest, cases.at(-2))).toContain('"valid":false');
  });

  test("JSON Schema's meta-schema: the same answers as ajv's own check, for every schema of the workbench and for broken ones", async () => {
    const ajv = createAjv(false, true);
    expect(ajv.defaultMeta()).toBe(META_SCHEMA_ID);
    const atStart = ajv.getSchema(META_SCHEMA_ID)!;
    const cases: unknown[] = [defs, manifestSchema, configSchema];
    for (const folder of ['schemas', ...(await readdir(join(ROOT, 'plugins'))).map((p) => join('plugins', p, 'schemas'))]) {
      const names = await readdir(join(ROOT, folder)).catch(() => []);
      for (const name of names.filter((n) => n.endsWith('.json'))) cases.push(JSON.parse(await readFile(join(ROOT, folder, name), 'utf8')));
    }
    expect(cases.length).toBeGreaterThan(5);
    cases.push(
      { type: 'objekt' },
      { properties: { a: { minimum: 'x', items: [1] } }, required: 'a' },
      { $defs: { a: { type: 1 } }, items: { $ref: '#/$defs/a' }, additionalProperties: 3 },
      { oneOf: [], enum: [], pattern: 5, $id: 7 },
      { type: 'object', properties: { n: { type: 'integer', default: 3 } } },
    );
    for (const data of cases) expect(answer(built.meta, data)).toBe(answer(atStart, data));
    expect(answer(built.meta, cases.at(-2))).toContain('"valid":false');
  });
});
