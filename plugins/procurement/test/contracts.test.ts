// Purchase contracts: the written terms checklist, approval (never by the author), the 履约台账
// filled by receiving, change and termination with their ground.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestHost } from '@workbench/plugin-api/testing';
import { startProcurement } from './helpers/host.js';
import { binFor, createScannableSkus, sentOrder } from './helpers/orders.js';

let host: TestHost;

beforeAll(async () => {
  host = await startProcurement({ fulfillment: true, clock: '2026-12-07T10:00:00+08:00' });
});
afterAll(() => host?.close());

const ALL_TERMS = { subject: true, quantity: true, price: true, quality: true, delivery: true, payment: true, breach: true, disputes: true };

test('a contract is approved only with every term written, not by its author; deliveries fill its ledger; it ends with a ground', async () => {
  const buyer = await host.staff('caigou', ['purchasing']);
  const finance = await host.staff('caiwu', ['finance']);
  const [a] = await createScannableSkus(host.owner, ['M']);
  await binFor(host.owner, a!, 'C-01-01-01');
  const supplier = (await host.owner.post('/api/procurement/suppliers', { name: '常熟暖绒', leadTimeDays: 5 })).body;
  const draft = await buyer.post('/api/procurement/contracts', { supplierId: supplier.id, title: '2027 年冬季睡衣', startsOn: '2026-12-07', terms: { subject: true, quantity: true, price: true } });
  expect(draft.status, draft.text).toBe(201);
  const early = await finance.post(`/api/procurement/contracts/${draft.body.id}/approve`, { version: draft.body.version });
  expect(early.status).toBe(409);
  expect(early.body.detail).toBe('合同还缺这些条款：质量标准与验收、交货时间、地点与方式、付款方式与期限、违约责任、争议解决');
  const ticked = await buyer.put(`/api/procurement/contracts/${draft.body.id}/terms`, { version: draft.body.version, terms: ALL_TERMS });
  expect((await buyer.post(`/api/procurement/contracts/${draft.body.id}/approve`, { version: ticked.body.version })).status).toBe(403);
  const own = await host.staff('caigou-zhuguan', ['procurement.contracts.manage', 'procurement.contracts.approve']);
  const ownDraft = (await own.post('/api/procurement/contracts', { supplierId: supplier.id, title: '自己起草', startsOn: '2026-12-07', terms: ALL_TERMS })).body;
  expect((await own.post(`/api/procurement/contracts/${ownDraft.id}/approve`, { version: ownDraft.version })).body.detail).toBe('合同不能由起草人自己审批，请另一位同事审批');
  const approved = await finance.post(`/api/procurement/contracts/${draft.body.id}/approve`, { version: ticked.body.version });
  expect(approved.body).toMatchObject({ status: 'approved', approvedByName: 'caiwu' });

  const keeper = await host.staff('cangguan', ['warehouse']);
  const { order } = await sentOrder(host, buyer, [a!], { qty: [10], supplierId: supplier.id, contractId: draft.body.id, expectedDate: '2026-12-06' });
  await keeper.post(`/api/procurement/orders/${order.id}/receipts`, { lines: [{ code: a!.code, counted: 8, failed: 2 }] });
  const ledger = (await buyer.get(`/api/procurement/contracts/${draft.body.id}`)).body;
  expect(ledger.performance).toEqual([expect.objectContaining({ day: '2026-12-07', onTime: false, inFull: false, counted: 8, failed: 2 })]);
  expect(ledger.summary).toEqual({ deliveries: 1, onTimePercent: 0, inFullPercent: 0, failedPercent: 25 });

  const ended = await buyer.post(`/api/procurement/contracts/${draft.body.id}/changes`, { version: ledger.version, kind: 'termination', ground: 'counterparty-default', reason: '连续两批不合格' });
  expect(ended.status, ended.text).toBe(201);
  expect(ended.body).toMatchObject({ status: 'terminated', changes: [{ kind: 'termination', ground: 'counterparty-default', reason: '连续两批不合格', byName: 'caigou' }] });
  const onEnded = await host.owner.post('/api/procurement/orders', { supplierId: supplier.id, contractId: draft.body.id, lines: [{ skuCode: a!.code, qty: 1, price: 100 }] });
  expect(onEnded.status).toBe(409);
  expect(onEnded.body.detail).toContain('已审批、未解除的合同');
});
