// The demo shop's phrase library: the starter library used for a month, and the shop's own additions.
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, type TestHost } from '@workbench/plugin-api/testing';

let host: TestHost;

beforeAll(async () => {
  host = await startTestHost({ plugins: [resolve(import.meta.dirname, '..')], demoShop: true, clock: '2026-11-11T09:00:00+08:00' });
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

test('with the demo orders, a month of chat: each agent answers at a pace of their own, sales match the remarked orders, adverts count nowhere', async () => {
  const shop = await startTestHost({ plugins: [resolve(import.meta.dirname, '..')], enabled: ['listings', 'fulfillment', 'cs-scripts'], demoShop: true, clock: 'system' });
  try {
    const day = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
    const report = (await shop.owner.get(`/api/cs-scripts/kpis?from=${day(Date.now() - 30 * 86_400_000)}&to=${day(Date.now())}`)).body;
    expect(report.chatLines).toBeGreaterThan(300);
    const byAgent = new Map<string, { sales: { value: number }; replyRate: { value: number }; responseTime: { value: number; band: string } }>(report.agents.map((a: { agent: string }) => [a.agent, a]));
    expect([...byAgent.keys()].sort()).toEqual(['01', '02', '03']);
    for (const a of byAgent.values()) expect(a.sales.value).toBeGreaterThan(0);
    expect(byAgent.get('01')!.responseTime.band).toBe('good');
    expect(byAgent.get('03')!.responseTime.value).toBeGreaterThan(byAgent.get('01')!.responseTime.value);
    // Someone waited in vain each week: not every asking buyer was answered.
    expect(Math.min(...[...byAgent.values()].map((a) => a.replyRate.value))).toBeLessThan(100);
    expect(report.ranking).toHaveLength(3);
  } finally {
    await shop.close();
  }
}, 120_000);
