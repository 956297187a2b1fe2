import { build, type Plugin } from 'esbuild';
import { buildOnce } from './build-cache.js';
import { compileError, importBoundaries } from './compile-plugin.js';

/** Where the shell serves the one copy of Lit, @lit/context and the UI kit. */
export const KIT_URL = '/ui/kit.js';

/**
 * What a plugin's UI may import. All of it resolves to the shell's own `kit.js`, so every plugin
 * shares one Lit (one custom-element registry, one context protocol) and nothing is downloaded
 * twice. Anything else a plugin imports is bundled into its module.
 */
const SHARED = new Set([
  'lit',
  'lit/decorators.js',
  'lit/directives/class-map.js',
  'lit/directives/style-map.js',
  'lit/directives/repeat.js',
  'lit/directives/if-defined.js',
  'lit/directives/live.js',
  'lit/directives/when.js',
  'lit/directives/until.js',
  '@lit/context',
  '@workbench/ui',
]);

const shareKit: Plugin = {
  name: 'workbench-ui-kit',
  setup(b) {
    b.onResolve({ filter: /^(lit|lit-html|lit-element|@lit\/.*|@workbench\/.*)(\/.*)?$/ }, (args) => {
      if (SHARED.has(args.path)) return { path: KIT_URL, external: true };
      return {
        errors: [
          {
            text: `"${args.path}" is not shared with plugin UI modules; import from one of: ${[...SHARED].join(', ')}`,
          },
        ],
      };
    });
  },
};

export interface PluginUiModule {
  code: string;
  /** Changes whenever the code does; part of the module's URL so browsers may cache it for good. */
  hash: string;
}

/** Compiles a plugin's `ui/index.ts` (and what it imports) into one browser ES module. */
export async function compilePluginUi(entry: string, pluginDir: string, buildsDir?: string): Promise<PluginUiModule> {
  try {
    return await buildOnce(`ui ${entry}`, pluginDir, async () => {
      const result = await build({
        entryPoints: [entry],
        absWorkingDir: pluginDir,
        bundle: true,
        write: false,
        metafile: true,
        outfile: 'ui.js',
        platform: 'browser',
        format: 'esm',
        target: 'es2022',
        minify: true,
        sourcemap: 'inline',
        logLevel: 'silent',
        plugins: [importBoundaries(pluginDir), shareKit],
        tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
      });
      return { code: result.outputFiles[0]!.text, metafile: result.metafile };
    }, buildsDir);
  } catch (error) {
    throw compileError(error);
  }
}
