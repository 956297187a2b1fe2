// The shell's initial JavaScript: everything the browser loads before the first plugin panel —
// dist/ui/main.js and the chunks it imports statically (dynamic imports, kit.js for plugins and
// plugin modules come later). Sizes as served and gzipped; the budget is 80 KB gzipped, held by
// test/ui-size.test.ts.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';

export const BUDGET_KB = 80;

/** The files of the shell's first load, their sizes, and the source modules they carry. */
export function measureShellInitialJs() {
  const meta = JSON.parse(readFileSync('dist/ui/meta.json', 'utf8'));
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of meta.outputs[file]?.imports ?? []) if (i.kind === 'import-statement') visit(i.path);
  };
  visit('dist/ui/main.js');
  let raw = 0;
  let gzipped = 0;
  const inputs = [];
  for (const file of seen) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzipped += gzipSync(bytes, { level: 9 }).length;
    inputs.push(...Object.keys(meta.outputs[file]?.inputs ?? {}));
  }
  return { files: [...seen], raw, gzipped, inputs };
}

export async function runUiSize() {
  const { files, raw, gzipped } = measureShellInitialJs();
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  return [
    ['ui', `shell initial JS (${files.length} files)`, `${kb(gzipped)} gz`, `${kb(raw)} raw; ${((gzipped / (BUDGET_KB * 1024)) * 100).toFixed(0)}% of the ${BUDGET_KB} KB budget`],
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const row of await runUiSize()) console.log(row.join('  '));
}
