// Procedures through the API: a checklist run against a real order or after-sales case, each
// step's note with who and when, finishing and abandoning, and edits that leave running
// checklists as they started.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestHost } from '@workbench/plugin-api/testing';
import type { TestSku } from '../../../test/helpers/shop-fixtures.js';
import { API, paidOrder, skusOf, startCare } from './care-kit.js';

let host: TestHost;
let skus: TestSku[];

beforeAll(async () => {
  host = await startCare();
  skus = await skusOf(host, 2);
});
afterAll(() => host?.close());

const tick = (runId: number, position: number, note?: string) => host.owner.post(`${API}/runs/${runId}/steps/${position}`, note === undefined ? {} : { note });

test('the shop starts with the logistics complaint, confiscated goods and return talk procedures', async () => {
  const list = await host.owner.get(`${API}/procedures`);
  expect(list.status, list.text).toBe(200);
  expect(list.body.items.map((p: { code: string }) => p.code)).toEqual(['logistics-complaint', 'confiscated-goods', 'return-exchange']);
  const logistics = list.body.items[0];
  expect(logistics.steps.map((s: { title: string }) => s.title)).toEqual(['先安抚顾客', '登记情况', '核对收货地址和电话', '对照后台地址与面单', '联系快递查件', '答复顾客']);
  expect(list.body.items[1].steps.map((s: { title: string }) => s.title)).toContain('请顾客选择退款、换货或赠品');
});

test('a logistics complaint on an order: steps ticked in order with notes, who and when, then finished', async () => {
  const order = await paidOrder(host, [skus[0]!], 'tb_等快递');
  const agent = await host.staff('kefu1', ['customer-service']);
  const started = await agent.post(`${API}/runs`, { procedure: 'logistics-complaint', orderNo: `  ${order.orderNo} ` });
  expect(started.status, started.text).toBe(201);
  const run = started.body;
  expect(run).toMatchObject({ procedureName: '物流投诉处理', subject: 'order', subjectRef: order.orderNo, orderNo: order.orderNo, buyerNick: 'tb_等快递', state: 'running', startedByName: 'kefu1' });
  expect(run.steps).toHaveLength(6);

  const skipped = await agent.post(`${API}/runs/${run.id}/steps/3`, { note: '地址对' });
  expect(skipped.status).toBe(409);
  expect(skipped.body.detail).toBe('请按顺序做：先完成第 1 步「先安抚顾客」');
  expect((await agent.post(`${API}/runs/${run.id}/steps/1`, {})).status).toBe(200);
  await host.clock.advance('2m');
  const second = await agent.post(`${API}/runs/${run.id}/steps/2`, { note: '  顾客说三天没更新物流  ' });
  expect(second.status, second.text).toBe(200);
  expect(second.body.steps[1]).toMatchObject({ note: '顾客说三天没更新物流', doneAt: '2026-11-11T09:02:00.000+08:00', doneByName: 'kefu1' });

  const early = await agent.post(`${API}/runs/${run.id}/finish`, {});
  expect(early.status).toBe(409);
  expect(early.body.detail).toBe('还有 4 步没做：3.核对收货地址和电话、4.对照后台地址与面单、5.联系快递查件、6.答复顾客；做完再结束，或者放弃这个流程');
  const again = await host.owner.post(`${API}/runs/${run.id}/steps/2`, {}, { 'accept-language': 'en' });
  expect(again.body.detail).toBe('Step 2 "登记情况" is already ticked');
  for (const [position, note] of [[3, '地址电话无误'], [4, '面单与后台一致'], [5, '包裹在杭州中转站，明天派送'], [6, '已告知顾客明天到']] as const) {
    expect((await tick(run.id, position, note)).status).toBe(200);
  }
  const done = await agent.post(`${API}/runs/${run.id}/finish`, {});
  expect(done.status, done.text).toBe(200);
  expect(done.body).toMatchObject({ state: 'finished', endedByName: 'kefu1', endedAt: '2026-11-11T09:02:00.000+08:00' });
  expect(done.body.steps[4]).toMatchObject({ note: '包裹在杭州中转站，明天派送', doneByName: '王店长' });
  expect((await tick(run.id, 6)).status).toBe(409);

  const ofOrder = await agent.get(`${API}/runs?orderNo=${order.orderNo}`);
  expect(ofOrder.body.items.map((r: { id: number }) => r.id)).toEqual([run.id]);
});

test('a run is abandoned with a reason; an unknown order or procedure is refused', async () => {
  const order = await paidOrder(host, [skus[1]!], 'tb_算了');
  const run = (await host.owner.post(`${API}/runs`, { procedure: 'return-exchange', orderNo: order.orderNo })).body;
  expect((await host.owner.post(`${API}/runs/${run.id}/abandon`, { reason: '   ' })).status).toBe(400);
  const dropped = await host.owner.post(`${API}/runs/${run.id}/abandon`, { reason: '顾客不退了' });
  expect(dropped.status, dropped.text).toBe(200);
  expect(dropped.body).toMatchObject({ state: 'abandoned', abandonReason: '顾客不退了' });
  expect((await host.owner.post(`${API}/runs/${run.id}/finish`, {})).body.detail).toBe('这个流程已放弃，不能再改');

  const noOrder = await host.owner.post(`${API}/runs`, { procedure: 'logistics-complaint', orderNo: 'M202611110999' });
  expect(noOrder.status).toBe(404);
  expect(noOrder.body.detail).toBe('找不到订单 M202611110999');
  expect((await host.owner.post(`${API}/runs`, { procedure: 'no-such', orderNo: order.orderNo })).status).toBe(404);
  const both = await host.owner.post(`${API}/runs`, { procedure: 'logistics-complaint' });
  expect(both.status).toBe(400);
});

test('the confiscated-goods path runs against an after-sales case, found by its number however written', async () => {
  const order = await paidOrder(host, [skus[0]!], 'tb_被扣了');
  const c = await host.owner.post('/api/after-sales/cases', { orderId: order.id, kind: 'reship', reason: '未收到货' });
  expect(c.status, c.text).toBe(201);
  const run = await host.owner.post(`${API}/runs`, { procedure: 'confiscated-goods', caseNo: ` as-${c.body.id}` });
  expect(run.status, run.text).toBe(201);
  expect(run.body).toMatchObject({ subject: 'case', subjectRef: `AS-${c.body.id}`, orderNo: order.orderNo, buyerNick: 'tb_被扣了' });
  expect((await host.owner.get(`${API}/runs?caseNo=as${c.body.id}`)).body.items).toHaveLength(1);
  expect((await host.owner.post(`${API}/runs`, { procedure: 'confiscated-goods', caseNo: 'AS-99999' })).status).toBe(404);
  const blind = await host.staff('kefu-nocases', ['cs-scripts.procedures.run']);
  expect((await blind.post(`${API}/runs`, { procedure: 'confiscated-goods', caseNo: `AS-${c.body.id}` })).status).toBe(403);
});

test('editing a procedure (rename, reorder, add) leaves a running checklist with the steps it started with', async () => {
  const order = await paidOrder(host, [skus[1]!], 'tb_改流程');
  const before = (await host.owner.post(`${API}/runs`, { procedure: 'logistics-complaint', orderNo: order.orderNo })).body;
  expect((await tick(before.id, 1, '已安抚')).status).toBe(200);

  const current = (await host.owner.get(`${API}/procedures`)).body.items[0];
  const steps = current.steps.map((s: { title: string; hint: string }) => ({ title: s.title, hint: s.hint }));
  const edited = [{ title: '登记情况' }, { title: '先安抚顾客', hint: '语气要软' }, ...steps.slice(2, 4), { title: '查快递官网轨迹' }, { title: '打快递电话问包裹在哪' }, steps[5]];
  const dup = await host.owner.put(`${API}/procedures/${current.id}`, { version: current.version, steps: [{ title: '登记' }, { title: '登记 ' }] });
  expect(dup.status).toBe(400);
  expect(dup.body.detail).toBe('第 2 步「登记」和前面一步重名');
  const saved = await host.owner.put(`${API}/procedures/${current.id}`, { version: current.version, name: '物流投诉', steps: edited });
  expect(saved.status, saved.text).toBe(200);
  expect(saved.body.steps.map((s: { title: string }) => s.title)).toEqual(['登记情况', '先安抚顾客', '核对收货地址和电话', '对照后台地址与面单', '查快递官网轨迹', '打快递电话问包裹在哪', '答复顾客']);
  const stale = await host.owner.put(`${API}/procedures/${current.id}`, { version: current.version, name: '又改' });
  expect(stale.status).toBe(409);

  const running = (await host.owner.get(`${API}/runs/${before.id}`)).body;
  expect(running.procedureName).toBe('物流投诉处理');
  expect(running.steps.map((s: { title: string }) => s.title)).toEqual(['先安抚顾客', '登记情况', '核对收货地址和电话', '对照后台地址与面单', '联系快递查件', '答复顾客']);
  expect(running.steps[0].note).toBe('已安抚');
  expect((await tick(before.id, 2, '记下了')).status).toBe(200);

  const after = (await host.owner.post(`${API}/runs`, { procedure: 'logistics-complaint', orderNo: order.orderNo })).body;
  expect(after.procedureName).toBe('物流投诉');
  expect(after.steps).toHaveLength(7);
  expect(after.steps[1]).toMatchObject({ title: '先安抚顾客', hint: '语气要软' });
});

test('running procedures needs cs-scripts.procedures.run and editing them cs-scripts.procedures.edit', async () => {
  const clerk = await host.staff('kefu2', ['customer-service']);
  expect((await clerk.get(`${API}/procedures`)).status).toBe(200);
  const p = (await clerk.get(`${API}/procedures`)).body.items[1];
  expect((await clerk.put(`${API}/procedures/${p.id}`, { version: p.version, name: '改名' })).status).toBe(403);
  expect((await clerk.post(`${API}/procedures`, { code: 'x-y', name: '新', steps: [{ title: 'a' }] })).status).toBe(403);
  const ops = await host.staff('yunying', ['operations']);
  const made = await ops.post(`${API}/procedures`, { code: 'use-question', name: '使用问题解答', subject: 'order', steps: [{ title: '安抚' }, { title: '问清并记下' }, { title: '逐一排除原因' }, { title: '讲解用法' }] });
  expect(made.status, made.text).toBe(201);
  const warehouse = await host.staff('cangguan', ['warehouse']);
  expect((await warehouse.get(`${API}/runs`)).status).toBe(403);
  expect((await host.anonymous().get(`${API}/procedures`)).status).toBe(401);
  const onCase = await clerk.post(`${API}/runs`, { procedure: 'use-question', caseNo: 'AS-1' });
  expect(onCase.status).toBe(409);
  expect(onCase.body.detail).toBe('这个流程只能按订单做');
});
