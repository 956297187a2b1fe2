// The start-up benchmark at a smoke size: one cold and one warm start of the workbench with every
// plugin, and the bare Hono app around it. No speed is asserted: it must finish, and the warm
// start must run the same plugins as the cold one.
import { expect, test } from 'vitest';
import { runStartup } from '../bench/startup.mjs';

test('startup: a warm start runs every plugin the cold one did, both measured against bare Hono', async () => {
  const rows = await runStartup({ log: () => undefined, rounds: 1 });
  expect(rows.map((r) => r[1])).toEqual([
    'bare Hono app to listening',
    expect.stringMatching(/^workbench, 6 plugins, compiled plugins kept$/),
    'workbench, first start (bundling, migrations)',
  ]);
  expect(rows[1]![3]).toMatch(/× bare Hono \(rounds .*; target ≤ 4×\)/);
}, 180_000);
