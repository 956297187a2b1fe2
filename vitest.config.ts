import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // As tsconfig's paths: unit tests may load plugin modules that import the plugin API or the UI kit.
  resolve: {
    alias: {
      // Before the API itself, which would otherwise take `@workbench/plugin-api/testing` as a path inside it.
      '@workbench/plugin-api/testing': fileURLToPath(new URL('./core/testing/index.ts', import.meta.url)),
      '@workbench/plugin-api': fileURLToPath(new URL('./core/plugin-api.ts', import.meta.url)),
      '@workbench/ui': fileURLToPath(new URL('./ui/kit/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['core/**/*.test.ts', 'plugins/**/*.test.ts', 'ui/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    // Plugins compiled by a test host (the plugin test kit) are bundles already: Node imports them
    // as they are. Passed through Vite they would be transformed again, seconds per plugin.
    server: { deps: { external: [/[\\/]cache[\\/]plugins[\\/][^\\/]+\.mjs$/] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files in one worker share its module cache: the core and the kit load once per worker,
    // not once per file. Tests keep no state in modules that a later file could see (a start resets it).
    isolate: false,
    // Most of a test's time is spent waiting on a workbench child process (start-up, scrypt, HTTP),
    // so more files than cores run at once; on 2 cores vitest would otherwise run one at a time.
    maxWorkers: 3,
  },
});
