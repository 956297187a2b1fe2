// HTTP throughput and latency of the built workbench, against a bare Hono app measured in the
// same run. Both servers run in their own child process; the load comes from this process over
// loopback with a keep-alive http.Agent. Run alone with `node bench/http.mjs` (after a build) or
// through `npm run bench`.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { ROOT, formatTable, installCleanup, int, makeTempDir, ms, percentile, ratio, removeTempDir, startServerProcess } from './lib.mjs';

export const CONCURRENCY = 16;
/** One measuring window stops at whichever comes first. */
export const WINDOW_MAX_REQUESTS = 20_000;
export const WINDOW_MS = 750;
/**
 * Before anything is measured every scenario runs this long, so that the JIT of both the servers
 * and this load generator is warm (cold, the first scenarios measured looked 2-3× slower).
 */
const WARMUP_MS = 1_500;
/** A short burst before each window opens the keep-alive connections again. */
const REWARM_MS = 100;
/**
 * Rounds of `bare, A, bare, B, bare, C, bare, D, bare`: each workbench window is compared with
 * the mean of the bare Hono windows right before and after it, because this 2-core VM drifts
 * between fast and slow phases (seen: bare Hono 10k and 29k req/s a few seconds apart). The
 * ratio shown is the median of the per-round ratios; req/s the median window; p50/p99 pool all
 * windows of a scenario.
 */
export const ROUNDS = 5;

const FIXTURE_PLUGINS = join(ROOT, 'test', 'fixtures', 'plugins');
const WORKBENCH = join(ROOT, 'dist', 'workbench.js');
const OWNER = { username: 'dianzhang', password: 'correct-horse-42', displayName: '王店长' };
/**
 * Extra node flags for the workbench child only, split at spaces, e.g.
 * `BENCH_WORKBENCH_NODE_FLAGS='--cpu-prof --cpu-prof-dir=/tmp/prof' node bench/http.mjs` for a
 * CPU profile of the server under this load (written when the bench stops it).
 */
const WORKBENCH_NODE_FLAGS = (process.env.BENCH_WORKBENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
/**
 * Only these scenarios (short names, comma-separated) and their baselines, e.g.
 * `BENCH_HTTP_ONLY=notes node bench/http.mjs` while working on one route: shorter runs, and the
 * other scenarios' windows no longer sit between a route and its baseline.
 */
const ONLY = (process.env.BENCH_HTTP_ONLY ?? '').split(',').filter(Boolean);

/**
 * CPU seconds a child process has used so far (user + system, from /proc; undefined elsewhere).
 * Per request, it shows what a server does for each answer even when the machine is shared and
 * throughput swings with the other load.
 */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime, fields 14 and 15 of stat(5), in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** One request on the keep-alive agent; answers the status and the body text. */
function request(agent, base, { method, path, headers, body }) {
  return new Promise((resolve, reject) => {
    const req = http.request({ agent, host: base.hostname, port: base.port, method, path, headers }, (res) => {
      const chunks = [];
      res.on('data', (d) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`${method} ${path}: no answer within 10 s`)));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Sends requests with `concurrency` workers, each awaiting its previous answer, until
 * `maxRequests` were sent or `maxMs` passed. Answers throughput, latencies and non-2xx count.
 */
async function load(url, spec, { maxRequests, maxMs, concurrency = CONCURRENCY }) {
  const base = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = [];
  let sent = 0;
  let failed = 0;
  let firstFailure;
  const started = performance.now();
  const deadline = started + maxMs;
  const worker = async () => {
    while (sent < maxRequests && performance.now() < deadline) {
      sent++;
      const t0 = performance.now();
      const reply = await request(agent, base, spec);
      latencies.push(performance.now() - t0);
      if (reply.status < 200 || reply.status >= 300) {
        failed++;
        firstFailure ??= `${reply.status} ${reply.text.slice(0, 200)}`;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
  const seconds = (performance.now() - started) / 1000;
  return { requests: latencies.length, seconds, rps: latencies.length / seconds, latencies, failed, firstFailure };
}

/** Starts the built workbench with the fixture plugins, sets up the owner and seeds 40 notes. */
async function startWorkbench() {
  const dir = await makeTempDir('workbench-bench-');
  const configFile = join(dir, 'config.yaml');
  await writeFile(configFile, stringify({ logLevel: 'info', plugins: { folders: [FIXTURE_PLUGINS] } }));
  const server = await startServerProcess(WORKBENCH, {
    nodeArgs: ['--enable-source-maps', ...WORKBENCH_NODE_FLAGS],
    env: { WORKBENCH_CONFIG: configFile, WORKBENCH_DATA_DIR: join(dir, 'data'), WORKBENCH_PORT: '0' },
    timeoutMs: 60_000,
  });
  try {
    await new Promise((r) => setTimeout(r, 20));
    const token = server.output().match(/setup\?token=([A-Za-z0-9_-]+)/)?.[1];
    if (!token) throw new Error(`the workbench printed no setup link:\n${server.output()}`);
    const setup = await fetch(`${server.url}/api/auth/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-workbench-request': '1' },
      body: JSON.stringify({ token, ...OWNER }),
    });
    if (setup.status !== 201) throw new Error(`owner setup failed: ${setup.status} ${await setup.text()}`);
    const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0];
    if (!cookie.startsWith('wb_session=')) throw new Error(`owner setup set no session cookie: ${setup.headers.get('set-cookie')}`);
    for (let i = 1; i <= 40; i++) {
      const res = await fetch(`${server.url}/api/example/notes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-workbench-request': '1', cookie },
        body: JSON.stringify({ text: `备货笔记 ${i}`, amount: i * 100 }),
      });
      if (res.status !== 201) throw new Error(`could not seed a note: ${res.status} ${await res.text()}`);
    }
    return { ...server, dir, cookie };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** One request of the scenario must succeed and look right before it is measured. */
async function sanityCheck(url, scenario) {
  const agent = new http.Agent({ keepAlive: false });
  try {
    const reply = await request(agent, new URL(url), scenario.spec);
    if (reply.status < 200 || reply.status >= 300) throw new Error(`${scenario.name}: ${reply.status} ${reply.text.slice(0, 300)}`);
    scenario.check?.(JSON.parse(reply.text));
  } finally {
    agent.destroy();
  }
}

/**
 * Runs the HTTP benchmark and answers table rows. `log` gets progress lines; the smoke test in
 * `npm test` passes tiny `rounds`, `windowMs` and `warmupMs`.
 */
export async function runHttp({ log = (line) => console.error(line), rounds = ROUNDS, windowMs = WINDOW_MS, warmupMs = WARMUP_MS } = {}) {
  let bare;
  let wb;
  try {
    wb = await startWorkbench();
    // Started after the workbench, so that it can open the workbench's notes read-only.
    bare = await startServerProcess(join(ROOT, 'bench', 'bare-hono-server.mjs'), { env: { BENCH_NOTES_DB: join(wb.dir, 'data', 'workbench.db') } });
    const authed = { cookie: wb.cookie };
    const notesCheck = (what) => (b) => (b.items?.length === 20 && b.total === 40 && b.items[0].id === 1) || fail(what, b);
    const scenarios = [
      {
        id: 'bare',
        name: 'GET /api/health (bare Hono)',
        label: 'bare Hono',
        url: bare.url,
        spec: { method: 'GET', path: '/api/health', headers: {} },
        check: (b) => b.status === 'ok' || fail('bare health', b),
      },
      {
        id: 'bareSql',
        name: 'GET /api/notes?page=1&pageSize=20 (bare Hono + raw sqlite3, same SQL)',
        label: 'bare Hono + raw SQL',
        short: 'bareSql',
        url: bare.url,
        spec: { method: 'GET', path: '/api/notes?page=1&pageSize=20', headers: {} },
        check: notesCheck('bare notes'),
        base: 'bare',
      },
      {
        name: 'GET /api/health (workbench)',
        short: 'health',
        url: wb.url,
        spec: { method: 'GET', path: '/api/health', headers: {} },
        check: (b) => b.status === 'ok' || fail('health', b),
        base: 'bare',
        target: 0.85,
      },
      {
        name: 'GET /api/example/hello (plugin, public)',
        short: 'hello',
        url: wb.url,
        spec: { method: 'GET', path: '/api/example/hello', headers: {} },
        check: (b) => typeof b.greeting === 'string' || fail('hello', b),
        base: 'bare',
        target: 0.85,
      },
      {
        name: 'GET /api/example/ping (logged in, a constant)',
        short: 'ping',
        url: wb.url,
        spec: { method: 'GET', path: '/api/example/ping', headers: authed },
        check: (b) => b.pong === true || fail('ping', b),
        base: 'bare',
        target: 0.8,
      },
      {
        name: 'GET /api/auth/me (logged in, own profile)',
        short: 'me',
        url: wb.url,
        spec: { method: 'GET', path: '/api/auth/me', headers: authed },
        check: (b) => b.username === OWNER.username || fail('me', b),
        base: 'bare',
      },
      {
        name: 'GET /api/example/notes?page=1&pageSize=20 (logged in)',
        short: 'notes',
        url: wb.url,
        spec: { method: 'GET', path: '/api/example/notes?page=1&pageSize=20', headers: authed },
        check: notesCheck('notes'),
        base: 'bareSql',
        target: 0.8,
      },
      {
        name: 'POST /api/example/counter/increment (logged in)',
        short: 'increment',
        url: wb.url,
        spec: {
          method: 'POST',
          path: '/api/example/counter/increment',
          headers: { ...authed, 'x-workbench-request': '1', 'content-type': 'application/json', 'content-length': '2' },
          body: '{}',
        },
        check: (b) => typeof b.value === 'number' || fail('counter', b),
        base: 'bare',
      },
    ];
    if (ONLY.length > 0) {
      const wanted = scenarios.filter((s) => ONLY.includes(s.short));
      if (wanted.length === 0) throw new Error(`BENCH_HTTP_ONLY=${ONLY.join(',')} names no scenario`);
      const keep = new Set(wanted.map((s) => s.short));
      // A kept scenario's baseline, and that baseline's own (bare SQL is measured against bare Hono).
      for (let s of wanted) {
        while (s?.base) {
          keep.add(s.base);
          s = scenarios.find((b) => b.id === s.base);
        }
      }
      for (let i = scenarios.length - 1; i >= 0; i--) if (!keep.has(scenarios[i].short ?? scenarios[i].id)) scenarios.splice(i, 1);
    }
    const byId = new Map(scenarios.filter((s) => s.id).map((s) => [s.id, s]));

    for (const s of scenarios) {
      await sanityCheck(s.url, s);
      s.rounds = [];
      s.answered = 0;
    }
    const counterBefore = await getCounter(wb);
    const pidOf = (s) => (s.url === wb.url ? wb.pid : bare.pid);
    const run = async (s, maxMs) => {
      const cpuBefore = cpuSeconds(pidOf(s));
      const r = await load(s.url, s.spec, { maxRequests: WINDOW_MAX_REQUESTS, maxMs });
      const cpuAfter = cpuSeconds(pidOf(s));
      r.cpuPerRequest = cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / r.requests;
      if (r.failed) throw new Error(`${s.name}: ${r.failed} of ${r.requests} requests failed, e.g. ${r.firstFailure}`);
      s.answered += r.requests;
      return r;
    };
    const measure = async (s) => {
      await run(s, REWARM_MS);
      const r = await run(s, windowMs);
      s.rounds.push(r);
      return r;
    };
    log(`  http: warm-up ${warmupMs / 1000} s per scenario, then ${rounds} rounds of ${windowMs} ms windows`);
    for (const s of scenarios) await run(s, warmupMs);
    const measured = scenarios.filter((s) => s.base);
    for (const s of measured) s.ratios = [];
    // Each window is divided by the mean of its baseline's windows right before and after it;
    // consecutive scenarios on the same baseline share the window between them.
    for (let round = 1; round <= rounds; round++) {
      const last = new Map();
      const line = [];
      for (const s of measured) {
        const base = byId.get(s.base);
        const before = last.get(base) ?? (await measure(base));
        const r = await measure(s);
        const after = await measure(base);
        last.set(base, after);
        s.ratios.push(r.rps / ((before.rps + after.rps) / 2));
        line.push(`${s.short} ${int(r.rps)}`, `${base.id} ${int(after.rps)}`);
      }
      log(`  http round ${round}/${rounds}: ${line.join(', ')} req/s`);
    }

    // Not a speed figure, a guard: the counter went up once per answered increment, so the load
    // really did its writes, and none was lost to interleaved transactions.
    const increments = (await getCounter(wb)) - counterBefore;
    const posted = scenarios.find((s) => s.short === 'increment')?.answered ?? 0;
    if (increments !== posted) throw new Error(`the counter went up ${increments} times for ${posted} answered increments`);

    const summary = (s) => {
      const latencies = s.rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
      const cpu = s.rounds.reduce((sum, r) => sum + (r.cpuPerRequest ?? NaN) * r.requests, 0) / s.rounds.reduce((sum, r) => sum + r.requests, 0);
      return { rps: median(s.rounds.map((r) => r.rps)), p50: percentile(latencies, 50), p99: percentile(latencies, 99), cpu };
    };
    const rows = scenarios.map((s) => {
      const r = summary(s);
      let vs = 'baseline';
      if (s.base) {
        const base = byId.get(s.base);
        const b = summary(base);
        const lo = Math.min(...s.ratios);
        const hi = Math.max(...s.ratios);
        const target = s.target ? `, target ≥ ${s.target}×` : '';
        const cpu = Number.isFinite(r.cpu) ? `; CPU a request ${ratio(r.cpu / b.cpu)}` : '';
        vs = `${ratio(median(s.ratios))} ${base.label} (rounds ${ratio(lo).slice(0, -1)}–${ratio(hi)}; p50 ${ratio(r.p50 / b.p50)}, p99 ${ratio(r.p99 / b.p99)}${cpu}${target})`;
      }
      const cpu = Number.isFinite(r.cpu) ? `${Math.round(r.cpu * 1e6)} µs CPU` : '';
      return ['http', s.name, `${int(r.rps)} req/s`, `p50 ${ms(r.p50).padStart(5)} ms`, `p99 ${ms(r.p99).padStart(5)} ms`, cpu, vs];
    });
    return rows;
  } finally {
    await Promise.allSettled([bare?.stop(), wb?.stop()]);
    if (wb) removeTempDir(wb.dir);
  }
}

async function getCounter(wb) {
  const res = await fetch(`${wb.url}/api/example/counter`, { headers: { cookie: wb.cookie } });
  if (res.status !== 200) throw new Error(`GET /api/example/counter: ${res.status} ${await res.text()}`);
  return (await res.json()).value;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function fail(what, body) {
  throw new Error(`${what}: unexpected answer ${JSON.stringify(body).slice(0, 300)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  installCleanup();
  const rows = await runHttp();
  console.log(formatTable(rows));
}
