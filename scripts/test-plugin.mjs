// Runs the tests of a plugin folder anywhere on disk with this workbench's vitest and test kit:
//   npm run test-plugin -- <plugin folder> [vitest filters…]
// The folder needs nothing installed: `vitest`, `@workbench/plugin-api` and
// `@workbench/plugin-api/testing` are resolved to this workbench.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startVitest } from 'vitest/node';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [given, ...filters] = process.argv.slice(2);
if (!given || given.startsWith('-')) {
  console.error('usage: npm run test-plugin -- <plugin folder> [test file filters…]');
  process.exit(2);
}
// npm runs scripts in the workbench folder; INIT_CWD is where `npm run` was typed.
const folder = resolve(process.env.INIT_CWD ?? process.cwd(), given);
if (!existsSync(join(folder, 'plugin.yaml'))) {
  console.error(`${folder} has no plugin.yaml: give the folder of one plugin`);
  process.exit(2);
}

const require = createRequire(import.meta.url);
const vitestEntry = join(dirname(require.resolve('vitest/package.json')), 'dist', 'index.js');
const ctx = await startVitest(
  'test',
  filters,
  { root: folder, config: false, run: true, watch: false },
  {
    resolve: {
      alias: [
        { find: /^@workbench\/plugin-api\/testing$/, replacement: join(ROOT, 'core', 'testing', 'index.ts') },
        { find: /^@workbench\/plugin-api$/, replacement: join(ROOT, 'core', 'plugin-api.ts') },
        // The plugin folder has no node_modules of its own.
        { find: /^vitest$/, replacement: vitestEntry },
      ],
    },
    test: {
      include: ['test/**/*.test.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      pool: 'forks',
      // The plugins a test host compiles are bundles already: Node imports them as they are.
      server: { deps: { external: [/[\\/]cache[\\/]plugins[\\/][^\\/]+\.mjs$/] } },
    },
  },
);
if (!ctx.shouldKeepServer()) await ctx.exit();
