// Start-up to `listening on …`: the built workbench with every plugin in plugins/, its compiled
// plugins kept from an earlier start (the usual morning: the PC was restarted, nothing changed),
// against a bare Hono app (bench/bare-hono-server.mjs) started the same way in the same rounds.
// The first, cold start (every plugin bundled, every migration applied) is shown too. Run alone
// with `node bench/startup.mjs` (after a build) or through `npm run bench`.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { ROOT, formatTable, installCleanup, makeTempDir, median, ms, ratio, removeTempDir, startServerProcess } from './lib.mjs';

export const ROUNDS = 5;
export const TARGET = 4;

const WORKBENCH = join(ROOT, 'dist', 'workbench.js');
const BARE = join(ROOT, 'bench', 'bare-hono-server.mjs');

/** Starts `script` and stops it once it listens; answers the milliseconds to `listening`. */
async function timeStart(script, env) {
  const started = performance.now();
  const server = await startServerProcess(script, { env, timeoutMs: 60_000 });
  const took = performance.now() - started;
  const output = server.output();
  await server.stop();
  return { took, output };
}

export async function runStartup({ log = (line) => console.error(line), rounds = ROUNDS } = {}) {
  const dir = await makeTempDir('workbench-bench-startup-');
  try {
    const config = join(dir, 'config.yaml');
    await writeFile(config, stringify({ dataDir: './data', logLevel: 'info' }));
    // The data folder's own cache, as a shop's workbench has it; not a folder shared by tests.
    const env = { WORKBENCH_CONFIG: config, WORKBENCH_PORT: '0', WORKBENCH_DATA_DIR: join(dir, 'data'), WORKBENCH_BUILDS_DIR: '' };
    const cold = await timeStart(WORKBENCH, env);
    const plugins = [...cold.output.matchAll(/plugin running plugin=([\w-]+)/g)].map((m) => m[1]);
    if (plugins.length === 0) throw new Error(`the workbench started with no plugin running:\n${cold.output}`);
    log(`startup: cold start ${ms(cold.took)} ms with ${plugins.join(', ')}`);
    const bare = [];
    const warm = [];
    for (let round = 0; round < rounds; round++) {
      bare.push((await timeStart(BARE, {})).took);
      const again = await timeStart(WORKBENCH, env);
      const running = [...again.output.matchAll(/plugin running plugin=([\w-]+)/g)].map((m) => m[1]);
      if (running.length !== plugins.length) throw new Error(`a warm start ran ${running.join(', ')}, not ${plugins.join(', ')}:\n${again.output}`);
      warm.push(again.took);
      bare.push((await timeStart(BARE, {})).took);
      log(`startup: round ${round + 1}: bare ${ms(bare.at(-2))} / ${ms(bare.at(-1))} ms, workbench ${ms(again.took)} ms`);
    }
    // Each warm start against the mean of the bare starts right before and after it.
    const ratios = warm.map((w, i) => w / ((bare[2 * i] + bare[2 * i + 1]) / 2));
    return [
      ['startup', 'bare Hono app to listening', `${ms(median(bare))} ms`, 'baseline'],
      [
        'startup',
        `workbench, ${plugins.length} plugins, compiled plugins kept`,
        `${ms(median(warm))} ms`,
        `${ratio(median(ratios))} bare Hono (rounds ${ratio(Math.min(...ratios)).slice(0, -1)}–${ratio(Math.max(...ratios))}; target ≤ ${TARGET}×)`,
      ],
      ['startup', `workbench, first start (bundling, migrations)`, `${ms(cold.took)} ms`, `${ratio(cold.took / median(bare))} bare Hono`],
    ];
  } finally {
    removeTempDir(dir);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  installCleanup();
  console.log(formatTable(await runStartup()));
}
