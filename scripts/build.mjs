// Builds the server (dist/workbench.js, which loads dist/workbench-server.mjs) and the browser UI (dist/ui) with esbuild.
import { build } from 'esbuild';
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

const quiet = process.argv.includes('--quiet');
const started = performance.now();

// libuv sizes its thread pool once, at its first use, from UV_THREADPOOL_SIZE, and Node reads an
// ES module entry through that pool: set inside the server bundle, the size would come too late.
// So dist/workbench.js is a small CommonJS launcher (dist/package.json says so) that sets the
// size and then loads the server, dist/workbench-server.mjs. Eight threads: password hashing takes
// at most two (core/auth/hash-queue.ts), the rest stay for SQLite and files.
// The core's fixed schemas are compiled now rather than at each start (core/schemas/precompiled.ts):
// the generator is bundled and run once, and its modules take precompiled.ts's place below.
const generator = `dist/precompile-${process.pid}.mjs`;
await build({ entryPoints: ['core/schemas/precompile-source.ts'], outfile: generator, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
let sources;
try {
  sources = (await import(pathToFileURL(generator).href)).precompiledSources();
} finally {
  await rm(generator, { force: true });
}
const precompiled = {
  name: 'workbench-precompiled',
  setup(b) {
    b.onLoad({ filter: /[\\/]core[\\/]schemas[\\/]precompiled\.ts$/ }, () => ({
      loader: 'js',
      contents: Object.keys(sources).map((name) => `import ${name} from 'workbench-precompiled:${name}';\n`).join('') + `export const precompiled = { ${Object.keys(sources).join(', ')} };\n`,
    }));
    b.onResolve({ filter: /^workbench-precompiled:/ }, (args) => ({ path: args.path.slice('workbench-precompiled:'.length), namespace: 'workbench-precompiled' }));
    b.onLoad({ filter: /.*/, namespace: 'workbench-precompiled' }, (args) => ({ loader: 'js', contents: sources[args.path], resolveDir: process.cwd() }));
  },
};

await build({
  entryPoints: ['core/main.ts'],
  plugins: [precompiled],
  outfile: 'dist/workbench-server.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // The server's npm packages are bundled in: Node resolving, reading and compiling a few
  // hundred files of node_modules one by one took about a third of a start. Left outside:
  // sqlite3 (its native binding is found beside its own files), esbuild (it finds its binary the
  // same way, and refuses to be bundled) and iconv-lite, whose code tables (half a megabyte) it
  // reads from its own files only when an import first decodes GBK.
  external: ['sqlite3', 'esbuild', 'iconv-lite'],
  // The bundled CommonJS packages call require() for Node's own modules.
  banner: { js: "import { createRequire as __wbCreateRequire } from 'node:module'; const require = __wbCreateRequire(import.meta.url);" },
  sourcemap: true,
  logLevel: 'warning',
});
await writeFile('dist/package.json', `${JSON.stringify({ type: 'commonjs', private: true }, null, 2)}\n`);
await writeFile(
  'dist/workbench.js',
  `'use strict';
// Built by scripts/build.mjs. The thread pool's size must be set before anything uses the pool.
const THREADS = 8;
if (!(Number(process.env.UV_THREADPOOL_SIZE) >= THREADS)) process.env.UV_THREADPOOL_SIZE = String(THREADS);
import('./workbench-server.mjs').catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + '\\n');
  process.exit(1);
});
`,
);

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
await rm('dist/workbench.js.map', { force: true });
await rename(next, 'dist/ui');

if (!quiet) console.log(`built dist/ in ${Math.round(performance.now() - started)} ms`);
