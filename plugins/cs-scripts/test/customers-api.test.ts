// The customer file through the API, with the real fulfillment and after-sales: orders and cases
// of a buyer, notes, level, preferences and traits, receivers masked by permission; return visits
// due after delivery on the kit's clock; the lists exported for 千牛.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestHost } from '@workbench/plugin-api/testing';
import { decodeCsv, readCsv } from '@workbench/plugin-api';
import type { TestSku } from '../../../test/helpers/shop-fixtures.js';
import { API, paidOrder, shippedOrder, skusOf, startCare } from './care-kit.js';

let host: TestHost;
let skus: TestSku[];

beforeAll(async () => {
  host = await startCare();
  skus = await skusOf(host, 2);
});
afterAll(() => host?.close());

const file = (client = host.owner, query = 'buyerNick=tb_老顾客') => client.get(`${API}/customers/file?${query}`);

test("a buyer's file holds their orders and cases; receivers are masked without fulfillment.customer.read", async () => {
  const first = await paidOrder(host, [skus[0]!, skus[1]!], 'tb_老顾客');
  const second = await paidOrder(host, [skus[1]!], 'tb_老顾客', { receiverName: '周大年', receiverPhone: '13900001111', receiverAddress: '新疆维吾尔自治区乌鲁木齐市天山区解放路 8 号' });
  await paidOrder(host, [skus[0]!], 'tb_别人');
  const c = await host.owner.post('/api/after-sales/cases', { orderId: first.id, itemId: first.items[1].id, kind: 'exchange', reason: '尺码不合适' });
  expect(c.status, c.text).toBe(201);

  const full = await file();
  expect(full.status, full.text).toBe(200);
  expect(full.body.orders.total).toBe(2);
  expect(full.body.orders.spent).toBe(first.paidAmount + second.paidAmount);
  expect(full.body.orders.items.map((o: { orderNo: string }) => o.orderNo).sort()).toEqual([first.orderNo, second.orderNo].sort());
  const shown = full.body.orders.items.find((o: { orderNo: string }) => o.orderNo === second.orderNo);
  expect(shown).toMatchObject({ receiverName: '周大年', receiverPhone: '13900001111', receiverMasked: false });
  expect(full.body.cases).toEqual([expect.objectContaining({ caseNo: `AS-${c.body.id}`, orderNo: first.orderNo, kind: 'exchange', state: 'wait-seller-agree' })]);

  // By an order number, as an agent finds a buyer from the order they ask about.
  expect((await file(host.owner, `orderNo=${encodeURIComponent(` ${second.orderNo} `)}`)).body.buyerNick).toBe('tb_老顾客');

  const clerk = await host.staff('kefu-masked', ['cs-scripts.customers.read']);
  const masked = await file(clerk);
  expect(masked.status, masked.text).toBe(200);
  const hidden = masked.body.orders.items.find((o: { orderNo: string }) => o.orderNo === second.orderNo);
  expect(hidden).toMatchObject({ receiverName: '周**', receiverPhone: '139****1111', receiverMasked: true });
  expect(hidden.receiverAddress).not.toContain('解放路');
  // Cases only for a reader who may see them.
  expect(masked.body.cases).toBeNull();
  const cs = await host.staff('kefu-full', ['customer-service']);
  expect((await file(cs)).body.orders.items.find((o: { orderNo: string }) => o.orderNo === second.orderNo).receiverMasked).toBe(false);
  expect((await file(cs)).body.cases).toHaveLength(1);

  const nobody = await file(host.owner, 'buyerNick=tb_从没来过');
  expect(nobody.status).toBe(404);
  expect(nobody.body.detail).toBe('没有买家 tb_从没来过 的订单或档案');
});

test('level, preferences, traits and notes are kept; the level comes from the settings list', async () => {
  const before = (await file()).body.profile;
  expect(before).toMatchObject({ level: '', traits: [], version: 0 });
  const body = { buyerNick: 'tb_老顾客', version: 0, level: 'VIP会员', preferences: '只穿黑色，M 码', traits: ['爽快', ' 爱砍价 ', '爽快'], holidayGreetings: true, newProductNotices: false };
  const saved = await host.owner.put(`${API}/customers/profile`, body);
  expect(saved.status, saved.text).toBe(200);
  expect(saved.body).toMatchObject({ level: 'VIP会员', traits: ['爽快', '爱砍价'], version: 1, updatedByName: '王店长' });
  expect((await host.owner.put(`${API}/customers/profile`, body)).status).toBe(409);

  const odd = await host.owner.put(`${API}/customers/profile`, { ...body, version: 1, level: '钻石会员' });
  expect(odd.status).toBe(400);
  expect(odd.body.detail).toBe('会员等级「钻石会员」不在设置的等级里：普通会员、高级会员、VIP会员、至尊VIP会员');
  const current = await host.owner.get('/api/settings/cs-scripts');
  expect((await host.owner.put('/api/settings/cs-scripts', { value: { ...current.body.value, memberLevels: ['普通会员', '钻石会员'] }, version: current.body.version })).status).toBe(200);
  expect((await host.owner.put(`${API}/customers/profile`, { ...body, version: 1, level: '钻石会员' })).status).toBe(200);

  expect((await host.owner.post(`${API}/customers/notes`, { buyerNick: 'tb_老顾客', text: '  不要打电话，旺旺联系  ' })).status).toBe(201);
  expect((await host.owner.post(`${API}/customers/notes`, { buyerNick: 'tb_老顾客', text: '  ' })).status).toBe(400);
  const after = (await file()).body;
  expect(after.profile.level).toBe('钻石会员');
  expect(after.notes).toEqual([expect.objectContaining({ text: '不要打电话，旺旺联系', createdByName: '王店长' })]);

  // A buyer with a file but no orders still has one.
  await host.owner.put(`${API}/customers/profile`, { ...body, buyerNick: 'tb_只问不买', version: 0, level: '' });
  expect((await file(host.owner, 'buyerNick=tb_只问不买')).status).toBe(200);
});

test('return visits fall due delivery days + visit days after shipping, on the clock and the settings', async () => {
  const order = await shippedOrder(host, skus[0]!, 'tb_回访我');
  const dueBy = (day?: string) => host.owner.get(`${API}/return-visits${day ? `?day=${day}` : ''}`);
  const mine = (reply: { body: { items: { orderNo: string }[] } }) => reply.body.items.filter((v) => v.orderNo === order.orderNo);
  expect(mine(await dueBy())).toEqual([]);
  // Shipped 11-11: delivered (3 days) 11-14, visited 7 days later: 11-21.
  expect(mine(await dueBy('2026-11-20'))).toEqual([]);
  expect(mine(await dueBy('2026-11-21'))).toEqual([expect.objectContaining({ buyerNick: 'tb_回访我', dueDay: '2026-11-21', doneAt: null })]);

  // The settings apply at once: no delivery days and a visit the next day.
  const current = await host.owner.get('/api/settings/cs-scripts');
  expect((await host.owner.put('/api/settings/cs-scripts', { value: { ...current.body.value, deliveryDays: 0, returnVisitDays: 1 }, version: current.body.version })).status).toBe(200);
  expect(mine(await dueBy())).toEqual([]);
  await host.clock.advance('1d');
  const list = await dueBy();
  expect(list.body.day).toBe('2026-11-12');
  expect(mine(list)).toEqual([expect.objectContaining({ dueDay: '2026-11-12' })]);

  const visit = mine(list)[0] as unknown as { id: number };
  const agent = await host.staff('kefu-visit', ['customer-service']);
  const done = await agent.post(`${API}/return-visits/${visit.id}/done`, { note: '顾客满意，答应给好评' });
  expect(done.status, done.text).toBe(200);
  expect(done.body).toMatchObject({ doneByName: 'kefu-visit', note: '顾客满意，答应给好评', doneAt: '2026-11-12T09:00:00.000+08:00' });
  expect((await agent.post(`${API}/return-visits/${visit.id}/done`, {})).body.detail).toBe(`订单 ${order.orderNo} 已由 kefu-visit 回访过`);
  expect(mine(await dueBy())).toEqual([]);
  expect((await file(host.owner, 'buyerNick=tb_回访我')).body.returnVisits).toEqual([expect.objectContaining({ orderNo: order.orderNo, note: '顾客满意，答应给好评' })]);
  const reader = await host.staff('kefu-reader', ['cs-scripts.customers.read']);
  expect((await reader.post(`${API}/return-visits/${visit.id}/done`, {})).status).toBe(403);
});

test('the holiday-greetings and new-products lists export as CSV, by level, GBK when asked', async () => {
  const save = (buyerNick: string, level: string, holidayGreetings: boolean, newProductNotices: boolean) =>
    host.owner.put(`${API}/customers/profile`, { buyerNick, version: 0, level, preferences: '', traits: ['回头客'], holidayGreetings, newProductNotices });
  const current = await host.owner.get('/api/settings/cs-scripts');
  await host.owner.put('/api/settings/cs-scripts', { value: { ...current.body.value, memberLevels: ['普通会员', 'VIP会员'] }, version: current.body.version });
  const a = await save('tb_节日A', 'VIP会员', true, true);
  expect(a.status, a.text).toBe(200);
  expect((await save('tb_节日B', '普通会员', true, false)).status).toBe(200);
  expect((await save('tb_不打扰', '普通会员', false, false)).status).toBe(200);

  const raw = (path: string) => host.request(path, { headers: { host: 'localhost', cookie: host.owner.cookie } });
  const rows = async (path: string) => {
    const reply = await raw(path);
    expect(reply.status, await reply.clone().text()).toBe(200);
    return readCsv(decodeCsv(new Uint8Array(await reply.arrayBuffer())).text).records.map((r) => r.cells);
  };
  const holiday = await rows(`${API}/customer-lists/holiday-greetings/export.csv`);
  expect(holiday[0]).toEqual(['买家会员名', '会员等级', '偏好', '特点']);
  expect(holiday.slice(1).map((r) => r[0])).toEqual(expect.arrayContaining(['tb_节日A', 'tb_节日B']));
  expect(holiday.some((r) => r[0] === 'tb_不打扰')).toBe(false);
  expect((await rows(`${API}/customer-lists/new-products/export.csv?level=${encodeURIComponent('VIP会员')}`)).slice(1)).toEqual([['tb_节日A', 'VIP会员', '', '回头客']]);
  const gbk = await raw(`${API}/customer-lists/holiday-greetings/export.csv?encoding=gbk`);
  expect(gbk.headers.get('content-type')).toBe('text/csv; charset=gbk');
  expect(decodeCsv(new Uint8Array(await gbk.arrayBuffer())).encoding).toBe('gbk');

  const reader = await host.staff('kefu-noexport', ['cs-scripts.customers.read']);
  expect((await reader.get(`${API}/customer-lists/holiday-greetings/export.csv`)).status).toBe(403);
});
