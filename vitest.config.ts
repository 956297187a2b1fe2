import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'plugins/**/*.test.ts', 'ui/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most of a test's time is spent waiting on a workbench child process (start-up, scrypt, HTTP),
    // so more files than cores run at once; on 2 cores vitest would otherwise run one at a time.
    maxWorkers: 3,
  },
});
