// Requests for quotation: several suppliers asked, quotes per line, the comparison (price, lead
// time, minimum, points), the choice with its reason, and the drafts made from it.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestHost } from '@workbench/plugin-api/testing';
import { createSkus, createSupplier, startProcurement } from './helpers/host.js';

let host: TestHost;

beforeAll(async () => {
  host = await startProcurement({ clock: '2026-12-07T10:00:00+08:00' });
});
afterAll(() => host?.close());

test('quotes compared per line, the choice and its reason recorded, one draft per chosen supplier', async () => {
  const buyer = await host.staff('caigou', ['purchasing']);
  const [m, l] = await createSkus(host.owner, ['M', 'L']);
  const a = await createSupplier(host.owner, { leadTimeDays: 3 });
  const b = await createSupplier(host.owner, { leadTimeDays: 10 });
  await host.owner.post(`/api/procurement/suppliers/${b.id}/breaches`, { kind: 'late-delivery' });
  const made = await buyer.post('/api/procurement/rfqs', { supplierIds: [a.id, b.id], lines: [{ skuCode: m!.code, qty: 20 }, { skuCode: l!.code, qty: 5 }] });
  expect(made.status, made.text).toBe(201);
  expect(made.body.rfqNo).toMatch(/^XJ20261207\d{3}$/);
  const [lm, ll] = made.body.lines;

  expect((await buyer.put(`/api/procurement/rfqs/${made.body.id}/quotes`, { supplierId: a.id, lines: [{ lineId: lm.id, price: 4200, leadTimeDays: 3 }, { lineId: ll.id, price: 4200, leadTimeDays: 3 }] })).status).toBe(200);
  const cmp = await buyer.put(`/api/procurement/rfqs/${made.body.id}/quotes`, { supplierId: b.id, lines: [{ lineId: lm.id, price: 3900, leadTimeDays: 10, minQty: 30, note: '30 件起' }] });
  const line = cmp.body.lines[0];
  // 3900 × 30 (its minimum) = 117,000 against 4200 × 20 = 84,000: the cheaper piece is the dearer line.
  expect(line.quotes).toEqual([
    expect.objectContaining({ supplierId: a.id, price: 4200, leadTimeDays: 3, minQty: 1, amount: 84_000, cheapest: true }),
    expect.objectContaining({ supplierId: b.id, price: 3900, leadTimeDays: 10, minQty: 30, amount: 117_000, cheapest: false }),
  ]);
  expect(cmp.body.suppliers.find((s: { id: number }) => s.id === b.id)).toMatchObject({ points: 10, leadTimeDays: 10 });

  const noQuote = await buyer.post(`/api/procurement/rfqs/${made.body.id}/decision`, { version: cmp.body.version, reason: '便宜', choices: [{ lineId: ll.id, supplierId: b.id }] });
  expect(noQuote.status).toBe(400);
  expect(noQuote.body.detail).toBe(`${l!.code} 没有这家供应商的报价，不能选它`);
  const decided = await buyer.post(`/api/procurement/rfqs/${made.body.id}/decision`, { version: cmp.body.version, reason: 'B 家单价低但起订 30 件、交期 10 天，这次选 A', choices: [{ lineId: lm.id, supplierId: b.id }, { lineId: ll.id, supplierId: a.id }] });
  expect(decided.status, decided.text).toBe(200);
  expect(decided.body).toMatchObject({ status: 'decided', choiceReason: 'B 家单价低但起订 30 件、交期 10 天，这次选 A', decidedAt: '2026-12-07T10:00:00.000+08:00' });
  expect((await buyer.put(`/api/procurement/rfqs/${made.body.id}/quotes`, { supplierId: a.id, lines: [{ lineId: lm.id, price: 1, leadTimeDays: 1 }] })).status).toBe(409);

  const ordered = await buyer.post(`/api/procurement/rfqs/${made.body.id}/orders`, { version: decided.body.version });
  expect(ordered.status, ordered.text).toBe(201);
  expect(ordered.body.orders).toHaveLength(2);
  const fromB = (await buyer.get(`/api/procurement/orders/${ordered.body.orders.find((o: { supplierId: number }) => o.supplierId === b.id).id}`)).body;
  expect(fromB).toMatchObject({ status: 'draft', rfqId: made.body.id, lines: [{ skuCode: m!.code, qty: 30, price: 3900, expectedDate: '2026-12-17' }] });
  expect((await buyer.post(`/api/procurement/rfqs/${made.body.id}/orders`, { version: decided.body.version + 1 })).status).toBe(409);
});

test('an ended supplier is not asked; asking needs procurement.rfqs.manage', async () => {
  const [m] = await createSkus(host.owner, ['S']);
  const ended = await createSupplier(host.owner);
  for (let i = 0; i < 5; i++) await host.owner.post(`/api/procurement/suppliers/${ended.id}/breaches`, { kind: 'quality-failure' });
  const refused = await host.owner.post('/api/procurement/rfqs', { supplierIds: [ended.id], lines: [{ skuCode: m!.code, qty: 1 }] });
  expect(refused.status).toBe(409);
  const keeper = await host.staff('cangguan', ['warehouse']);
  expect((await keeper.post('/api/procurement/rfqs', { supplierIds: [ended.id], lines: [{ skuCode: m!.code, qty: 1 }] })).status).toBe(403);
  expect((await keeper.get('/api/procurement/rfqs')).status).toBe(200);
});
