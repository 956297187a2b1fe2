// The plugin API's surface (docs/api/plugin-api.md, `npm run api-report`) against the code, and the
// bundled plugins' `engine` ranges against what they use of it.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import ts from 'typescript';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { compareSurfaces, currentSurface, recordedSurface, renderReport, REPORT, type Surface } from '../scripts/plugin-api-report.js';
import { ROOT } from './helpers/server.js';

let current: Surface;
let text: string;

beforeAll(() => {
  current = currentSurface(ROOT);
  text = readFileSync(join(ROOT, REPORT), 'utf8');
}, 120_000);

describe('the API report', () => {
  test('records the surface the code has, at the version core/version.ts says', () => {
    const recorded = recordedSurface(text);
    const change = compareSurfaces(recorded, current);
    const list = [...change.added.map((a) => `added ${a}`), ...change.removed.map((r) => `removed ${r}`), ...change.changed.map((c) => `changed ${c}`)];
    const bump = change.breaking ? 'the major (something was removed or changed)' : 'the minor (additions only)';
    expect(list, `The plugin API changed without a version bump. Raise PLUGIN_API_VERSION in core/version.ts — ${bump} — and run npm run api-report`).toEqual([]);
    expect(recorded.version, 'PLUGIN_API_VERSION changed: run npm run api-report').toBe(current.version);
    expect(renderReport(current, recorded), 'run npm run api-report').toBe(text);
  });

  test('notices an addition, a removal and a changed member, and tells additions from breaking changes', () => {
    const recorded = recordedSurface(text);
    const added = recordedSurface(text.replace(/\/\/ since \S+\nfunction invisibleCharacterIn[^\n]*\n/, ''));
    expect(compareSurfaces(added, current)).toMatchObject({ added: ['@workbench/plugin-api: invisibleCharacterIn'], removed: [], changed: [], breaking: false });
    const gained = recordedSurface(text.replace('  catchUp?: boolean; // since 1.3.0\n', ''));
    expect(compareSurfaces(gained, current)).toMatchObject({ changed: [expect.stringContaining('JobDefinition (+ catchUp?: boolean;)')], breaking: false });
    const retyped = recordedSurface(text.replace('  catchUp?: boolean;', '  catchUp?: string;'));
    expect(compareSurfaces(retyped, current)).toMatchObject({ changed: [expect.stringContaining('- catchUp?: string;; + catchUp?: boolean;')], breaking: true });
    // A trailing optional parameter keeps every earlier call valid; a required one does not.
    const fewer = recordedSurface(text.replace('date(iso: string | null | undefined, options?: DateFormatOptions): string;', 'date(iso: string | null | undefined): string;'));
    expect(compareSurfaces(fewer, current)).toMatchObject({ changed: [expect.stringContaining('I18n')], breaking: false });
    const required = recordedSurface(text.replace('date(iso: string | null | undefined, options?: DateFormatOptions): string;', 'date(iso: string | null | undefined, options: DateFormatOptions, more?: number): string;'));
    expect(compareSurfaces(required, current)).toMatchObject({ breaking: true });
    const extra = recordedSurface(text.replace('```ts\n', '```ts\n// since 1.0.0\nfunction gone(): void\n\n'));
    expect(compareSurfaces(extra, current)).toMatchObject({ removed: ['@workbench/plugin-api: gone'], breaking: true });
    // The since values survive a rewrite; a member new to the code is dated at the current version.
    expect(renderReport(current, recorded)).toContain('shopTime(instant: string | number | Date): string; // since 1.1.0');
    expect(renderReport(current, gained)).toContain(`catchUp?: boolean; // since ${current.version}`);
  });
});

/** A plugin's shipped .ts files (its tests are not loaded by the workbench). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'test' || name === 'node_modules' ? [] : sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** What a plugin uses of the API: imported names per module, and every property name it reads or writes. */
function uses(dir: string): { imports: Map<string, Set<string>>; properties: Set<string> } {
  const imports = new Map<string, Set<string>>();
  const properties = new Set<string>();
  for (const file of sources(dir)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && node.importClause?.namedBindings && ts.isNamedImports(node.importClause.namedBindings)) {
        const names = imports.get(node.moduleSpecifier.text) ?? new Set();
        for (const e of node.importClause.namedBindings.elements) names.add((e.propertyName ?? e.name).text);
        imports.set(node.moduleSpecifier.text, names);
      }
      if (ts.isPropertyAccessExpression(node)) properties.add(node.name.text);
      if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node) || ts.isMethodDeclaration(node)) && ts.isIdentifier(node.name)) properties.add(node.name.text);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { imports, properties };
}

test("each bundled plugin's engine range admits the current API and starts at or above every version it uses", () => {
  const recorded = recordedSurface(text);
  const problems: string[] = [];
  const ids = readdirSync(join(ROOT, 'plugins')).filter((id) => existsSync(join(ROOT, 'plugins', id, 'plugin.yaml')));
  expect(ids).toEqual(expect.arrayContaining(['fulfillment', 'listings']));
  for (const id of ids) {
    const dir = join(ROOT, 'plugins', id);
    const engine = (parse(readFileSync(join(dir, 'plugin.yaml'), 'utf8')) as { engine: string }).engine;
    if (!semver.satisfies(current.version, engine)) problems.push(`${id}: engine ${engine} does not admit the plugin API ${current.version}`);
    const floor = semver.minVersion(engine)!.version;
    const { imports, properties } = uses(dir);
    for (const entry of recorded.entries.values()) {
      if (imports.get(entry.module)?.has(entry.name) && semver.gt(entry.since!, floor)) problems.push(`${id}: imports ${entry.name} from ${entry.module}, added in ${entry.since}, but its engine ${engine} starts at ${floor}`);
      for (const [line, since] of entry.memberSince) {
        const member = /^\s*(?:readonly )?([A-Za-z_$][\w$]*)/.exec(line)?.[1];
        // By name: a plugin naming the member (ctx.shopTime, catchUp: false) is taken to use it.
        if (member && properties.has(member) && semver.gt(since, floor)) problems.push(`${id}: uses ${entry.name}.${member}, added in ${since}, but its engine ${engine} starts at ${floor}`);
      }
    }
  }
  expect(problems).toEqual([]);
});
