// The shell's first load stays under its budget (80 KB of JavaScript, gzipped), and uPlot — the
// home page's charts — comes only when a chart is drawn. The global setup has just built dist/.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { BUDGET_KB, measureShellInitialJs } from '../bench/ui-size.mjs';

test('the shell’s initial JavaScript is under 80 KB gzipped', () => {
  const size = measureShellInitialJs();
  console.log(`shell initial JS: ${(size.gzipped / 1024).toFixed(1)} KB gzipped (${size.files.length} files, ${(size.raw / 1024).toFixed(1)} KB raw), budget ${BUDGET_KB} KB`);
  expect(BUDGET_KB).toBe(80);
  expect(size.gzipped).toBeLessThan(BUDGET_KB * 1024);
});

test('uPlot is a chunk of its own, loaded by the chart, not by the shell; neither is pinyin', () => {
  const size = measureShellInitialJs();
  expect(size.inputs.filter((i) => i.includes('node_modules/uplot'))).toEqual([]);
  // Pinyin's dictionary too comes later, when the palette first opens.
  expect(size.inputs.filter((i) => i.includes('node_modules/pinyin-pro'))).toEqual([]);
  const meta = JSON.parse(readFileSync('dist/ui/meta.json', 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown>; imports: { path: string; kind: string }[] }> };
  const chunk = Object.entries(meta.outputs).find(([file, o]) => !file.endsWith('.map') && Object.keys(o.inputs).some((i) => i.includes('node_modules/uplot')));
  expect(chunk, 'a chunk with uPlot').toBeDefined();
  const importers = Object.entries(meta.outputs).filter(([, o]) => o.imports.some((i) => i.path === chunk![0]));
  expect(importers.length).toBeGreaterThan(0);
  for (const [, o] of importers) expect(o.imports.find((i) => i.path === chunk![0])!.kind).toBe('dynamic-import');
});
