// The attendance benchmark once, briefly: its guard (the classification and a plain SQL query
// find the same lates in the same 3,000 rows) runs with every test run, not only with `npm run bench`.
import { expect, test } from 'vitest';
import { runAttendance } from '../bench/attendance.mjs';

test('the attendance benchmark classifies 3,000 clock rows and agrees with the SQL count', async () => {
  const rows = await runAttendance({ rounds: 1, windowMs: 20, log: () => undefined });
  expect(rows.map((r) => r[0])).toEqual(['attendance', 'attendance']);
  expect(rows[0]![3]).toMatch(/^baseline \(\d+ lates found by both\)$/);
}, 30_000);
