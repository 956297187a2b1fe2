// Builds the server (dist/workbench.js) and the browser UI (dist/ui) with esbuild.
import { build } from 'esbuild';
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';

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

// The UI is built beside dist/ui and swapped in at the end, so a workbench already serving
// dist/ui (a test run, a second terminal) never sees it half-written.
const next = `dist/ui-next-${process.pid}`;
await rm(next, { recursive: true, force: true });
await mkdir(next, { recursive: true });
// Two entries, split: the shell (main.js) and the kit plugins import (kit.js) share their chunks,
// so Lit and the kit exist once in the browser whichever loads first.
const ui = await build({
  entryPoints: { main: 'ui/main.ts', kit: 'ui/kit/index.ts' },
  outdir: next,
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
// Paths in the metafile name the folder the UI ends up in.
await writeFile(`${next}/meta.json`, JSON.stringify(ui.metafile).replaceAll(next, 'dist/ui'));
await copyFile('ui/index.html', `${next}/index.html`);
await copyFile('ui/style.css', `${next}/style.css`);
await rm('dist/ui', { recursive: true, force: true });
await rename(next, 'dist/ui');

if (!quiet) console.log(`built dist/ in ${Math.round(performance.now() - started)} ms`);
