import { execFileSync } from 'node:child_process';

/** API and browser tests run the built server, exactly as `npm start` does: build it once first. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--quiet'], { stdio: 'inherit' });
}
