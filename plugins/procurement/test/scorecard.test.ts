// The supplier scorecard through the API: points per breach from the settings, owner approval and a
// fix-by date at 50, the end at 100, the 31 December reset (a job, run by the test clock), and the
// store methods the purchase-order part calls.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestHost } from '@workbench/plugin-api/testing';
import { scorecardStore } from '../server/scorecard/scorecard-store.js';
import { createSupplier, startProcurement } from './helpers/host.js';

let host: TestHost;

beforeAll(async () => {
  host = await startProcurement({ clock: '2026-12-20T10:00:00+08:00' });
});
afterAll(() => host?.close());

const breach = (id: number, kind: string, extra: Record<string, unknown> = {}) => host.owner.post(`/api/procurement/suppliers/${id}/breaches`, { kind, ...extra });
const scorecard = async (id: number) => (await host.owner.get(`/api/procurement/suppliers/${id}/scorecard`)).body;

test('breaches add their points; at 50 new orders need the owner and a fix-by date is set; at 100 the supplier is ended', async () => {
  const supplier = await createSupplier(host.owner);
  const first = await breach(supplier.id, 'quality-failure', { reference: 'PO-0001', note: '起球' });
  expect(first.status, first.text).toBe(201);
  expect(first.body.entry).toMatchObject({ kind: 'quality-failure', kindName: { 'zh-CN': '质检不合格' }, points: 20, pointsAfter: 20, standingAfter: 'active', reference: 'PO-0001' });
  expect(first.body.explanation['zh-CN']).toBe('质检不合格 扣 20 分：0 → 20 分。今年已扣 20 分，未到 50 分：可以正常下单');
  await breach(supplier.id, 'quality-failure');
  const third = await breach(supplier.id, 'short-delivery');
  expect(third.body.supplier).toMatchObject({ points: 50, standing: 'approval', fixBy: '2027-01-19' });
  expect(third.body.explanation['zh-CN']).toContain('少发货 扣 10 分：40 → 50 分。今年已扣 50 分，达到 50 分：新订单须店长批准，须在 2027-01-19 前整改');

  const card = await scorecard(supplier.id);
  expect(card.gate).toMatchObject({ allowed: true, needsOwnerApproval: true, points: 50, fixBy: '2027-01-19' });
  expect(card.entries.map((e: { pointsAfter: number }) => e.pointsAfter)).toEqual([50, 40, 20]);
  expect(card.kinds.map((k: { kind: string }) => k.kind)).toEqual(['late-delivery', 'short-delivery', 'over-delivery', 'quality-failure', 'price-change']);

  await host.clock.advance('2h');
  await breach(supplier.id, 'quality-failure');
  expect((await scorecard(supplier.id)).supplier).toMatchObject({ points: 70, fixBy: '2027-01-19' });
  await breach(supplier.id, 'price-change');
  const end = await breach(supplier.id, 'price-change');
  expect(end.body.supplier).toMatchObject({ points: 100, standing: 'ended' });
  expect(end.body.explanation.en).toContain('100 points this year, at or over 100: the supplier is ended');
  const gate = (await scorecard(supplier.id)).gate;
  expect(gate).toMatchObject({ allowed: false, needsOwnerApproval: false });
});

test('an unknown kind of breach is refused, naming the kinds there are', async () => {
  const supplier = await createSupplier(host.owner);
  const reply = await breach(supplier.id, 'rude-driver');
  expect(reply.status).toBe(400);
  expect(reply.body.detail).toContain('延迟交货 late-delivery');
  expect(reply.body.errors).toEqual([{ path: '/kind', in: 'body', message: 'unknown' }]);
  expect((await breach(999999, 'late-delivery')).status).toBe(404);
});

test('the points per kind and the thresholds follow the settings', async () => {
  const current = await host.owner.get('/api/settings/procurement');
  const value = structuredClone(current.body.value);
  value.scorecard.breaches[0].points = 30; // late delivery
  value.scorecard.approvalAt = 30;
  value.scorecard.fixDays = 7;
  const saved = await host.owner.put('/api/settings/procurement', { value, version: current.body.version });
  expect(saved.status, saved.text).toBe(200);
  try {
    const supplier = await createSupplier(host.owner);
    const late = await breach(supplier.id, 'late-delivery');
    expect(late.body.entry.points).toBe(30);
    expect(late.body.supplier).toMatchObject({ points: 30, standing: 'approval', fixBy: '2026-12-27' });
  } finally {
    const now = await host.owner.get('/api/settings/procurement');
    await host.owner.put('/api/settings/procurement', { value: current.body.value, version: now.body.version });
  }
});

test('the store methods the purchase orders call: the gate, and a breach from receiving, in the caller\'s transaction', async () => {
  const supplier = await createSupplier(host.owner);
  const rules = (await host.owner.get('/api/settings/procurement')).body.value.scorecard;
  const recorded = await host.write((tx) => scorecardStore(tx, rules).recordBreach(supplier.id, { kind: 'over-delivery', reference: 'PO-0042', source: 'receiving' }, '2026-12-21T11:00:00.000+08:00'));
  expect(recorded.entry).toMatchObject({ source: 'receiving', points: 5, reference: 'PO-0042' });
  const gate = await host.read((q) => scorecardStore(q, rules).orderGate(supplier.id));
  expect(gate).toMatchObject({ allowed: true, needsOwnerApproval: false, points: 5 });
  expect(gate.reason['zh-CN']).toBe('今年已扣 5 分，未到 50 分：可以正常下单');
});

test('on 31 December the points go back to zero: approval becomes active, an ended supplier stays ended', async () => {
  // A host of its own that starts on the last evening of the year, so the clock has little to run.
  const host = await startProcurement({ clock: '2026-12-31T22:00:00+08:00' });
  const breach = (id: number, kind: string) => host.owner.post(`/api/procurement/suppliers/${id}/breaches`, { kind });
  const scorecard = async (id: number) => (await host.owner.get(`/api/procurement/suppliers/${id}/scorecard`)).body;
  try {
    const held = await createSupplier(host.owner);
    for (const kind of ['quality-failure', 'quality-failure', 'late-delivery']) await breach(held.id, kind);
    expect((await scorecard(held.id)).supplier.standing).toBe('approval');
    const ended = await createSupplier(host.owner);
    for (const kind of ['quality-failure', 'quality-failure', 'quality-failure', 'quality-failure', 'quality-failure']) await breach(ended.id, kind);
    expect((await scorecard(ended.id)).supplier.standing).toBe('ended');

    await host.clock.advance('1h');
    await breach(held.id, 'over-delivery'); // the last day still counts in the old year
    expect((await scorecard(held.id)).supplier.points).toBe(55);
    await host.clock.advance('2h');
    await host.settled();

    const card = await scorecard(held.id);
    expect(card.supplier).toMatchObject({ points: 0, standing: 'active', fixBy: null });
    expect(card.entries[0]).toMatchObject({ kind: 'reset', points: -55, pointsAfter: 0, standingAfter: 'active', source: 'job' });
    expect(card.entries.slice(1).every((e: { clearedAt: string | null }) => e.clearedAt !== null)).toBe(true);
    expect((await scorecard(ended.id)).supplier).toMatchObject({ points: 0, standing: 'ended' });
    expect((await scorecard(ended.id)).gate.allowed).toBe(false);

    // A new year's breach counts from zero.
    const fresh = await breach(held.id, 'late-delivery');
    expect(fresh.body.supplier).toMatchObject({ points: 10, standing: 'active' });
  } finally {
    await host.close();
  }
});

test('recording a breach needs scorecard.record (the warehouse has it); reading the scorecard suppliers.read', async () => {
  const supplier = await createSupplier(host.owner);
  const reader = await host.staff('kan', ['procurement.suppliers.read']);
  expect((await reader.get(`/api/procurement/suppliers/${supplier.id}/scorecard`)).status).toBe(200);
  expect((await reader.post(`/api/procurement/suppliers/${supplier.id}/breaches`, { kind: 'late-delivery' })).status).toBe(403);
  const warehouse = await host.staff('cang', ['warehouse']);
  expect((await warehouse.post(`/api/procurement/suppliers/${supplier.id}/breaches`, { kind: 'short-delivery' })).status).toBe(201);
  const cs = await host.staff('kefu', ['customer-service']);
  expect((await cs.get(`/api/procurement/suppliers/${supplier.id}/scorecard`)).status).toBe(403);
});
