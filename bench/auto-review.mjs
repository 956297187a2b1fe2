// 自动审单 of a working day's waiting orders (POST /api/fulfillment/orders/auto-review, filter
// status=pending) in a shop of 20,000 orders, built as bench/orders-search.mjs builds its shop.
// Timed over a few rounds; between rounds the waiting orders are put back as they were (state,
// reservations, history) straight in the database, so every round reviews the same orders.
// Run alone with `node bench/auto-review.mjs` (after a build) or through `npm run bench`.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { call, formatTable, installCleanup, int, makeTempDir, median, removeTempDir } from './lib.mjs';
import { OWNER, fillShop, prepareShop, startWorkbench } from './orders-search.mjs';
import { exec, get, open } from './raw-sqlite.mjs';

export const ORDERS = 20_000;
export const PENDING = 5_000;
export const ROUNDS = 3;

/**
 * CPU seconds the workbench has used so far, the whole process and its main thread (user +
 * system, from /proc; undefined elsewhere). Wall time swings with whatever else the machine runs;
 * CPU a round much less, and the main thread's share tells JavaScript from SQLite's thread pool.
 */
function cpuSeconds(pid) {
  const read = (path) => {
    // utime and stime, fields 14 and 15 of stat(5), in clock ticks (100 a second on Linux).
    const fields = readFileSync(path, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  };
  try {
    return { all: read(`/proc/${pid}/stat`), main: read(`/proc/${pid}/task/${pid}/stat`) };
  } catch {
    return undefined;
  }
}


/**
 * Runs the auto-review benchmark and answers table rows. The smoke test in `npm test` passes a
 * small shop (`orders`, `pending`) and one round.
 */
export async function runAutoReview({ log = (line) => console.error(line), orders = ORDERS, pending = PENDING, rounds = ROUNDS, nodeArgs = [] } = {}) {
  const dir = await makeTempDir('workbench-bench-review-');
  let wb;
  let db;
  try {
    const skus = await prepareShop(dir);
    const file = join(dir, 'data', 'workbench.db');
    await fillShop(file, skus, { orders, pending });
    db = await open(file);
    const { mark } = await get(db, 'SELECT COALESCE(MAX(id), 0) AS mark FROM fulfillment_order_history');
    // The waiting orders are the first `pending` ids (bench/orders-search.mjs fills them so).
    const reset = `BEGIN;
      UPDATE fulfillment_orders SET status = 'pending', exceptions = '[]', reviewed_by = NULL, reviewed_by_name = NULL, reviewed_at = NULL WHERE id <= ${pending};
      DELETE FROM fulfillment_reservations WHERE order_id <= ${pending};
      DELETE FROM fulfillment_order_history WHERE id > ${mark};
      COMMIT`;
    // `nodeArgs` for the measured start, e.g. `['--cpu-prof', '--cpu-prof-dir=/tmp/prof']` for a profile.
    wb = await startWorkbench(dir, nodeArgs);
    const login = await call(wb.url, '/api/auth/login', { method: 'POST', body: { username: OWNER.username, password: OWNER.password } });
    const cookie = (login.res.headers.get('set-cookie') ?? '').split(';')[0];
    const took = [];
    const cpu = [];
    let answer;
    for (let round = 0; round < rounds; round++) {
      if (round > 0) await exec(db, reset);
      const c0 = cpuSeconds(wb.pid);
      const t0 = performance.now();
      const reviewed = await call(wb.url, '/api/fulfillment/orders/auto-review', { method: 'POST', cookie, body: { filter: { status: 'pending' } } });
      took.push((performance.now() - t0) / 1000);
      const c1 = cpuSeconds(wb.pid);
      if (c0 && c1) cpu.push({ all: c1.all - c0.all, main: c1.main - c0.main });
      const { approved, exceptions, results } = reviewed.body;
      // A guard, not a speed figure: every waiting order is reviewed, the same way every round —
      // the whole answer (each order's outcome and reasons, in queue order), not only the counts.
      // The digest is logged so that two versions of the code can be compared on the same shop.
      const digest = createHash('sha256').update(JSON.stringify(results)).digest('hex').slice(0, 16);
      if (approved + exceptions !== pending) throw new Error(`auto-review answered ${approved} approved and ${exceptions} exceptions for ${pending} waiting orders`);
      if (answer && answer.digest !== digest) throw new Error(`round ${round + 1} answered ${approved}/${exceptions} (answer ${digest}), round 1 ${answer.approved}/${answer.exceptions} (answer ${answer.digest})`);
      answer = { approved, exceptions, digest };
      const used = cpu.length === round + 1 ? `, CPU ${cpu[round].all.toFixed(2)} s (main thread ${cpu[round].main.toFixed(2)} s)` : '';
      log(`  auto-review: round ${round + 1}: ${took.at(-1).toFixed(2)} s${used}, answer ${digest}`);
    }
    const seconds = median(took);
    return [
      [
        'auto-review',
        `POST /orders/auto-review, ${int(pending)} orders waiting in ${int(orders)}`,
        `${seconds.toFixed(2)} s`,
        `${int(answer.approved)} approved, ${int(answer.exceptions)} exceptions (median of ${rounds}: ${took.map((t) => t.toFixed(2)).join(', ')} s; ` +
          (cpu.length === rounds ? `CPU a round ${median(cpu.map((c) => c.all)).toFixed(2)} s, main thread ${median(cpu.map((c) => c.main)).toFixed(2)} s; ` : '') +
          'target ≤ 1 s for 5,000)',
      ],
    ];
  } finally {
    if (db) await new Promise((r) => db.close(r));
    await wb?.stop();
    removeTempDir(dir);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  installCleanup(300_000);
  console.log(formatTable(await runAutoReview()));
}
