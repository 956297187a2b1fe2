// Measures how quickly the server answers /api/health while a test keeps it busy.
import { spawn } from 'node:child_process';

export interface HealthWatch {
  /** Stops asking; answers the slowest answer's time in ms. */
  stop: () => Promise<number>;
  /**
   * After `stop`, when the server's process id was given: the most time in ms the server's
   * event-loop thread spent running while one answer was awaited, less the time this watcher
   * itself waited for a CPU meanwhile — the part of the wait that was the server's own work, not
   * the machine's other processes holding the CPU.
   */
  busiest: () => number;
}

/**
 * Asks /api/health every 20 ms from a process of its own (so this test's own work on the large report
 * does not count as the server's delay) until `stop`. Given the server's `pid`, it also reads how
 * long the server's main thread ran on a CPU during each wait (/proc/<pid>/schedstat, in ns): on a
 * machine busy with other work an answer can be slow only because the server, or the watcher
 * reading the answer, was not scheduled, and that says nothing about the server.
 */
export async function watchHealth(url: string, pid?: number): Promise<HealthWatch> {
  const script = `
    const { readFileSync } = require('node:fs');
    const pid = Number(process.argv[2]);
    // ns on a CPU (the first field) and waiting for one (the second), of a process's main thread.
    const schedstat = (of) => readFileSync('/proc/' + of + '/schedstat', 'utf8').split(' ').map((n) => Number(n) / 1e6);
    const ran = () => (pid ? schedstat(pid)[0] : 0);
    const queued = () => (pid ? schedstat('self')[1] : 0);
    let worst = 0, busiest = 0, running = true;
    process.stdin.on('end', () => { running = false; });
    process.stdin.resume();
    (async () => {
      // The first request of a process sets up the HTTP client; it says nothing about the server.
      await fetch(process.argv[1] + '/api/health').then((r) => r.arrayBuffer());
      process.stdout.write('ready\\n');
      while (running) {
        const started = performance.now();
        const before = ran() - queued();
        // A request the server dropped counts as never answered.
        const answered = await fetch(process.argv[1] + '/api/health').then((r) => r.arrayBuffer().then(() => true), () => false);
        worst = Math.max(worst, answered ? performance.now() - started : 1e9);
        busiest = Math.max(busiest, answered ? Math.max(0, ran() - queued() - before) : 1e9);
        await new Promise((r) => setTimeout(r, 20));
      }
      process.stdout.write(worst + ' ' + busiest);
    })();`;
  const child = spawn(process.execPath, ['-e', script, url, String(pid ?? 0)], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise<void>((resolve) => child.stdout.on('data', () => out.startsWith('ready\n') && resolve()));
  const measured = () => out.slice('ready\n'.length).split(' ').map(Number) as [number, number];
  return {
    stop: async () => (child.stdin.end(), await exited, measured()[0]),
    busiest: () => measured()[1],
  };
}
