// With the real fulfillment and staff-rules: cases opened and moved by the Taobao import's refund
// states, and a shop mistake traced to the CS agent whose 工号 is on the remark, priced by
// staff-rules when the case closes.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { approve, createSkus, enterOrder, pickedWave, runImport, stockUp, startFulfillment, type Client, type TestServer, type TestSku } from '../../fulfillment/test/api.js';
import { encodeReport, taobaoExport } from '../../fulfillment/test/fixtures/taobao-export.mjs';
import { withRefunds, type LineRefund } from '../../fulfillment/test/refund-cells.js';
import { API, PLUGIN, STAFF_RULES } from './kit.js';

let server: TestServer;
let owner: Client;
let skus: TestSku[];

beforeAll(async () => {
  ({ server, owner } = await startFulfillment({ inProcess: true, folders: [PLUGIN, STAFF_RULES], enabled: ['listings', 'fulfillment', 'after-sales', 'staff-rules'] }));
  skus = await createSkus(owner, 3, 'AI');
});
afterAll(() => server?.dispose());

const move = async (id: number, to: string) => {
  const c = await owner.get(`${API}/cases/${id}`);
  return owner.post(`${API}/cases/${id}/move`, { version: c.body.version, to });
};

test('a refund on the Taobao import opens the line\'s case; a later import moves it and books the amount', async () => {
  const e = taobaoExport({ orders: 12, seed: 16, firstOrderNo: '5316000000000001', layout: 'later', skuCodes: skus.map((s) => s.code), statusOf: () => 'paid' });
  const upload = async (refunds: Map<string, LineRefund>) => {
    const run = await runImport(server, owner, 'taobao-orders', [e.orderFile, { name: e.itemFile.name, bytes: encodeReport(withRefunds(e.itemReport, refunds)) }]);
    expect(run.problem).toBeUndefined();
  };
  const [single, multi] = [e.orders.find((o) => o.items.length === 1)!, e.orders.find((o) => o.items.length > 1)!];
  await upload(new Map([[single.items[0]!.lineKey, { state: '买家已经申请退款，等待卖家同意' }], [multi.items[0]!.lineKey, { state: 'WAIT_SELLER_AGREE' }]]));
  const opened = (await owner.get(`${API}/cases?orderNo=${single.orderNo}`)).body.items;
  expect(opened).toHaveLength(1);
  expect(opened[0]).toMatchObject({ source: 'import', kind: 'refund-only', state: 'wait-seller-agree', lineKey: single.items[0]!.lineKey, platformRefund: '买家已经申请退款，等待卖家同意' });
  expect((await owner.get(`${API}/cases?orderNo=${multi.orderNo}`)).body.items.map((c: { lineKey: string }) => c.lineKey)).toEqual([multi.items[0]!.lineKey]);

  // Taobao refunds the whole single-line order: it closes, and the case follows with the amount.
  await upload(new Map([[single.items[0]!.lineKey, { state: 'SUCCESS', amount: '10.00' }], [multi.items[0]!.lineKey, { state: 'WAIT_SELLER_AGREE' }]]));
  const done = await owner.get(`${API}/cases/${opened[0].id}`);
  expect(done.body).toMatchObject({ state: 'refunded', refunded: { goods: 1000 }, closedAt: expect.any(String) });
  expect(done.body.moves.at(-1)).toMatchObject({ from: 'wait-seller-agree', to: 'refunded', by: { id: null, name: '淘宝导入' }, note: 'SUCCESS' });
});

test('who pays the return shipping, with its arithmetic: exchange half each, the customer for a return, the shop for its mistake', async () => {
  const order = await enterOrder(owner, [{ sku: skus[0]! }, { sku: skus[1]! }]);
  const ex = (await owner.post(`${API}/cases`, { orderId: order.id, itemId: order.items[0].id, kind: 'exchange', reason: '尺码不合适' })).body;
  const half = await owner.put(`${API}/cases/${ex.id}/responsibility`, { version: ex.version, party: 'customer', returnShippingFen: 1001 });
  expect(half.status, half.text).toBe(200);
  expect(half.body.responsibility).toMatchObject({ party: 'customer', mistake: null, shopFen: 500, customerFen: 501, responsible: [] });
  expect(half.body.responsibility.explanation['zh-CN']).toBe('退货运费 10.01 元：换货，双方各半 —— 10.01 元 ÷ 2，店铺 5.00 元，顾客 5.01 元');
  const ret = (await owner.post(`${API}/cases`, { orderId: order.id, itemId: order.items[1].id, kind: 'return-refund', reason: '七天无理由' })).body;
  const customer = await owner.put(`${API}/cases/${ret.id}/responsibility`, { version: ret.version, party: 'customer', returnShippingFen: 1200 });
  expect(customer.body.responsibility).toMatchObject({ shopFen: 0, customerFen: 1200 });
  const noMistake = await owner.put(`${API}/cases/${ret.id}/responsibility`, { version: customer.body.version, party: 'shop', returnShippingFen: 1200 });
  expect(noMistake.status).toBe(400);
  const courier = await owner.put(`${API}/cases/${ret.id}/responsibility`, { version: customer.body.version, party: 'courier', returnShippingFen: 1200 });
  expect(courier.body.responsibility).toMatchObject({ shopFen: 0, customerFen: 0, otherFen: 1200 });
});

test('a shop mistake names the CS agent of the remark; closing the case prices it in staff-rules', async () => {
  const agent = await owner.post('/api/staff-rules/staff', { code: '7', name: '李小丽', department: 'cs-presale' });
  expect(agent.status, agent.text).toBe(201);
  const order = await enterOrder(owner, [{ sku: skus[2]! }]);
  expect((await owner.post(`/api/fulfillment/orders/${order.id}/remarks`, { text: '7+申通+要黑色' })).status).toBe(201);
  const c = (await owner.post(`${API}/cases`, { orderId: order.id, kind: 'return-refund', reason: '发错货' })).body;
  const decided = await owner.put(`${API}/cases/${c.id}/responsibility`, { version: c.version, party: 'shop', mistake: 'cs-remark', returnShippingFen: 2400 });
  expect(decided.status, decided.text).toBe(200);
  expect(decided.body.responsibility).toMatchObject({ party: 'shop', mistake: 'cs-remark', shopFen: 2400, responsible: [{ step: 'remark', name: '李小丽', staffId: agent.body.id }] });
  expect(decided.body.responsibility.explanation['zh-CN']).toBe('退货运费 24.00 元：店铺失误，由店铺全部承担 24.00 元；责任人：客服备注 李小丽（各自分摊按员工制度计算）');

  for (const to of ['wait-buyer-return', 'wait-seller-confirm']) expect((await move(c.id, to)).status).toBe(200);
  expect((await owner.post(`${API}/cases/${c.id}/refunds`, { goods: 9900 })).status).toBe(201);
  expect((await move(c.id, 'refunded')).status).toBe(200);
  const fines = await owner.get(`/api/staff-rules/fines?staffId=${agent.body.id}&kind=penalty`);
  expect(fines.status, fines.text).toBe(200);
  const penalty = fines.body.items.find((a: { source: string; sourceRef: string }) => a.source === 'after-sales' && a.sourceRef === `AS-${c.id}`);
  expect(penalty).toBeDefined();
  expect(penalty.explanation.text['zh-CN']).toMatch(/24\.00/);
  // A finished case's responsibility no longer changes.
  const late = await owner.put(`${API}/cases/${c.id}/responsibility`, { version: (await owner.get(`${API}/cases/${c.id}`)).body.version, party: 'customer', returnShippingFen: 0 });
  expect(late.status).toBe(409);
});

test('a wrong pack names the people fulfillment recorded for picking and packing, once each', async () => {
  const me = (await owner.get('/api/auth/me')).body;
  const packer = await owner.post('/api/staff-rules/staff', { code: '12', name: '王阿华', department: 'warehouse', accountId: me.id });
  expect(packer.status, packer.text).toBe(201);
  await stockUp(owner, skus[0]!, 'W-01-01-01', 5);
  const order = await enterOrder(owner, [{ sku: skus[0]! }], { buyerNick: 'tb_发错了' });
  await approve(owner, order);
  await pickedWave(owner, [order.id]);
  const picked = (await owner.get(`/api/fulfillment/orders/${order.id}`)).body;
  const shipped = await owner.post(`/api/fulfillment/orders/${order.id}/ship`, { version: picked.version, trackingNo: '7712345678901616', weightGrams: 500 });
  expect(shipped.status, shipped.text).toBe(200);
  const c = (await owner.post(`${API}/cases`, { orderId: order.id, kind: 'exchange', reason: '发错货' })).body;
  const decided = await owner.put(`${API}/cases/${c.id}/responsibility`, { version: c.version, party: 'shop', mistake: 'wrong-pack', returnShippingFen: 1600 });
  expect(decided.status, decided.text).toBe(200);
  // The one account picked and packed: one person, named at the first step.
  expect(decided.body.responsibility.responsible).toEqual([{ step: 'pickedBy', name: '王阿华', staffId: packer.body.id }]);
  expect(decided.body.responsibility.shopFen).toBe(1600);
});
