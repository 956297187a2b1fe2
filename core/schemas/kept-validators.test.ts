// Validators kept from an earlier start must answer exactly as freshly compiled ones: the same
// verdict, the same errors, the same defaults filled in.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { KeptValidators } from './kept-validators.js';
import { SchemaRegistry, type JsonSchema } from './schema-registry.js';

const ROOT = join(import.meta.dirname, '..', '..');
let dir: string;
// Test files share a worker's modules: a test host run before this file turns on sharing
// validators in memory, which would answer before any kept file is read or written.
let sharing: boolean;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kept-validators-'));
  sharing = SchemaRegistry.shareCompiled;
  SchemaRegistry.shareCompiled = false;
});
afterAll(async () => {
  SchemaRegistry.shareCompiled = sharing;
  await rm(dir, { recursive: true, force: true });
});

const kept = async (folder: string) => (await readdir(folder).catch(() => [])).filter((n) => /^validator-[0-9a-f]+\.cjs$/.test(n));

function answer(validate: ValidateFunction, data: unknown) {
  const copy = structuredClone(data);
  const valid = validate(copy);
  return JSON.stringify({ valid, errors: validate.errors ?? null, data: copy });
}

/** Data to try against a settings schema: nothing (all defaults), then each property given a wrong value. */
function samples(schema: JsonSchema): unknown[] {
  const properties = Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {});
  return [{}, ...properties.flatMap((p) => [{ [p]: { wrong: true } }, { [p]: 'x'.repeat(300) }, { [p]: -1.5 }, { [p]: [] }]), { unknown: 1 }, [], 'text'];
}

async function settingsSchemas(): Promise<JsonSchema[]> {
  const out: JsonSchema[] = [];
  for (const plugin of await readdir(join(ROOT, 'plugins'))) {
    const text = await readFile(join(ROOT, 'plugins', plugin, 'schemas', 'settings.schema.json'), 'utf8').catch(() => undefined);
    if (text) out.push(JSON.parse(text) as JsonSchema);
  }
  return out;
}

describe('validators kept between starts', () => {
  test("every plugin's settings schema: read back, the same answers as compiled anew", async () => {
    const folder = join(dir, 'settings');
    const schemas = await settingsSchemas();
    expect(schemas.length).toBeGreaterThan(0);
    const fresh = new SchemaRegistry();
    const first = new SchemaRegistry({ keepCompiledIn: folder });
    const compiled = schemas.map((s) => first.compile(s));
    expect(await kept(folder)).toHaveLength(schemas.length);
    // A later start: a registry of its own reads what the first one kept.
    const second = new SchemaRegistry({ keepCompiledIn: folder });
    const read = schemas.map((s) => second.compile(s));
    // ajv's own compile gives a validator its schemaEnv; code read back has none.
    expect(read.every((v) => !('schemaEnv' in v))).toBe(true);
    expect(compiled.every((v) => 'schemaEnv' in v)).toBe(true);
    schemas.forEach((schema, i) => {
      const reference = fresh.compile(schema);
      for (const data of samples(schema)) {
        expect(answer(read[i]!, data)).toBe(answer(reference, data));
        expect(answer(compiled[i]!, data)).toBe(answer(reference, data));
      }
    });
    // Asked twice, the registry answers the validator it has.
    expect(second.compile(schemas[0]!)).toBe(read[0]);
  });

  test('another set of registered schemas, a changed schema or a damaged file: compiled anew', async () => {
    const folder = join(dir, 'changes');
    const schema = { type: 'object', properties: { limit: { type: 'integer', minimum: 1, default: 5 } } };
    new SchemaRegistry({ keepCompiledIn: folder }).compile(schema);
    expect(await kept(folder)).toHaveLength(1);
    const more = new SchemaRegistry({ keepCompiledIn: folder });
    more.add({ $id: 'https://workbench.local/schemas/test-extra', type: 'string' }, 'test');
    expect('schemaEnv' in more.compile(schema)).toBe(true);
    expect('schemaEnv' in new SchemaRegistry({ keepCompiledIn: folder }).compile({ ...schema, required: ['limit'] })).toBe(true);
    expect(await kept(folder)).toHaveLength(3);
    for (const name of await kept(folder)) await writeFile(join(folder, name), 'module.exports = function validate(');
    const again = new SchemaRegistry({ keepCompiledIn: folder }).compile(schema);
    expect('schemaEnv' in again).toBe(true);
    expect(answer(again, { limit: 0 })).toBe(answer(new SchemaRegistry().compile(schema), { limit: 0 }));
    // Written anew: the next start reads it.
    expect('schemaEnv' in new SchemaRegistry({ keepCompiledIn: folder }).compile(schema)).toBe(false);
  });

  test('schemas with an $id, and the coercing variant, are not kept', async () => {
    const folder = join(dir, 'not-kept');
    const registry = new SchemaRegistry({ keepCompiledIn: folder });
    registry.compile({ $id: 'https://workbench.local/schemas/test-own', type: 'object' });
    registry.compile({ type: 'object', properties: { n: { type: 'integer' } } }, { coerce: true });
    expect(await kept(folder)).toHaveLength(0);
  });
});

describe('schemas found valid by an earlier start', () => {
  const good: JsonSchema = { type: 'object', properties: { qty: { type: 'integer', minimum: 1 } } };
  const bad: JsonSchema = { type: 'object', properties: { qty: { type: 'whole number' } } };

  test('a valid schema is recorded once checked, an invalid one never', async () => {
    const folder = join(dir, 'vetted-record');
    const registry = new SchemaRegistry({ keepCompiledIn: folder });
    registry.vet(good);
    expect(() => registry.vet(bad)).toThrow(/schema is invalid/);
    const lines = (await readFile(join(folder, 'vetted.txt'), 'utf8')).split('\n').filter(Boolean);
    const keys = new KeptValidators(folder);
    expect(lines).toContain(keys.key(['vetted', JSON.stringify(good)]));
    expect(lines).not.toContain(keys.key(['vetted', JSON.stringify(bad)]));
  });

  test('a schema recorded as valid is not checked again; without the record it is', async () => {
    const folder = join(dir, 'vetted-skip');
    // Recorded by hand, as only a check could have: the next registry trusts the record.
    new KeptValidators(folder).recordVetted(new KeptValidators(folder).key(['vetted', JSON.stringify(bad)]));
    expect(() => new SchemaRegistry({ keepCompiledIn: folder }).vet(bad)).not.toThrow();
    expect(() => new SchemaRegistry({ keepCompiledIn: join(dir, 'vetted-none') }).vet(bad)).toThrow(/schema is invalid/);
    await writeFile(join(folder, 'vetted.txt'), 'cut sh');
    expect(() => new SchemaRegistry({ keepCompiledIn: folder }).vet(bad)).toThrow(/schema is invalid/);
  });
});
