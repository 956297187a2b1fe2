// Reviews through the API with the real staff-rules plugin running: import (GBK or UTF-8, all or
// nothing), entry by hand, the public reply, the work on a 中差评 and the praise reward.
import iconv from 'iconv-lite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestHost } from '@workbench/plugin-api/testing';
import { startAfterSales } from './kit.js';

let host: TestHost;
let xiaoli: { id: number };
let ahua: { id: number };

beforeAll(async () => {
  host = await startAfterSales({ staffRules: true, clock: '2026-11-20T10:00:00+08:00' });
  const add = async (body: Record<string, string>) => {
    const r = await host.owner.post('/api/staff-rules/staff', body);
    expect(r.status, r.text).toBe(201);
    return r.body as { id: number };
  };
  xiaoli = await add({ code: '7', name: '李小丽', department: 'cs-presale' });
  ahua = await add({ code: '12', name: '王阿华', department: 'warehouse' });
});
afterAll(() => host?.close());

const upload = (text: string, encoding: 'gbk' | 'utf-8' = 'utf-8', client = host.owner) => {
  const form = new FormData();
  const bytes = encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(`\uFEFF${text}`, 'utf8');
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'text/csv' }), '评价.csv');
  return client.post('/api/after-sales/reviews/import', form);
};
const rewards = async (staffId: number) => (await host.owner.get(`/api/staff-rules/fines?staffId=${staffId}&kind=reward`)).body.items.map((a: { rule: string; amountFen: number }) => [a.rule, a.amountFen]);

test('one bad row and nothing of the file is imported; every problem at its row', async () => {
  const csv = '订单编号,评价,评价内容,评价时间\r\n3390001,好评,不错,2026-11-18\r\n3390002,一般,还行,2026-11-18\r\nabc,差评,,2026-02-30\r\n';
  const reply = await upload(csv);
  expect(reply.status).toBe(400);
  expect(reply.body.detail).toBe('评价文件有 3 处问题，整份没有导入；改好后再导入');
  expect(reply.body.rejected.map((p: { row: number; column: string }) => [p.row, p.column])).toEqual([[3, '评价'], [4, '订单编号'], [4, '评价时间']]);
  expect((await host.owner.get('/api/after-sales/reviews')).body.items).toEqual([]);
});

test('a GBK export in Taobao\'s spelling is imported; 中差评 are open with a due day; praise by 工号 rewards in staff-rules', async () => {
  const csv = '订单号,评价结果,评价内容,评价日期\r\n3390011,GOOD,"7号客服很耐心，发货也快",2026/11/18 20:01:02\r\n3390012,BAD,衣服起球了,2026-11-19\r\n3390013,NORMAL,一般般,2026-11-17\r\n';
  const reply = await upload(csv, 'gbk');
  expect(reply.status, reply.text).toBe(200);
  expect(reply.body).toEqual({ imported: 3, unchanged: 0, open: 2, praised: 1 });
  expect(await rewards(xiaoli.id)).toEqual([['review-praise', 200]]);
  const again = await upload(csv, 'gbk');
  expect(again.body).toEqual({ imported: 0, unchanged: 3, open: 0, praised: 0 });
  expect(await rewards(xiaoli.id)).toEqual([['review-praise', 200]]);
  const open = (await host.owner.get('/api/after-sales/reviews?show=open')).body.items;
  expect(open.map((r: { orderNo: string; dueOn: string }) => [r.orderNo, r.dueOn])).toEqual([['3390013', '2026-11-24'], ['3390012', '2026-11-26']]);
  const all = (await host.owner.get('/api/after-sales/reviews')).body.items;
  expect(all[0]).toMatchObject({ orderNo: '3390012', rating: 'bad', workState: 'open', source: 'import' });
  expect(all.find((r: { orderNo: string }) => r.orderNo === '3390011')).toMatchObject({ workState: null, dueOn: null, praised: [{ staffId: xiaoli.id, code: '7', name: '李小丽' }] });
});

test('a review by hand naming two people by name rewards each once; a praise named by 工号 afterwards too', async () => {
  const r = await host.owner.post('/api/after-sales/reviews', { orderNo: '3390021', rating: 'good', text: '王阿华包装很仔细', reviewedOn: '2026-11-20' });
  expect(r.status, r.text).toBe(201);
  expect(r.body.praised.map((p: { code: string }) => p.code)).toEqual(['12']);
  const named = await host.owner.post(`/api/after-sales/reviews/${r.body.id}/praise`, { code: '7' });
  expect(named.body.praised.map((p: { code: string }) => p.code)).toEqual(['7', '12']);
  await host.owner.post(`/api/after-sales/reviews/${r.body.id}/praise`, { code: '7' });
  expect(await rewards(ahua.id)).toEqual([['review-praise', 200]]);
  expect(await rewards(xiaoli.id)).toEqual([['review-praise', 200], ['review-praise', 200]]);
  expect((await host.owner.post(`/api/after-sales/reviews/${r.body.id}/praise`, { code: '404' })).body.detail).toBe('员工名单里没有工号 404');
  const twice = await host.owner.post('/api/after-sales/reviews', { orderNo: '3390021', rating: 'good', text: '王阿华包装很仔细', reviewedOn: '2026-11-20' });
  expect(twice.status).toBe(409);
});

test('a 中差评 is replied to, then ends when the buyer changes it or the owner closes it; only the owner closes', async () => {
  const bad = (await host.owner.post('/api/after-sales/reviews', { orderNo: '3390031', rating: 'bad', text: '发错颜色', reviewedOn: '2026-11-20' })).body;
  expect(bad).toMatchObject({ workState: 'open', dueOn: '2026-11-27' });
  const cs = await host.staff('kefu', ['after-sales.reviews.read', 'after-sales.reviews.write']);
  const blank = await cs.put(`/api/after-sales/reviews/${bad.id}/reply`, { text: '  ' });
  expect(blank.body.detail).toBe('请写下给买家的解释');
  const replied = await cs.put(`/api/after-sales/reviews/${bad.id}/reply`, { text: '已为您补发正确颜色，抱歉' });
  expect(replied.body).toMatchObject({ reply: '已为您补发正确颜色，抱歉', repliedAt: '2026-11-20T10:00:00.000+08:00' });
  expect((await cs.post(`/api/after-sales/reviews/${bad.id}/close`, { note: '买家不回' })).status).toBe(403);
  const changed = await cs.post(`/api/after-sales/reviews/${bad.id}/changed`, { rating: 'good' });
  expect(changed.body).toMatchObject({ rating: 'good', firstRating: 'bad', workState: 'changed' });
  expect((await cs.post(`/api/after-sales/reviews/${bad.id}/changed`, { rating: 'good' })).body.detail).toBe('这条评价已于 2026-11-20 处理完');
  const other = (await cs.post('/api/after-sales/reviews', { orderNo: '3390032', rating: 'neutral', text: '', reviewedOn: '2026-11-20' })).body;
  const closed = await host.owner.post(`/api/after-sales/reviews/${other.id}/close`, { note: '买家联系不上' }, { 'accept-language': 'en' });
  expect(closed.body).toMatchObject({ workState: 'closed', rating: 'neutral', resolutionNote: '买家联系不上' });
  expect((await host.anonymous().get('/api/after-sales/reviews')).status).toBe(401);
});

test('the days to work a 中差评 are a setting', async () => {
  const current = await host.owner.get('/api/settings/after-sales');
  const saved = await host.owner.put('/api/settings/after-sales', { value: { ...current.body.value, reviewWorkDays: 3 }, version: current.body.version });
  expect(saved.status, saved.text).toBe(200);
  const r = await host.owner.post('/api/after-sales/reviews', { orderNo: '3390041', rating: 'neutral', text: '慢', reviewedOn: '2026-11-20' });
  expect(r.body.dueOn).toBe('2026-11-23');
});
