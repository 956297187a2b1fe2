// Shared helpers for the benchmarks: child processes that always stop, temp folders that are
// always removed, number formatting and the plain-text table.
import http from 'node:http';
import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = resolve(import.meta.dirname, '..');
export const CACHE_DIR = join(ROOT, 'bench', '.cache');

// ---------------------------------------------------------------------------------------------
// Cleanup: every child and temp folder is registered here and removed on normal exit, on an
// error, on Ctrl-C, and when the hard deadline passes.

const children = new Set();
const folders = new Set();
let cleanupInstalled = false;

function cleanupSync() {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  children.clear();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  folders.clear();
}

/** Installs exit/signal handlers and a hard deadline (the whole run must stop by itself). */
export function installCleanup(deadlineMs = 170_000) {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', cleanupSync);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      console.error(`\nbench: ${signal}, stopping`);
      cleanupSync();
      process.exit(130);
    });
  }
  const timer = setTimeout(() => {
    console.error(`bench: still running after ${deadlineMs / 1000} s, giving up`);
    cleanupSync();
    process.exit(1);
  }, deadlineMs);
  timer.unref();
}

/** A new temp folder that is removed when the run ends (or earlier through `removeTempDir`). */
export async function makeTempDir(prefix) {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  folders.add(dir);
  return dir;
}

export function removeTempDir(dir) {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  folders.delete(dir);
}

/** Registers an extra path (e.g. bench/.cache) to delete at exit. */
export function removeAtExit(path) {
  folders.add(path);
}

/**
 * Bundles one of the workbench's TypeScript modules (`plugins/…/x.ts`, relative to the root) into
 * bench/.cache and imports it, so a benchmark measures the code the plugin runs. What it takes
 * from `@workbench/plugin-api` (its error classes, say) is bundled from core/plugin-api.ts, as the
 * workbench binds it for a plugin; packages stay in node_modules.
 */
export async function importSource(path, name) {
  const result = await build({
    entryPoints: [join(ROOT, path)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    alias: { '@workbench/plugin-api': join(ROOT, 'core', 'plugin-api.ts') },
    write: false,
    logLevel: 'warning',
  });
  await mkdir(CACHE_DIR, { recursive: true });
  const file = join(CACHE_DIR, `${name}-${process.pid}.mjs`);
  removeAtExit(file);
  await writeFile(file, result.outputFiles[0].contents);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    // Once imported the file is no longer needed; the folder goes too unless another benchmark still uses it.
    rmSync(file, { force: true });
    if (readdirSync(CACHE_DIR).length === 0) rmSync(CACHE_DIR, { recursive: true, force: true });
  }
}

/** One call to a workbench's API: JSON in and out, the owner's cookie, a status of 300 or more thrown. */
export async function call(url, path, { method = 'GET', cookie, body } = {}) {
  const res = await fetch(url + path, {
    method,
    headers: { ...(cookie ? { cookie } : {}), ...(method === 'GET' ? {} : { 'x-workbench-request': '1', 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return { res, body: text ? JSON.parse(text) : null };
}

// Preloaded into every server child: it exits by itself when the bench process is gone (even if
// that was killed with SIGKILL and could not clean up) and after 5 minutes at most.
const WATCHDOG =
  'data:text/javascript,' +
  encodeURIComponent(
    'const parent = process.ppid;' +
      'setInterval(() => { let alive = process.ppid === parent; try { process.kill(parent, 0); } catch { alive = false; } if (!alive) process.exit(0); }, 500).unref();' +
      'setTimeout(() => process.exit(0), 300000).unref();',
  );

/**
 * Spawns `node [nodeArgs] script` with a watchdog, keeps the last 64 KB of its output (the pipes
 * must be drained or the child blocks), and waits for `listening on http://…`.
 */
export async function startServerProcess(script, { nodeArgs = [], env = {}, timeoutMs = 20_000 } = {}) {
  const child = spawn(process.execPath, ['--import', WATCHDOG, ...nodeArgs, script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  const waiters = new Set();
  const onData = (d) => {
    out += d.toString();
    if (out.length > 65_536) out = out.slice(-65_536);
    for (const w of waiters) w();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise((r) => child.on('exit', (code, signal) => r(code ?? signal)));
  void exited.then(() => {
    children.delete(child);
    for (const w of waiters) w();
  });

  const url = await new Promise((resolveUrl, reject) => {
    const check = () => {
      const m = out.match(/listening on (http:\/\/[^\s]+)/);
      if (m) {
        done();
        resolveUrl(m[1]);
      } else if (child.exitCode !== null || child.signalCode !== null) {
        done();
        reject(new Error(`${script} exited before listening; output:\n${out}`));
      }
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`${script} did not print "listening on" within ${timeoutMs} ms; output:\n${out}`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      waiters.delete(check);
    };
    waiters.add(check);
    check();
  });

  return {
    url,
    pid: child.pid,
    output: () => out,
    /** SIGTERM, then SIGKILL after 5 s; resolves when the child is gone. */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      children.delete(child);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Figures

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export const int = (n) => Math.round(n).toLocaleString('en-US');
export const ms = (n) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));
/** 0.42×, 0.014×, 3.10×, 31.2× */
export const ratio = (n) => `${n < 0.1 ? n.toPrecision(2) : n < 10 ? n.toFixed(2) : n.toFixed(1)}×`;

/** Rows are arrays of cells; columns are padded to the widest cell, those in `right` right-aligned. */
export function formatTable(rows, right = [2]) {
  const widths = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, String(cell).length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (right.includes(i) ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[i])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * A case against its baseline measured in the same rounds: the median of the per-round ratios,
 * their range, and how long one month's run takes.
 */
export function versusBaseline(c, base, perSecond, msDigits) {
  const ratios = c.rounds.map((r, i) => r / base.rounds[i]);
  return `${ratio(median(ratios))} ${base.label} (rounds ${ratio(Math.min(...ratios)).slice(0, -1)}–${ratio(Math.max(...ratios))}; ${(1000 / perSecond).toFixed(msDigits)} ms a month)`;
}

/** A deterministic pseudo-random sequence in [0, 1), so every run fills the same shop. */
export function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** An instant (ms) as the shop's local time with its offset, as the workbench stores times. */
export const shopTime = (t) => new Date(t + 8 * 3_600_000).toISOString().replace('Z', '+08:00');

/** GET `path` on a keep-alive agent with the session cookie; answers the body, refuses any status but 200. */
export function getText(agent, base, path, cookie) {
  return new Promise((resolve, reject) => {
    const req = http.request({ agent, host: base.hostname, port: base.port, path, headers: cookie ? { cookie } : {} }, (res) => {
      const chunks = [];
      res.on('data', (d) => chunks.push(d));
      res.on('end', () => (res.statusCode === 200 ? resolve(Buffer.concat(chunks).toString()) : reject(new Error(`GET ${path}: ${res.statusCode} ${Buffer.concat(chunks).toString().slice(0, 300)}`))));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
