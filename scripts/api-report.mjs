// `npm run api-report`: rewrites docs/api/plugin-api.md from core/plugin-api.ts and ui/kit/index.ts.
// Refuses while the surface changed and core/version.ts's PLUGIN_API_VERSION was not raised
// enough: the minor for additions, the major for anything removed or changed.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import semver from 'semver';

const root = fileURLToPath(new URL('..', import.meta.url));
// The report's code is TypeScript (its test imports it too); Node 20 needs it bundled first.
const out = join(root, 'dist', 'tools', 'plugin-api-report.mjs');
await build({ entryPoints: [join(root, 'scripts', 'plugin-api-report.ts')], outfile: out, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
const { REPORT, compareSurfaces, currentSurface, recordedSurface, renderReport } = await import(pathToFileURL(out).href);

const file = join(root, REPORT);
const recorded = existsSync(file) ? recordedSurface(await readFile(file, 'utf8')) : undefined;
const current = currentSurface(root);
if (recorded) {
  const change = compareSurfaces(recorded, current);
  const list = [...change.added.map((a) => `  added ${a}`), ...change.removed.map((r) => `  removed ${r}`), ...change.changed.map((c) => `  changed ${c}`)];
  if (list.length > 0) {
    const needed = change.breaking ? semver.inc(recorded.version, 'major') : semver.inc(recorded.version, 'minor');
    const enough = semver.valid(current.version) && semver.gte(current.version, needed) && (!change.breaking || semver.major(current.version) > semver.major(recorded.version));
    console.log(`The plugin API changed since ${recorded.version}:\n${list.join('\n')}`);
    if (!enough) {
      console.error(`Raise PLUGIN_API_VERSION in core/version.ts to ${needed} (${change.breaking ? 'the major: something was removed or changed' : 'the minor: only additions'}), then run npm run api-report again.`);
      process.exit(1);
    }
  }
}
await mkdir(dirname(file), { recursive: true });
await writeFile(file, renderReport(current, recorded));
console.log(`wrote ${REPORT} (plugin API ${current.version})`);
