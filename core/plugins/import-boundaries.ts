import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * The import rules between the workbench's layers, in one place: ESLint's `workbench/import-boundaries`
 * rule applies them to the repository, and the start-up compile of a plugin applies them to what the
 * plugin imports, so both refuse with the same words.
 */

/** A provider's published service types, imported by consumers with `import type` only. */
export const CONTRACTS_PREFIX = '@workbench/contracts/';
export const PLUGIN_API = '@workbench/plugin-api';
export const UI_KIT = '@workbench/ui';
/** The plugin test kit: for a plugin's tests only. */
export const TEST_KIT = '@workbench/plugin-api/testing';

/** The file doing the importing, as far as the rules care. */
export type Importer =
  | { layer: 'core'; repoRoot: string; test: boolean }
  | { layer: 'ui'; repoRoot: string }
  /** `part` is the first folder inside the plugin (`server`, `ui`, `shared`, `test`…) or a top-level file's name. */
  | { layer: 'plugin'; pluginRoot: string; part: string; repoRoot?: string };

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** A plugin's file: which plugin folder it is in and which part of it. */
export function pluginImporter(pluginRoot: string, file: string, repoRoot?: string): Importer {
  const part = relative(pluginRoot, file).split(sep)[0] ?? '';
  return { layer: 'plugin', pluginRoot, part, repoRoot };
}

/**
 * Where a repository file sits: core/, ui/, a plugin (plugins/<id>/ or a fixture plugin under
 * test/fixtures/plugins/<id>/), or elsewhere (tests, scripts, benchmarks: no rule).
 */
export function importerOf(repoRoot: string, file: string): Importer | undefined {
  const parts = relative(repoRoot, file).split(sep);
  if (parts[0] === 'core') return { layer: 'core', repoRoot, test: file.endsWith('.test.ts') };
  if (parts[0] === 'ui') return { layer: 'ui', repoRoot };
  if (parts[0] === 'plugins' && parts.length >= 3) return pluginImporter(join(repoRoot, 'plugins', parts[1]!), file, repoRoot);
  if (parts[0] === 'test' && parts[1] === 'fixtures' && parts[2] === 'plugins' && parts.length >= 5) {
    return pluginImporter(join(repoRoot, 'test', 'fixtures', 'plugins', parts[3]!), file, repoRoot);
  }
  return undefined;
}

const relativeOrAbsolute = (specifier: string) => specifier.startsWith('.') || specifier.startsWith('/') || isAbsolute(specifier);

/** What a plugin part may import, as its refusals say it. */
function pluginAllows(part: string): string {
  if (part === 'ui') return `a plugin's ui/ code may import only ${UI_KIT}, service contracts (import type from ${CONTRACTS_PREFIX}<plugin>), packages and files in its own folder`;
  if (part === 'test') return `a plugin's tests may import only ${PLUGIN_API}, ${TEST_KIT}, service contracts (import type from ${CONTRACTS_PREFIX}<plugin>), test/helpers/, packages and files in its own folder`;
  return `a plugin's server code may import only ${PLUGIN_API}, service contracts (import type from ${CONTRACTS_PREFIX}<plugin>), packages and files in its own folder`;
}

export const CORE_ALLOWS = 'core may import only core/, schemas/ and packages, never a plugin, ui/ or @workbench/…';
export const UI_ALLOWS = 'ui/ may import only ui/, schemas/ and packages, never core/, a plugin or the plugin API';
export const CONTRACT_TYPES_ONLY = `a service contract has types only: write import type { … } from '${CONTRACTS_PREFIX}<plugin>' (the service itself comes from ctx.services)`;

/**
 * Why `file` may not import `specifier`, or undefined when it may. `typeOnly` is true for
 * `import type`/`export type` and type positions (`import('…').T`), which leave nothing at run time.
 */
export function importProblem(importer: Importer, file: string, specifier: string, typeOnly: boolean): string | undefined {
  const target = relativeOrAbsolute(specifier) ? resolve(file, '..', specifier) : undefined;
  const refuse = (allows: string) => `"${specifier}": ${allows}`;
  if (importer.layer === 'core') {
    const root = importer.repoRoot;
    if (specifier.startsWith('@workbench/')) return refuse(CORE_ALLOWS);
    if (target === undefined) return undefined;
    const ok = inside(join(root, 'core'), target) || inside(join(root, 'schemas'), target) || (importer.test && inside(join(root, 'test', 'helpers'), target));
    return ok ? undefined : refuse(CORE_ALLOWS);
  }
  if (importer.layer === 'ui') {
    const root = importer.repoRoot;
    if (specifier.startsWith('@workbench/')) return refuse(UI_ALLOWS);
    if (target === undefined) return undefined;
    return inside(join(root, 'ui'), target) || inside(join(root, 'schemas'), target) ? undefined : refuse(UI_ALLOWS);
  }
  const allows = pluginAllows(importer.part);
  if (specifier.startsWith(CONTRACTS_PREFIX)) return typeOnly ? undefined : refuse(CONTRACT_TYPES_ONLY);
  if (importer.part === 'test' && specifier === TEST_KIT) return undefined;
  if (specifier.startsWith('@workbench/')) return specifier === (importer.part === 'ui' ? UI_KIT : PLUGIN_API) ? undefined : refuse(allows);
  if (target === undefined) return undefined;
  if (inside(importer.pluginRoot, target)) return undefined;
  if (importer.part === 'test' && importer.repoRoot !== undefined && inside(join(importer.repoRoot, 'test', 'helpers'), target)) return undefined;
  return refuse(allows);
}
