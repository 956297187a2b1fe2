import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, isAbsolute, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import * as pluginApi from '../plugin-api.js';
import type { PluginModule } from './context.js';
import { buildOnce, type Built } from './build-cache.js';
import { importProblem, pluginImporter } from './import-boundaries.js';

const API_SPECIFIER = '@workbench/plugin-api';
const API_GLOBAL = Symbol.for('shop-workbench.plugin-api');

/**
 * Plugins import `@workbench/plugin-api`. They are compiled separately from the core, so instead
 * of bundling a second copy of the API (whose error classes would then not be the core's), the
 * import is bound to the one live copy the core puts on a global symbol.
 */
const apiBinding: Plugin = {
  name: 'workbench-plugin-api',
  setup(b) {
    b.onResolve({ filter: /^@workbench\/plugin-api$/ }, () => ({ path: API_SPECIFIER, namespace: 'workbench' }));
    b.onLoad({ filter: /.*/, namespace: 'workbench' }, () => ({
      loader: 'js',
      contents:
        `const api = globalThis[Symbol.for('shop-workbench.plugin-api')];\n` +
        Object.keys(pluginApi)
          .map((name) => `export const ${name} = api.${name};`)
          .join('\n'),
    }));
  },
};

/**
 * Refuses what a plugin may not import (core internals, another plugin's files, `@workbench/…`
 * other than its API) with the words `npm run lint` uses. Type-only imports never get here:
 * esbuild erases them, which is why a contract may be imported only with `import type`.
 */
export function importBoundaries(pluginDir: string): Plugin {
  return {
    name: 'workbench-import-boundaries',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point' || args.namespace !== 'file') return undefined;
        // A package's own files (under some node_modules) import what they like.
        const rel = relative(pluginDir, args.importer);
        if (rel.startsWith('..') || isAbsolute(rel) || rel.split(/[\\/]/).includes('node_modules')) return undefined;
        const problem = importProblem(pluginImporter(pluginDir, args.importer), args.importer, args.path, false);
        return problem === undefined ? undefined : { errors: [{ text: problem }] };
      });
    },
  };
}

export class PluginCompileError extends Error {}

/** esbuild's first message, with file:line:column, as the reason a plugin failed. */
export function compileError(error: unknown): PluginCompileError {
  const errors = (error as { errors?: { text: string; location?: { file: string; line: number; column: number } | null }[] }).errors;
  const first = errors?.[0];
  const where = first?.location ? `${first.location.file}:${first.location.line}:${first.location.column} ` : '';
  return new PluginCompileError(first ? `${where}${first.text}` : String(error));
}

/**
 * Compiles a plugin's TypeScript entry (and everything it imports) with esbuild into one ES module
 * in `cacheDir`, then imports it; unchanged files reuse the bundle kept in `buildsDir` (see
 * build-cache.ts). A third party can therefore drop a TypeScript plugin folder in
 * place without a build step of its own.
 */
export async function loadPluginModule(entry: string, pluginDir: string, cacheDir: string, id: string, buildsDir?: string): Promise<PluginModule> {
  return importPluginModule(await writePluginModule(entry, pluginDir, cacheDir, id, buildsDir), entry);
}

/**
 * The first half of `loadPluginModule`: the bundle built (or found kept) and written to
 * `cacheDir`; answers its file. Only files are touched, so it may run while other plugins start.
 */
export async function writePluginModule(entry: string, pluginDir: string, cacheDir: string, id: string, buildsDir?: string): Promise<string> {
  let built: Built;
  try {
    // The source map's paths are relative to cacheDir: a bundle is the same only from the same place.
    built = await buildOnce(`server ${entry} ${relative(cacheDir, pluginDir)}`, pluginDir, async () => {
      const result = await build({
        entryPoints: [entry],
        // Not written (write: false); it only anchors the source map's relative paths to cacheDir.
        outfile: join(cacheDir, `${id}.mjs`),
        metafile: true,
        absWorkingDir: pluginDir,
        bundle: true,
        write: false,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        sourcemap: 'inline',
        // A stack trace needs the mappings, not the sources: without them the map Node reads at
        // each start is a fraction of the size (the files are on disk beside it anyway).
        sourcesContent: false,
        logLevel: 'silent',
        plugins: [importBoundaries(pluginDir), apiBinding],
        banner: { js: "import { createRequire as __wbRequire } from 'node:module'; const require = __wbRequire(import.meta.url);" },
      });
      return { code: result.outputFiles[0]!.text, metafile: result.metafile };
    }, buildsDir);
  } catch (error) {
    throw compileError(error);
  }
  await mkdir(cacheDir, { recursive: true });
  const file = join(cacheDir, `${id}.${built.hash}.mjs`);
  // Named by its content: files of that name hold this code already. The map is written last.
  if (!existsSync(`${file}.map`)) {
    const { code, map } = withMapBeside(built.code, basename(file));
    await writeFile(file, code);
    if (map !== undefined) await writeFile(`${file}.map`, map);
  }
  // Each change to a plugin's code gives a new file name; earlier builds would otherwise pile up.
  for (const name of await readdir(cacheDir)) {
    if (name.startsWith(`${id}.`) && /^[0-9a-f]{12}\.mjs(\.map)?$/.test(name.slice(id.length + 1)) && !name.startsWith(basename(file))) {
      await rm(join(cacheDir, name), { force: true });
    }
  }
  return file;
}

const INLINE_MAP = '//# sourceMappingURL=data:application/json;base64,';

/**
 * The bundle's inline source map moved to a file of its own beside it (`<name>.map`). With source
 * maps on, Node scans every character of a module it loads and decodes an inline map from base64,
 * which for the six plugins (whose maps are as large as their code) took some 0.05 s of a start.
 */
export function withMapBeside(code: string, name: string): { code: string; map?: string } {
  const at = code.lastIndexOf(INLINE_MAP);
  if (at < 0) return { code };
  const map = Buffer.from(code.slice(at + INLINE_MAP.length).trim(), 'base64').toString('utf8');
  return { code: `${code.slice(0, at)}//# sourceMappingURL=${encodeURIComponent(name)}.map\n`, map };
}

/** The second half of `loadPluginModule`: imports the module written by `writePluginModule`. */
export async function importPluginModule(file: string, entry: string): Promise<PluginModule> {
  (globalThis as Record<symbol, unknown>)[API_GLOBAL] = pluginApi;
  // Stack traces then name the plugin's TypeScript files and lines (from the source map beside it),
  // not the bundle in the cache, even when node was started without --enable-source-maps.
  process.setSourceMapsEnabled(true);
  const mod = (await import(pathToFileURL(file).href)) as Partial<PluginModule>;
  if (typeof mod.activate !== 'function') {
    throw new PluginCompileError(`${entry} does not export a function activate(ctx)`);
  }
  return mod as PluginModule;
}
