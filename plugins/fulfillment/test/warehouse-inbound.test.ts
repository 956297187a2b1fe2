import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { colleague, createSkus, startFulfillment, type Client, type FulfillmentServer, type TestSku } from './api.js';

let f: FulfillmentServer;
let owner: Client;
let skus: TestSku[];
const api = (path: string) => `/api/fulfillment${path}`;

beforeAll(async () => {
  f = await startFulfillment({ inProcess: true });
  owner = f.owner;
  skus = await createSkus(owner, 3);
  for (const code of ['A-01-01-01', 'A-01-01-02', 'A-01-01-03']) await owner.post(api('/locations'), { code });
});
afterAll(() => f.server.dispose());

const line = (sku: TestSku, received: number, passed: number, failed: number, extra: Record<string, unknown> = {}) => ({ skuCode: sku.code, received, passed, failed, ...extra });

describe('inbound with inspection', () => {
  test('passed pieces go to the bin, failed ones to 残次库 with the reason; the note is RK + shop date + sequence', async () => {
    const [a, b] = skus;
    const reply = await owner.post(api('/inbound'), {
      reference: 'CG-2026-0042',
      supplier: '杭州织造厂',
      lines: [line(a!, 10, 8, 2, { location: 'a-01-01-01', failureReason: '线头、污渍' }), line(b!, 5, 5, 0, { location: 'A-01-01-02' })],
    });
    expect(reply.status).toBe(201);
    const note = reply.body;
    const day = note.createdAt.slice(0, 10).replaceAll('-', '');
    expect(note.noteNo).toMatch(new RegExp(`^RK${day}\\d{3}$`));
    expect(note).toMatchObject({ source: 'manual', reference: 'CG-2026-0042', supplier: '杭州织造厂', actorName: '王店长', totals: { received: 15, passed: 13, failed: 2 } });
    expect(note.lines).toEqual([
      expect.objectContaining({ skuId: a!.id, skuCode: a!.code, title: '测试卫衣 加绒连帽', received: 10, passed: 8, failed: 2, locationCode: 'A-01-01-01', failureReason: '线头、污渍' }),
      expect.objectContaining({ skuId: b!.id, passed: 5, failed: 0, locationCode: 'A-01-01-02', failureReason: null }),
    ]);

    const stockA = (await owner.get(api(`/stock?sku=${a!.id}`))).body.items[0];
    expect(stockA).toMatchObject({ onHand: 8, defective: 2, available: 8 });
    const ledger = (await owner.get(api(`/ledger?sku=${a!.id}`))).body.items;
    expect(ledger).toEqual([
      expect.objectContaining({ kind: 'defective', locationCode: null, qty: 2, reason: '线头、污渍', reference: note.noteNo, actorName: '王店长' }),
      expect.objectContaining({ kind: 'inbound', locationCode: 'A-01-01-01', qty: 8, balance: 8, reference: note.noteNo, actorName: '王店长' }),
    ]);

    const next = await owner.post(api('/inbound'), { lines: [line(a!, 1, 1, 0, { location: 'A-01-01-01' })] });
    expect(Number(next.body.noteNo.slice(-3))).toBe(Number(note.noteNo.slice(-3)) + 1);
    expect((await owner.get(api(`/inbound/${note.id}`))).body).toEqual(note);
    const list = await owner.get(api('/inbound?q=CG-2026'));
    expect(list.body.items.map((n: { id: number }) => n.id)).toEqual([note.id]);
  });

  test('each refusal names the line and leaves the stock as it was', async () => {
    const [a, , c] = skus;
    const before = (await owner.get(api('/ledger'))).body.total;
    const cases: [unknown[], number, string][] = [
      [[line(a!, 4, 3, 0, { location: 'A-01-01-03' })], 400, '≠ 实收 4 件'],
      [[line(a!, 2, 1, 1, { location: 'A-01-01-03' })], 400, '请写明不合格原因'],
      [[line(a!, 2, 2, 0)], 400, '请填写库位编号'],
      [[line(a!, 0, 0, 0)], 400, '到货数量为 0'],
      [[line(c!, 1, 1, 0, { location: 'A-01-01-03' }), { skuCode: 'NO-SUCH-CODE', received: 1, passed: 1, failed: 0, location: 'A-01-01-03' }], 400, 'NO-SUCH-CODE'],
      [[line(c!, 1, 1, 0, { location: 'Q-01-01-01' })], 400, '库位 Q-01-01-01 不存在'],
      [[line(c!, 1, 1, 0, { location: 'A-01-01-03' }), line(a!, 1, 1, 0, { location: 'A-01-01-03' })], 409, '一物一卡一位'],
    ];
    for (const [lines, status, text] of cases) {
      const reply = await owner.post(api('/inbound'), { lines });
      expect(reply.status, text).toBe(status);
      expect(reply.body.detail).toContain(text);
    }
    const unknown = await owner.post(api('/inbound'), { lines: [{ skuCode: 'NO-SUCH-CODE', received: 1, passed: 1, failed: 0, location: 'A-01-01-03' }] });
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: '/lines/0/skuCode' })]);
    expect((await owner.get(api('/ledger'))).body.total).toBe(before);
    expect((await owner.get(api(`/stock?sku=${c!.id}`))).body.items).toEqual([]);
  });

  test('all failed: nothing needs a bin, everything goes to 残次库', async () => {
    const [, , c] = skus;
    const reply = await owner.post(api('/inbound'), { lines: [line(c!, 3, 0, 3, { failureReason: '整箱受潮' })] });
    expect(reply.status).toBe(201);
    expect(reply.body.lines[0]).toMatchObject({ locationCode: null, failed: 3 });
    expect((await owner.get(api(`/stock?sku=${c!.id}`))).body.items[0]).toMatchObject({ onHand: 0, defective: 3, bins: [] });
  });

  test('the printable inbound note lists codes, titles, quantities, bins, who and when, escaping text', async () => {
    const [a] = skus;
    const made = await owner.post(api('/inbound'), { supplier: '<b>坏</b>供应商', lines: [line(a!, 3, 2, 1, { location: 'A-01-01-01', failureReason: '色差' })] });
    const page = await owner.get(api(`/printables/inbound-note?id=${made.body.id}`));
    expect(page.status).toBe(200);
    for (const text of [made.body.noteNo, a!.code, '测试卫衣 加绒连帽', 'A-01-01-01', '色差', '王店长', made.body.createdAt.slice(0, 10), '&lt;b&gt;坏&lt;/b&gt;供应商']) expect(page.text).toContain(text);
    expect(page.text).not.toContain('<b>坏</b>');
    expect((await owner.get(api('/printables/inbound-note?id=99999'))).status).toBe(404);
  });

  test('receiving needs stock.manage, reading notes stock.read', async () => {
    const [a] = skus;
    const reader = await colleague(f.server, owner, 'rk-reader', ['fulfillment.stock.read']);
    const nobody = await colleague(f.server, owner, 'rk-nobody', ['fulfillment.orders.read']);
    expect((await reader.post(api('/inbound'), { lines: [line(a!, 1, 1, 0, { location: 'A-01-01-01' })] })).status).toBe(403);
    expect((await reader.get(api('/inbound'))).status).toBe(200);
    expect((await nobody.get(api('/inbound'))).status).toBe(403);
    expect((await nobody.get(api('/inbound/1'))).status).toBe(403);
    expect((await reader.get(api('/printables/inbound-note?id=1'))).status).toBe(403);
  });
});
