import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { localize } from '../i18n/localized-text.js';
import { SchemaRegistry } from '../schemas/schema-registry.js';
import { PLUGIN_API_VERSION } from '../version.js';
import { loadManifest, type ManifestResult } from './load-manifest.js';

let root: string;
let count = 0;
const schemas = new SchemaRegistry();

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'load-manifest-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes a plugin folder with the given plugin.yaml (object or raw text) and extra files. */
async function plugin(manifest: Record<string, unknown> | string, files: Record<string, string> = {}): Promise<string> {
  const dir = join(root, `p${++count}`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'plugin.yaml'), typeof manifest === 'string' ? manifest : stringify(manifest));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  return dir;
}

const base = { id: 'shop-notes', version: '1.0.0', engine: '^1.0.0', name: { 'zh-CN': '店铺笔记', en: 'Shop notes' } };

function failure(result: ManifestResult) {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('expected a failure');
  return { ...result, zh: localize(result.reason, 'zh-CN'), en: localize(result.reason, 'en') };
}

describe('loadManifest', () => {
  test('a minimal valid manifest gets every default filled in', async () => {
    const result = await loadManifest(await plugin(base), schemas);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.manifest).toMatchObject(base);
    expect(result.manifest.main).toBe('server/index.ts');
    expect(result.manifest.requires).toEqual([]);
    expect(result.manifest.optional).toEqual([]);
    expect(result.manifest.provides).toEqual([]);
    expect(result.manifest.permissions).toEqual([]);
    expect(result.manifest.contributes).toEqual({ views: [], editors: [], commands: [], widgets: [], status: [], importers: [], printables: [] });
    expect(result.settingsSchema).toBeUndefined();
  });

  test('a full manifest keeps what it declares, and its settings schema is read', async () => {
    const settings = { type: 'object', properties: { limit: { type: 'integer', default: 5 } } };
    const dir = await plugin(
      {
        ...base,
        main: 'server/main.ts',
        requires: ['listings'],
        optional: ['inventory'],
        provides: ['notes'],
        permissions: [{ id: 'shop-notes.read', name: '查看' }],
        settings: 'settings.json',
        contributes: {
          views: [{ id: 'list', title: '笔记', element: 'wb-notes-list', permission: 'shop-notes.read' }],
          commands: [{ id: 'shop-notes.add', title: '新建', keybinding: 'ctrl+alt+n' }],
        },
      },
      { 'settings.json': JSON.stringify(settings) },
    );
    const result = await loadManifest(dir, schemas);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.manifest.main).toBe('server/main.ts');
    expect(result.manifest.requires).toEqual(['listings']);
    expect(result.manifest.contributes.views).toHaveLength(1);
    expect(result.manifest.contributes.commands[0]!.keybinding).toBe('ctrl+alt+n');
    expect(result.manifest.contributes.editors).toEqual([]);
    expect(result.settingsSchema).toEqual(settings);
  });

  test('an engine range that excludes this core fails, naming both versions', async () => {
    const f = failure(await loadManifest(await plugin({ ...base, engine: '^2.0.0' }), schemas));
    expect(f.en).toContain('^2.0.0');
    expect(f.en).toContain(PLUGIN_API_VERSION);
    expect(f.zh).toContain('^2.0.0');
    // Name, version and id still come through, so the plugin list can show what failed.
    expect(f.id).toBe('shop-notes');
    expect(f.version).toBe('1.0.0');
    expect(f.name).toEqual(base.name);
  });

  test('an engine that is not a version range fails and says so', async () => {
    const f = failure(await loadManifest(await plugin({ ...base, engine: 'latest' }), schemas));
    expect(f.en).toMatch(/"latest" is not a valid version range/);
  });

  test('a permission outside the plugin namespace fails', async () => {
    const f = failure(await loadManifest(await plugin({ ...base, permissions: [{ id: 'core.users.manage', name: '偷权限' }] }), schemas));
    expect(f.en).toContain('core.users.manage');
    expect(f.en).toContain('"shop-notes."');
    expect(f.zh).toContain('core.users.manage');
  });

  test('a permission that only shares the first letters of the id is still outside it', async () => {
    const f = failure(await loadManifest(await plugin({ ...base, permissions: [{ id: 'shop-notesx.read', name: '查看' }] }), schemas));
    expect(f.en).toContain('shop-notesx.read');
  });

  test('a command outside the plugin namespace fails', async () => {
    const f = failure(await loadManifest(await plugin({ ...base, contributes: { commands: [{ id: 'other.open', title: '打开' }] } }), schemas));
    expect(f.en).toContain('other.open');
  });

  test('a contribution that uses an undeclared permission fails, naming both', async () => {
    const dir = await plugin({
      ...base,
      permissions: [{ id: 'shop-notes.read', name: '查看' }],
      contributes: { printables: [{ id: 'sheet', title: '打印', permission: 'shop-notes.print' }] },
    });
    const f = failure(await loadManifest(dir, schemas));
    expect(f.en).toContain('sheet');
    expect(f.en).toContain('shop-notes.print');
    expect(f.en).toMatch(/does not declare/);
  });

  test('a contribution may not borrow another plugin’s permission either', async () => {
    const dir = await plugin({ ...base, contributes: { views: [{ id: 'v', title: 'V', element: 'wb-x-v', permission: 'core.users.manage' }] } });
    const f = failure(await loadManifest(dir, schemas));
    expect(f.en).toContain('core.users.manage');
  });

  test('schema violations name the field, in both languages', async () => {
    const f = failure(await loadManifest(await plugin({ ...base, version: 'one', colour: 'blue' }), schemas));
    expect(f.en).toContain('/version');
    expect(f.en).toContain('colour');
    expect(f.zh).toContain('colour');
    expect(f.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(f.id).toBe('shop-notes');
    expect(f.version).toBe('one');
  });

  test('a missing required field is named', async () => {
    const { engine: _, ...noEngine } = base;
    const f = failure(await loadManifest(await plugin(noEngine), schemas));
    expect(f.en).toContain('/engine');
  });

  test('reserved ids are refused', async () => {
    const f = failure(await loadManifest(await plugin({ ...base, id: 'auth' }), schemas));
    expect(f.en).toContain('/id');
  });

  test('a plugin cannot depend on itself', async () => {
    const f = failure(await loadManifest(await plugin({ ...base, optional: ['shop-notes'] }), schemas));
    expect(f.en).toMatch(/itself/);
  });

  test('YAML syntax errors are reported as such', async () => {
    const f = failure(await loadManifest(await plugin('id: shop-notes\nname: [unclosed\n'), schemas));
    expect(f.en).toMatch(/YAML syntax error/);
  });

  test('a folder without plugin.yaml fails without throwing', async () => {
    const dir = join(root, 'empty');
    await mkdir(dir, { recursive: true });
    const f = failure(await loadManifest(dir, schemas));
    expect(f.en).toMatch(/cannot read plugin\.yaml/);
  });

  test('a settings schema that is missing or not a schema fails, naming the file', async () => {
    const missing = failure(await loadManifest(await plugin({ ...base, settings: 'nope.json' }), schemas));
    expect(missing.en).toContain('nope.json');
    const broken = failure(await loadManifest(await plugin({ ...base, settings: 's.json' }, { 's.json': '{"type": 12}' }), schemas));
    expect(broken.en).toContain('s.json');
  });

  describe('all problems at once, each with its file and line', () => {
    test('schema errors and the engine together, on their lines', async () => {
      const text = ['id: shop-notes', 'version: one', 'engine: ^2.0.0', 'name: { zh-CN: 店铺笔记, en: Shop notes }', 'colour: blue', ''].join('\n');
      const f = failure(await loadManifest(await plugin(text), schemas));
      expect(f.problems?.map((p) => `${p.file}:${p.line}`).sort()).toEqual(['plugin.yaml:2', 'plugin.yaml:3', 'plugin.yaml:5']);
      expect(f.en).toMatch(/^3 problems: /);
      expect(f.en).toContain('plugin.yaml:2:10 /version');
      expect(f.en).toContain('plugin.yaml:3:9 the plugin needs plugin API ^2.0.0');
      expect(f.zh).toContain('plugin.yaml:5:');
      expect(f.zh).toContain('colour');
    });

    test('every id outside the namespace and every undeclared permission is listed', async () => {
      const text = [
        'id: shop-notes',
        'version: 1.0.0',
        'engine: ^1.0.0',
        'name: { zh-CN: 店铺笔记 }',
        'permissions:',
        '  - { id: shop-notes.read, name: 读 }',
        '  - { id: core.users.manage, name: 借 }',
        'contributes:',
        '  commands:',
        '    - { id: other.open, title: 打开 }',
        '    - { id: shop-notes.print, title: 打印, permission: shop-notes.print }',
        '',
      ].join('\n');
      const f = failure(await loadManifest(await plugin(text), schemas));
      expect(f.problems?.map((p) => p.line)).toEqual([7, 10, 11]);
      expect(f.en).toContain('plugin.yaml:7:11 permission core.users.manage must start with "shop-notes."');
      expect(f.en).toContain('plugin.yaml:10:13 command other.open');
      expect(f.en).toContain('plugin.yaml:11:') ;
      expect(f.en).toContain('shop-notes.print, which permissions does not declare');
    });

    test('a settings schema with a syntax error is named with its line, beside the manifest problems', async () => {
      const dir = await plugin({ ...base, version: 'x', settings: 'schemas/s.json' }, { 'schemas/s.json': '{\n  "type": "object",\n  properties: {}\n}\n' });
      const f = failure(await loadManifest(dir, schemas));
      expect(f.problems?.map((p) => `${p.file}:${p.line}`)).toEqual(['plugin.yaml:2', 'schemas/s.json:3']);
    });

    test('YAML syntax errors are all listed with their lines', async () => {
      const f = failure(await loadManifest(await plugin('id: shop-notes\nname: [unclosed\nversion: "1.0.0\n'), schemas));
      expect(f.problems!.length).toBeGreaterThanOrEqual(1);
      expect(f.en).toMatch(/plugin\.yaml:\d+:\d+ YAML syntax error/);
    });
  });
});
