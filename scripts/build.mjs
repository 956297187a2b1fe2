// Builds the server (dist/workbench.js) and the browser UI (dist/ui) with esbuild.
import { build } from 'esbuild';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';

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

await rm('dist/ui', { recursive: true, force: true });
await mkdir('dist/ui', { recursive: true });
// Two entries, split: the shell (main.js) and the kit plugins import (kit.js) share their chunks,
// so Lit and the kit exist once in the browser whichever loads first.
const ui = await build({
  entryPoints: { main: 'ui/main.ts', kit: 'ui/kit/index.ts' },
  outdir: 'dist/ui',
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
});
await writeFile('dist/ui/meta.json', JSON.stringify(ui.metafile));
await copyFile('ui/index.html', 'dist/ui/index.html');
await copyFile('ui/style.css', 'dist/ui/style.css');

if (!quiet) console.log(`built dist/ in ${Math.round(performance.now() - started)} ms`);
