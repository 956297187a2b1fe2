// The phrase search benchmark once, at a smoke size: its guard (a one-word query finds what a
// substring filter finds, the last phrase is found by its words) runs with every test run.
import { expect, test } from 'vitest';
import { runCsPhrases } from '../bench/cs-phrases.mjs';

test('the phrase search benchmark searches 500 phrases and agrees with a substring filter', async () => {
  const rows = await runCsPhrases({ phrases: 500, rounds: 1, log: () => undefined });
  expect(rows.map((r) => r[0])).toEqual(['cs-phrases', 'cs-phrases']);
  expect(rows[1]![2]).toMatch(/ms a keystroke \(median\)$/);
}, 30_000);
