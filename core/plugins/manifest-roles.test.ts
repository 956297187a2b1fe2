import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { localize } from '../i18n/localized-text.js';
import { SchemaRegistry } from '../schemas/schema-registry.js';
import { loadManifest } from './load-manifest.js';

let root: string;
let count = 0;
const schemas = new SchemaRegistry();

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'manifest-roles-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function plugin(manifest: Record<string, unknown>): Promise<string> {
  const dir = join(root, `p${++count}`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'plugin.yaml'), stringify(manifest));
  return dir;
}

const base = {
  id: 'shop-notes',
  version: '1.0.0',
  engine: '^1.0.0',
  name: { 'zh-CN': '店铺笔记', en: 'Shop notes' },
  permissions: [
    { id: 'shop-notes.read', name: { 'zh-CN': '看笔记', en: 'Read notes' } },
    { id: 'shop-notes.write', name: { 'zh-CN': '写笔记', en: 'Write notes' } },
  ],
};

test('roles gives built-in roles some of the plugin’s own permissions; without it, none', async () => {
  const given = await loadManifest(await plugin({ ...base, roles: { warehouse: ['shop-notes.read'], 'customer-service': ['shop-notes.read', 'shop-notes.write'] } }), schemas);
  expect(given.ok && given.manifest.roles).toEqual({ warehouse: ['shop-notes.read'], 'customer-service': ['shop-notes.read', 'shop-notes.write'] });
  const none = await loadManifest(await plugin(base), schemas);
  expect(none.ok && none.manifest.roles).toEqual({});
});

test('roles names only built-in roles other than the owner, and only the plugin’s own permissions, each problem with its line', async () => {
  const result = await loadManifest(
    await plugin({ ...base, roles: { warehouse: ['shop-notes.read', 'listings.products.edit', 'shop-notes.nothing'], owner: ['shop-notes.read'], cashier: ['shop-notes.read'] } }),
    schemas,
  );
  expect(result.ok).toBe(false);
  if (result.ok) return;
  const zh = localize(result.reason, 'zh-CN');
  const en = localize(result.reason, 'en');
  expect(result.problems?.length).toBe(4);
  expect(en).toContain('listings.products.edit');
  expect(en).toContain('shop-notes.nothing');
  expect(en).toMatch(/owner/);
  expect(en).toMatch(/cashier/);
  expect(zh).toMatch(/[\u4e00-\u9fff]/);
  for (const p of result.problems!) expect(p.line).toBeGreaterThan(1);
});
