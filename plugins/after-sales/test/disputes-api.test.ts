// A dispute on a case: talk first, appeal second, one outcome; the evidence bundle as one file.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestHost } from '@workbench/plugin-api/testing';
import { API, paidOrder, skusOf, startAfterSales } from './kit.js';

let host: TestHost;

beforeAll(async () => {
  host = await startAfterSales();
});
afterAll(() => host?.close());

test('talk, then appeal, then the outcome; the bundle holds the timeline, notes, ledger and log', async () => {
  const order = await paidOrder(host, await skusOf(host, 1));
  const c = (await host.owner.post(`${API}/cases`, { orderId: order.id, kind: 'return-refund', reason: '质量问题', customerWords: '衣服有破洞' })).body;
  const log = (kind: string, text: string) => host.owner.post(`${API}/cases/${c.id}/dispute`, { kind, text });
  const early = await log('appeal', '申请小二介入');
  expect(early.status).toBe(409);
  expect(early.body.detail).toBe('先和买家协商并记下来，协商不成再申诉');
  expect((await log('talk', '  ')).body.detail).toBe('请写下协商、申诉或结果的内容');
  expect((await log('talk', '买家坚持全额退款加补偿 20 元')).status).toBe(201);
  expect((await log('appeal', '提交申诉：破洞为买家使用造成')).status).toBe(201);
  await host.owner.post(`${API}/cases/${c.id}/refunds`, { goods: 3000, note: '部分退款' });
  const done = await log('outcome', '平台判定部分退款 30 元');
  expect(done.body.items.map((e: { kind: string }) => e.kind)).toEqual(['talk', 'appeal', 'outcome']);
  expect((await log('talk', '再聊')).status).toBe(409);

  const file = await host.owner.get(`${API}/cases/${c.id}/evidence-bundle`);
  expect(file.status).toBe(200);
  const bundle = JSON.parse(file.text);
  expect(bundle.case).toMatchObject({ caseNo: c.caseNo, notes: [{ kind: 'customer', text: '衣服有破洞' }], refunds: [{ goods: 3000 }] });
  expect(bundle.case.moves.length).toBeGreaterThan(0);
  expect(bundle.dispute.map((e: { text: string }) => e.text)).toContain('提交申诉：破洞为买家使用造成');
  const cs = await host.staff('kefu', ['customer-service']);
  expect((await cs.get(`${API}/cases/${c.id}/dispute`)).body.items).toHaveLength(3);
});
