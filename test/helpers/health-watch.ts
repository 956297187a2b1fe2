// Measures how quickly the server answers /api/health while a test keeps it busy.
import { spawn } from 'node:child_process';

/**
 * Asks /api/health every 20 ms from a process of its own (so this test's own work on the large report
 * does not count as the server's delay) until `stop`, and answers the slowest answer's time in ms.
 */
export async function watchHealth(url: string): Promise<{ stop: () => Promise<number> }> {
  const script = `
    let worst = 0, running = true;
    process.stdin.on('end', () => { running = false; });
    process.stdin.resume();
    (async () => {
      // The first request of a process sets up the HTTP client; it says nothing about the server.
      await fetch(process.argv[1] + '/api/health').then((r) => r.arrayBuffer());
      process.stdout.write('ready\\n');
      while (running) {
        const started = performance.now();
        // A request the server dropped counts as never answered.
        const answered = await fetch(process.argv[1] + '/api/health').then((r) => r.arrayBuffer().then(() => true), () => false);
        worst = Math.max(worst, answered ? performance.now() - started : 1e9);
        await new Promise((r) => setTimeout(r, 20));
      }
      process.stdout.write(String(worst));
    })();`;
  const child = spawn(process.execPath, ['-e', script, url], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise<void>((resolve) => child.stdout.on('data', () => out.startsWith('ready\n') && resolve()));
  return { stop: async () => (child.stdin.end(), await exited, Number(out.slice('ready\n'.length))) };
}
