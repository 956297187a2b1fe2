// English is complete: every string of the shell, every title a plugin contributes (views,
// editors, commands, widgets, importers, printables), every permission, every setting's title,
// help text and choice, the built-in roles, and every step of an order's history has an English
// form beside the Chinese one.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { CORE_PERMISSIONS } from '../core/auth/core-permissions.js';
import { CORE_MIGRATIONS } from '../core/db/core-schema.js';
import { HISTORY_ACTION_NAMES } from '../plugins/fulfillment/shared/history-actions.js';
import { en } from '../ui/i18n/en.js';
import { zhCN } from '../ui/i18n/zh-CN.js';
import { ROOT } from './helpers/server.js';

const PLUGINS = join(ROOT, 'plugins');
const pluginIds = readdirSync(PLUGINS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
type Text = string | Record<string, string> | undefined;

/** `where` for each text that lacks a Chinese or an English form. */
function missing(where: string, text: Text): string[] {
  if (typeof text !== 'object' || text === null) return [`${where}: ${JSON.stringify(text)} (not { zh-CN, en })`];
  return [...(text['zh-CN']?.trim() ? [] : [`${where}: no zh-CN`]), ...(text.en?.trim() ? [] : [`${where}: no en`])];
}

function sourcesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.ts') && !d.name.endsWith('.test.ts'))
    .map((d) => readFileSync(join(d.parentPath, d.name), 'utf8'));
}

describe('English is complete', () => {
  test('the shell: every zh-CN string has an English one and the other way round', () => {
    expect(Object.keys(en).filter((k) => !(k in zhCN))).toEqual([]);
    expect(Object.keys(zhCN).filter((k) => !(k in en))).toEqual([]);
    expect(Object.entries(en).filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([]);
  });

  test('every plugin’s name, permissions and contributed titles', () => {
    const problems: string[] = [];
    for (const id of pluginIds) {
      const manifest = parse(readFileSync(join(PLUGINS, id, 'plugin.yaml'), 'utf8')) as Record<string, any>;
      problems.push(...missing(`${id} name`, manifest.name), ...missing(`${id} description`, manifest.description));
      for (const p of manifest.permissions ?? []) problems.push(...missing(`${id} permission ${p.id}`, p.name));
      for (const [point, items] of Object.entries((manifest.contributes ?? {}) as Record<string, unknown>)) {
        if (Array.isArray(items)) for (const c of items as { id: string; title?: Text }[]) problems.push(...missing(`${id} ${point} ${c.id}`, c.title));
      }
    }
    expect(problems).toEqual([]);
  });

  test('every setting’s title, help text and labelled choice', () => {
    const problems: string[] = [];
    const walk = (plugin: string, path: string, s: Record<string, any>): void => {
      if (path) problems.push(...missing(`${plugin} ${path} x-title`, s['x-title']));
      if ('description' in s) problems.push(`${plugin} ${path}: description in one language; use x-description { zh-CN, en }`);
      if (s['x-description']) problems.push(...missing(`${plugin} ${path} x-description`, s['x-description']));
      for (const [value, label] of Object.entries((s['x-labels'] ?? s.items?.['x-labels'] ?? {}) as Record<string, Text>)) problems.push(...missing(`${plugin} ${path} = ${value}`, label));
      for (const [key, child] of Object.entries((s.properties ?? {}) as Record<string, any>)) walk(plugin, `${path}/${key}`, child);
      if (s.items?.properties) for (const [key, child] of Object.entries(s.items.properties as Record<string, any>)) walk(plugin, `${path}/*/${key}`, child);
    };
    for (const id of pluginIds) {
      const file = join(PLUGINS, id, 'schemas', 'settings.schema.json');
      let schema: Record<string, any>;
      try {
        schema = JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        continue;
      }
      problems.push(...missing(`${id} settings`, schema['x-title']));
      walk(id, '', schema);
    }
    expect(problems).toEqual([]);
  });

  test('the core’s permissions and built-in roles', () => {
    expect(CORE_PERMISSIONS.flatMap((p) => missing(p.id, p.name as Text))).toEqual([]);
    const roles = [...CORE_MIGRATIONS.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join('\n').matchAll(/\('([a-z-]+)', '(\{[^']*\})'/g)];
    expect(roles.length).toBeGreaterThanOrEqual(6);
    expect(roles.flatMap(([, id, name]) => missing(`role ${id}`, JSON.parse(name!.replace(/\\"/g, '"')) as Text))).toEqual([]);
  });

  test('every step an order’s history records has a name in words', () => {
    const written = new Set<string>();
    for (const source of sourcesOf(join(PLUGINS, 'fulfillment', 'server'))) {
      // History steps are one word or hyphenated (`auto-review`); the audit's actions have spaces.
      for (const m of source.matchAll(/action: '([a-z]+(?:-[a-z]+)*)'/g)) written.add(m[1]!);
      for (const m of source.matchAll(/history\.push\(\[[^,]+, '([a-z-]+)'/g)) written.add(m[1]!);
    }
    expect(written.size).toBeGreaterThan(10);
    expect([...written].filter((a) => !HISTORY_ACTION_NAMES[a])).toEqual([]);
  });
});
