// Builds the server (dist/workbench.js) and the browser UI (dist/ui) with esbuild.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';

const quiet = process.argv.includes('--quiet');
const started = performance.now();

await build({
  entryPoints: ['core/main.ts'],
  outfile: 'dist/workbench.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

await mkdir('dist/ui', { recursive: true });
await build({
  entryPoints: ['ui/main.ts'],
  outdir: 'dist/ui',
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
});
await copyFile('ui/index.html', 'dist/ui/index.html');
await copyFile('ui/style.css', 'dist/ui/style.css');

if (!quiet) console.log(`built dist/ in ${Math.round(performance.now() - started)} ms`);
