// Refreshes the README's screenshots: runs the browser tests that take them (into
// test-results/screenshots), then copies the ones the README shows into docs/screenshots.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const shots = join('test-results', 'screenshots');
const tests = [
  'test/browser/shell.test.ts',
  'test/browser/listings.test.ts',
  'test/browser/listings-panels.test.ts',
  'test/browser/fulfillment-orders.test.ts',
  'test/browser/fulfillment-stations.test.ts',
  'test/browser/fulfillment-warehouse.test.ts',
  'test/browser/shop-day.test.ts',
];
execFileSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...tests], { stdio: 'inherit' });

const shown = [...readFileSync('README.md', 'utf8').matchAll(/docs\/screenshots\/([\w-]+\.png)/g)].map((m) => m[1]);
for (const name of new Set(shown)) {
  // The fulfillment tests write theirs straight into test-results/.
  const from = existsSync(join(shots, name)) ? join(shots, name) : join('test-results', name);
  copyFileSync(from, join('docs', 'screenshots', name));
  console.log(`docs/screenshots/${name}`);
}
