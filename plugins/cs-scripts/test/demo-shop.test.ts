// The demo shop's phrase library: the starter library used for a month, and the shop's own additions.
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, TEST_OWNER, type TestHost } from '@workbench/plugin-api/testing';

let host: TestHost;

beforeAll(async () => {
  host = await startTestHost({ plugins: [resolve(import.meta.dirname, '..')], setup: false, clock: '2026-11-11T09:00:00+08:00' });
  const setup = await host.owner.post('/api/auth/setup', { token: host.setupToken, ...TEST_OWNER, demo: true });
  expect(setup.status, setup.text).toBe(201);
});
afterAll(() => host?.close());

test('the greetings are the most used, and the shop wrote its own claim and bargaining phrases', async () => {
  const items = (await host.owner.get('/api/cs-scripts/phrases')).body.items as { shortcut: string; uses: number; groupName: string; text: string }[];
  const top = [...items].sort((a, b) => b.uses - a.uses)[0]!;
  expect(top.shortcut).toBe('hi');
  expect(items.find((p) => p.shortcut === 'claim')).toMatchObject({ groupName: '物流' });
  expect(items.find((p) => p.shortcut === 'max')!.text).toContain('97 折');
  expect(items.length).toBeGreaterThanOrEqual(24);
});
