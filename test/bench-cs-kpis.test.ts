// The CS KPI benchmark once, at a smoke size: its guard (the plugin's figures and one raw SQL query
// agree, agent by agent) runs with every test run, not only with `npm run bench`.
import { expect, test } from 'vitest';
import { runCsKpis } from '../bench/cs-kpis.mjs';

test('the CS KPI benchmark counts 3,000 chat lines and agrees with the SQL query', async () => {
  const rows = await runCsKpis({ lines: 3_000, rounds: 1, windowMs: 20, log: () => undefined });
  expect(rows.map((r) => r[0])).toEqual(['cs-kpis', 'cs-kpis']);
  expect(rows[0]![3]).toMatch(/^baseline \([\d,]+ answered waits, the same in both\)$/);
}, 30_000);
