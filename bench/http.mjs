// HTTP throughput and latency of the built workbench, against a bare Hono app measured in the
// same run. Both servers run in their own child process; the load comes from this process over
// loopback with a keep-alive http.Agent. Run alone with `node bench/http.mjs` (after a build) or
// through `npm run bench`.
import http from 'node:http';
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
    nodeArgs: ['--enable-source-maps'],
    env: { WORKBENCH_CONFIG: configFile, WORKBENCH_DATA_DIR: join(dir, 'data'), WORKBENCH_PORT: '0' },
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

/** Runs the HTTP benchmark and answers table rows. `log` gets progress lines. */
export async function runHttp({ log = (line) => console.error(line) } = {}) {
  const bare = await startServerProcess(join(ROOT, 'bench', 'bare-hono-server.mjs'));
  let wb;
  try {
    wb = await startWorkbench();
    const authed = { cookie: wb.cookie };
    const scenarios = [
      {
        name: 'GET /api/health (bare Hono)',
        url: bare.url,
        spec: { method: 'GET', path: '/api/health', headers: {} },
        check: (b) => b.status === 'ok' || fail('bare health', b),
        baseline: true,
      },
      {
        name: 'GET /api/health (workbench)',
        short: 'health',
        url: wb.url,
        spec: { method: 'GET', path: '/api/health', headers: {} },
        check: (b) => b.status === 'ok' || fail('health', b),
      },
      {
        name: 'GET /api/example/hello (plugin, public)',
        short: 'hello',
        url: wb.url,
        spec: { method: 'GET', path: '/api/example/hello', headers: {} },
        check: (b) => typeof b.greeting === 'string' || fail('hello', b),
      },
      {
        name: 'GET /api/example/notes?page=1&pageSize=20 (logged in)',
        short: 'notes',
        url: wb.url,
        spec: { method: 'GET', path: '/api/example/notes?page=1&pageSize=20', headers: authed },
        check: (b) => (b.items?.length === 20 && b.total === 40) || fail('notes', b),
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
      },
    ];

    for (const s of scenarios) {
      await sanityCheck(s.url, s);
      s.rounds = [];
      s.answered = 0;
    }
    const counterBefore = await getCounter(wb);
    const run = async (s, maxMs) => {
      const r = await load(s.url, s.spec, { maxRequests: WINDOW_MAX_REQUESTS, maxMs });
      if (r.failed) throw new Error(`${s.name}: ${r.failed} of ${r.requests} requests failed, e.g. ${r.firstFailure}`);
      s.answered += r.requests;
      return r;
    };
    const measure = async (s) => {
      await run(s, REWARM_MS);
      const r = await run(s, WINDOW_MS);
      s.rounds.push(r);
      return r;
    };
    log(`  http: warm-up ${WARMUP_MS / 1000} s per scenario, then ${ROUNDS} rounds of ${WINDOW_MS} ms windows`);
    for (const s of scenarios) await run(s, WARMUP_MS);
    const [bareScenario, ...workbench] = scenarios;
    for (const s of workbench) s.ratios = [];
    for (let round = 1; round <= ROUNDS; round++) {
      let before = await measure(bareScenario);
      const line = [`bare ${int(before.rps)}`];
      for (const s of workbench) {
        const r = await measure(s);
        const after = await measure(bareScenario);
        s.ratios.push(r.rps / ((before.rps + after.rps) / 2));
        line.push(`${s.short} ${int(r.rps)}`, `bare ${int(after.rps)}`);
        before = after;
      }
      log(`  http round ${round}/${ROUNDS}: ${line.join(', ')} req/s`);
    }

    // Not a speed figure, a guard: the counter went up once per answered increment, so the load
    // really did its writes, and none was lost to interleaved transactions.
    const increments = (await getCounter(wb)) - counterBefore;
    const posted = scenarios.at(-1).answered;
    if (increments !== posted) throw new Error(`the counter went up ${increments} times for ${posted} answered increments`);

    const summary = (s) => {
      const latencies = s.rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
      return { rps: median(s.rounds.map((r) => r.rps)), p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
    };
    const base = summary(bareScenario);
    const rows = scenarios.map((s) => {
      const r = s === bareScenario ? base : summary(s);
      let vs = 'baseline';
      if (s !== bareScenario) {
        const lo = Math.min(...s.ratios);
        const hi = Math.max(...s.ratios);
        vs = `${ratio(median(s.ratios))} bare Hono (rounds ${ratio(lo).slice(0, -1)}–${ratio(hi)}; p50 ${ratio(r.p50 / base.p50)}, p99 ${ratio(r.p99 / base.p99)})`;
      }
      return ['http', s.name, `${int(r.rps)} req/s`, `p50 ${ms(r.p50).padStart(5)} ms`, `p99 ${ms(r.p99).padStart(5)} ms`, vs];
    });
    return rows;
  } finally {
    await Promise.allSettled([bare.stop(), wb?.stop()]);
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
