// `npm run bench`: builds dist/ (package.json does that first), then runs every benchmark in turn
// and prints one plain-text line per figure. Progress goes to stderr, the table to stdout.
// Speed is measured, never asserted: a benchmark fails only if its requests or queries fail.
import { cpus, platform, release, totalmem } from 'node:os';
import { runAfterSalesQueue } from './after-sales-queue.mjs';
import { runAttendance } from './attendance.mjs';
import { runAutoReview } from './auto-review.mjs';
import { runCsKpis } from './cs-kpis.mjs';
import { runCsPhrases } from './cs-phrases.mjs';
import { runDb } from './db.mjs';
import { runHttp } from './http.mjs';
import { runOrdersSearch } from './orders-search.mjs';
import { runPricing } from './pricing.mjs';
import { runStartup } from './startup.mjs';
import { runProcurementSuggest } from './procurement-suggest.mjs';
import { runUiSize } from './ui-size.mjs';
import { formatTable, installCleanup } from './lib.mjs';

installCleanup(600_000);

const started = performance.now();
const benchmarks = [
  { name: 'http', run: runHttp, right: [2] },
  { name: 'db', run: runDb, right: [2] },
  { name: 'startup', run: runStartup, right: [2] },
  { name: 'pricing', run: runPricing, right: [2] },
  { name: 'attendance', run: runAttendance, right: [2] },
  { name: 'cs-kpis', run: runCsKpis, right: [2] },
  { name: 'cs-phrases', run: runCsPhrases, right: [2] },
  { name: 'orders', run: runOrdersSearch, right: [2, 3] },
  { name: 'auto-review', run: runAutoReview, right: [2] },
  { name: 'ui', run: runUiSize, right: [2] },
  { name: 'procurement', run: async () => (await runProcurementSuggest()).rows, right: [1, 2] },
  { name: 'after-sales', run: runAfterSalesQueue, right: [2, 3] },
  { name: 'orders-import', run: async (options) => (await import('./orders-import.mjs')).runOrdersImport(options), right: [2, 3] },
];
const sections = [];
let failed = false;
for (const b of benchmarks) {
  const t0 = performance.now();
  console.error(`bench: ${b.name} …`);
  try {
    sections.push(formatTable(await b.run(), b.right));
  } catch (error) {
    failed = true;
    sections.push(`${b.name}  FAILED: ${error instanceof Error ? error.message : String(error)}`);
  }
  console.error(`bench: ${b.name} took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

const cpu = cpus();
console.log(
  `shop workbench benchmarks  ${new Date().toISOString().slice(0, 10)}  node ${process.version}  ${platform()} ${release()}  ` +
    `${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'}  ${Math.round(totalmem() / 2 ** 30)} GiB`,
);
console.log('');
console.log(sections.join('\n\n'));
console.log('');
console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s; ratios are against the baseline measured in this same run (see bench/README.md)`);
process.exitCode = failed ? 1 : 0;
