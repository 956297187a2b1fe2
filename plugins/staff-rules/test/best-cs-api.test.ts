// Best CS of the month from cs-scripts, with both real plugins and fulfillment: cs-scripts closes
// October, staff-rules books 50 元 and 20 元 for its first and second, once.
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, type TestClient, type TestHost } from '@workbench/plugin-api/testing';
import { createSkus, enterOrder, type Client, type TestSku } from '../../../test/helpers/shop-fixtures.js';
import { addStaff } from './helpers.js';

const asClient = (c: TestClient) => c as unknown as Client;

/** Two agents: 1 answers 小明, who pays; 2 answers 阿花, who pays twice. */
const LOG = [
  '时间,买家,客服,方向,内容',
  '2026-10-30 10:00:00,小明,1,in,在吗？这件有M码吗',
  '2026-10-30 10:00:30,小明,1,out,亲，在的',
  '2026-10-30 14:30:00,阿花,2,in,有优惠券吗',
  '2026-10-30 14:30:20,阿花,2,out,有的，满200减20',
].join('\r\n');

/** The chat log imported through cs-scripts, as the owner; answers its report. */
const importChat = async (bytes: Uint8Array) => (await host.owner.runImport('/api/cs-scripts/importers/chat-log', { name: '聊天记录.csv', bytes })).result;

/** A paid order (99 元) for `buyer` now, remarked with the agent's 工号 through fulfillment. */
async function soldBy(skus: TestSku[], buyer: string, agent: string) {
  const order = await enterOrder(asClient(host.owner), [{ sku: skus[0]! }], { buyerNick: buyer });
  expect((await host.owner.post(`/api/fulfillment/orders/${order.id}/remarks`, { text: `${agent}+申通+客服成交` })).status).toBe(201);
}

let host: TestHost;
let one: { id: number };
let two: { id: number };

beforeAll(async () => {
  host = await startTestHost({
    plugins: [resolve(import.meta.dirname, '..'), resolve(import.meta.dirname, '../../cs-scripts')],
    enabled: ['listings', 'fulfillment', 'staff-rules', 'cs-scripts'],
    clock: '2026-10-30T09:00:00+08:00',
  });
  one = await addStaff(host.owner, { code: '1', name: '小一' });
  two = await addStaff(host.owner, { code: '2', name: '小二' });
  const skus = await createSkus(asClient(host.owner), 1, 'BC');
  await host.clock.set('2026-10-30T10:05:00+08:00');
  await soldBy(skus, '小明', '1');
  await host.clock.set('2026-10-30T15:00:00+08:00');
  await soldBy(skus, '阿花', '2');
  await soldBy(skus, '阿花', '2');
  expect(await importChat(new TextEncoder().encode(LOG))).toMatchObject({ imported: 4 });
});
afterAll(() => host?.close());

test('closing the month in cs-scripts books the best CS rewards by 工号, explained, once', async () => {
  // staff-rules' October is closed first: the rewards go to the first open month, dated October's last day.
  await host.clock.set('2026-11-01T09:00:00+08:00');
  expect((await host.owner.post('/api/staff-rules/months/2026-10/close')).status).toBe(200);
  const closed = await host.owner.post('/api/cs-scripts/kpis/months/2026-10/close');
  expect(closed.status, closed.text).toBe(200);
  expect(closed.body.first.code).toBe('2');

  const rewards = (await host.owner.get('/api/staff-rules/fines?month=2026-11&kind=reward')).body.items as { staffId: number; rule: string; amountFen: number; date: string; source: string; explanation: { text: { 'zh-CN': string } } }[];
  expect(rewards.map((r) => [r.staffId, r.rule, r.amountFen, r.date, r.source])).toEqual(expect.arrayContaining([
    [two.id, 'best-cs', 5000, '2026-10-31', 'cs-scripts'],
    [one.id, 'best-cs', 2000, '2026-10-31', 'cs-scripts'],
  ]));
  expect(rewards).toHaveLength(2);
  expect(rewards.find((r) => r.staffId === two.id)!.explanation.text['zh-CN']).toContain('营业额 198.00 元');
  // Placed by the KPIs, and the explanation says so rather than naming satisfaction.
  expect(rewards.find((r) => r.staffId === two.id)!.explanation.text['zh-CN']).toContain('本月客服考核第 1 名（按营业额');
  expect(rewards.every((r) => !r.explanation.text['zh-CN'].includes('满意度'))).toBe(true);
  // A second close is refused by cs-scripts, and nothing more is booked.
  expect((await host.owner.post('/api/cs-scripts/kpis/months/2026-10/close')).status).toBe(409);
  expect((await host.owner.get('/api/staff-rules/fines?month=2026-11&kind=reward')).body.items).toHaveLength(2);
});
