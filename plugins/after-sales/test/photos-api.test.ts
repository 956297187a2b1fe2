// Photos as evidence on a case: checked by their bytes and size, kept in the plugin's table (so in
// the database file and its backups), served back, and listed in the dispute's evidence bundle.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestClient, TestHost } from '@workbench/plugin-api/testing';
import { API, paidOrder, skusOf, startAfterSales } from './kit.js';

let host: TestHost;
let caseId: number;

// The smallest JPEG start a browser would send, then filler: only the signature matters here.
const jpeg = (size: number) => {
  const b = new Uint8Array(size);
  b.set([0xff, 0xd8, 0xff, 0xe0]);
  for (let i = 4; i < size; i++) b[i] = i % 251;
  return b;
};
const form = (bytes: Uint8Array<ArrayBuffer>, name: string, subject?: string, type = 'image/jpeg') => {
  const f = new FormData();
  if (subject) f.set('subject', subject);
  f.set('file', new File([bytes], name, { type }));
  return f;
};
const upload = (client: TestClient, f: FormData, id = caseId) => client.post(`${API}/cases/${id}/photos`, f);

beforeAll(async () => {
  host = await startAfterSales();
  const order = await paidOrder(host, await skusOf(host, 1));
  caseId = (await host.owner.post(`${API}/cases`, { orderId: order.id, kind: 'return-refund', reason: '快递破损' })).body.id;
});
afterAll(() => host?.close());

test('a JPEG of the goods is kept with who, when, its size and hash, and served back byte for byte', async () => {
  const bytes = jpeg(40_000);
  const made = await upload(host.owner, form(bytes, '破损外箱.jpg', 'goods'));
  expect(made.status, made.text).toBe(201);
  expect(made.body).toMatchObject({
    caseId, subject: 'goods', name: '破损外箱.jpg', type: 'image/jpeg', size: 40_000,
    sha256: createHash('sha256').update(bytes).digest('hex'), by: { name: '王店长' }, at: '2026-11-11T09:00:00.000+08:00',
  });
  const waybill = await upload(host.owner, form(jpeg(2000), 'waybill.png', 'waybill', 'image/png'));
  expect(waybill.body).toMatchObject({ subject: 'waybill', type: 'image/jpeg' });

  const list = await host.owner.get(`${API}/cases/${caseId}/photos`);
  expect(list.body.items.map((p: { name: string }) => p.name)).toEqual(['破损外箱.jpg', 'waybill.png']);
  const image = await host.request(`${API}/cases/${caseId}/photos/${made.body.id}`, { headers: { host: 'localhost', cookie: host.owner.cookie } });
  expect(image.status).toBe(200);
  expect(image.headers.get('content-type')).toBe('image/jpeg');
  expect(new Uint8Array(await image.arrayBuffer())).toEqual(bytes);
  // Photos are kept as rows of the plugin's own table: the database file, and so every backup, holds them.
  const row = await host.read((q) => q.get<{ n: number }>('SELECT length(data) AS n FROM after_sales_case_photos WHERE id = ?', [made.body.id]));
  expect(row?.n).toBe(40_000);
});

test('a text file named .jpg, an empty file and a GIF are refused by what they hold, not their name', async () => {
  const text = await upload(host.owner, form(new TextEncoder().encode('not a photo at all, just text'), 'photo.jpg'));
  expect(text.status).toBe(400);
  expect(text.body.detail).toBe('「photo.jpg」不是照片：只收 JPEG、PNG 或 WebP 图片');
  const en = await host.owner.post(`${API}/cases/${caseId}/photos`, form(new TextEncoder().encode('GIF89a......'), 'x.gif'), { 'accept-language': 'en' });
  expect(en.body.detail).toBe('"x.gif" is not a photo: only JPEG, PNG or WebP images are taken');
  const none = await host.owner.post(`${API}/cases/${caseId}/photos`, new FormData());
  expect(none.status).toBe(400);
  expect(none.body.detail).toBe('请选一张照片再上传');
  expect((await host.owner.get(`${API}/cases/${caseId}/photos`)).body.items).toHaveLength(2);
});

test('a photo over the size limit is refused naming the limit; the limit is a setting', async () => {
  const big = await upload(host.owner, form(jpeg(5 * 1024 * 1024 + 1), 'big.jpg'));
  expect(big.status).toBe(413);
  expect(big.body.detail).toBe('照片「big.jpg」太大（5.1 MB）：每张最多 5 MB，请压缩后再传');
  const huge = await upload(host.owner, form(jpeg(7 * 1024 * 1024), 'huge.jpg'));
  expect(huge.status).toBe(413);
  expect(huge.body.detail).toBe('照片太大：每张最多 5 MB，请压缩后再传');

  const current = await host.owner.get('/api/settings/after-sales');
  const saved = await host.owner.put('/api/settings/after-sales', { value: { ...current.body.value, photoMaxMegabytes: 1 }, version: current.body.version });
  expect(saved.status, saved.text).toBe(200);
  const now = await host.owner.post(`${API}/cases/${caseId}/photos`, form(jpeg(1024 * 1024 + 30_000), 'mid.jpg'), { 'accept-language': 'en' });
  expect(now.status).toBe(413);
  expect(now.body.detail).toBe('The photo "mid.jpg" is too large (1.1 MB): at most 1 MB each; make it smaller and upload it again');
  await host.owner.put('/api/settings/after-sales', { value: current.body.value, version: saved.body.version });
});

test('who may add and see photos: the warehouse adds, operations only looks, an unknown case is 404', async () => {
  const warehouse = await host.staff('cangguan', ['warehouse']);
  expect((await upload(warehouse, form(jpeg(1000), '面单.jpg', 'waybill'))).status).toBe(201);
  const ops = await host.staff('yunying', ['operations']);
  const refused = await upload(ops, form(jpeg(1000), 'x.jpg'));
  expect(refused.status).toBe(403);
  const seen = await ops.get(`${API}/cases/${caseId}/photos`);
  expect(seen.body.items.map((p: { by: { name: string } }) => p.by.name)).toContain('cangguan');
  expect((await upload(host.owner, form(jpeg(1000), 'x.jpg'), 99_999)).status).toBe(404);
  expect((await host.owner.get(`${API}/cases/${caseId}/photos/99999`)).status).toBe(404);
  const other = await paidOrder(host, await skusOf(host, 1));
  const otherCase = await host.owner.post(`${API}/cases`, { orderId: other.id, kind: 'return-refund', reason: '其他' });
  expect(otherCase.status, otherCase.text).toBe(201);
  // A photo is reached only through its own case.
  const first = seen.body.items[0].id;
  expect((await host.owner.get(`${API}/cases/${otherCase.body.id}/photos/${first}`)).status).toBe(404);
});

test('the evidence bundle names each photo with its size and sha256', async () => {
  const photos = (await host.owner.get(`${API}/cases/${caseId}/photos`)).body.items;
  const bundle = JSON.parse((await host.owner.get(`${API}/cases/${caseId}/evidence-bundle`)).text);
  expect(bundle.photos).toEqual(photos.map((p: Record<string, unknown>) => ({ name: p.name, subject: p.subject, type: p.type, size: p.size, sha256: p.sha256, by: p.by, at: p.at })));
  expect(bundle.photos[0].sha256).toMatch(/^[0-9a-f]{64}$/);
});
