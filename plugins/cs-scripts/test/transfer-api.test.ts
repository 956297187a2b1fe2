// Import and export of the shared library: CSV (GBK or UTF-8) and 千牛's plain-text list.
import { resolve } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, type TestHost } from '@workbench/plugin-api/testing';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost({ plugins: [resolve(import.meta.dirname, '..')], clock: '2026-11-11T09:00:00+08:00' });
});
afterAll(() => host?.close());

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const count = async () => (await host.owner.get('/api/cs-scripts/phrases')).body.items.length as number;
const importFile = (format: string, content: Uint8Array | string) => host.owner.post('/api/cs-scripts/phrases/import', { format, content: b64(content) });

test('a GBK CSV with a new group (stage named) and an existing one comes in whole', async () => {
  const before = await count();
  const csv = '分组,快捷码,内容\r\n售后/理赔,claim,包裹丢了我们来找快递理赔，{买家}放心\r\n物流 ,,"这单{快递}，已经催过了"\r\n';
  // 物流 is in two stages (售中 and 售后): a bare name is refused, so this one names the stage.
  const ambiguous = await importFile('csv', iconv.encode(csv, 'gbk'));
  expect(ambiguous.status).toBe(400);
  expect(ambiguous.body.problems).toEqual([{ row: 3, message: expect.objectContaining({ 'zh-CN': expect.stringContaining('几个阶段都有「物流」分组') }) }]);
  expect(await count()).toBe(before);

  const ok = await importFile('csv', iconv.encode(csv.replace('物流 ,', '售中/物流,'), 'gbk'));
  expect(ok.status, ok.text).toBe(200);
  expect(ok.body).toEqual({ added: 2 });
  const items = (await host.owner.get('/api/cs-scripts/phrases')).body.items as { stage: string; groupName: string; shortcut: string; shared: boolean }[];
  expect(items.find((p) => p.shortcut === 'claim')).toMatchObject({ stage: 'after-sale', groupName: '理赔', shared: true });
});

test('row problems are all reported with their rows, and nothing is half-imported', async () => {
  const before = await count();
  const csv = '分组,快捷码,内容\n售前/欢迎语,hello2,你好呀\n售前/欢迎语,ship,重复了已有的快捷码\n售前/欢迎语,x1,{不认识}\n无此分组,,内容\n售前/欢迎语,hello2,同一个文件里重复\n';
  const res = await importFile('csv', csv);
  expect(res.status).toBe(400);
  expect(res.body.problems.map((p: { row: number }) => p.row)).toEqual([3, 4, 5, 6]);
  expect(res.body.detail).toMatch(/^有 4 行不对，一条都没有导入：第 3 行 快捷码 :ship 已经给了/u);
  expect(await count()).toBe(before);
  expect((await importFile('csv', '名字,别的\n1,2\n')).body.problems[0].row).toBe(1);
});

test('千牛 text in, and both forms out, round trip', async () => {
  const text = '【售前/欢迎语】\r\n/qn1 亲，在的～\r\n欢迎光临{店铺}\r\n\r\n【售后/使用】\r\n/qn2 洗的时候翻面\r\n';
  const res = await importFile('qianniu', iconv.encode(text, 'gbk'));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body).toEqual({ added: 3 });
  expect((await importFile('qianniu', '没有分组的短语\n')).body.problems[0]).toMatchObject({ row: 1 });

  const csv = await host.owner.get('/api/cs-scripts/phrases/export?format=csv&encoding=utf-8');
  expect(csv.status).toBe(200);
  expect(csv.text).toContain('分组,快捷码,内容');
  expect(csv.text).toContain('售前/欢迎语,qn1,亲，在的～');
  const qn = await host.owner.get('/api/cs-scripts/phrases/export?format=qianniu&encoding=utf-8');
  expect(qn.text).toContain('【售后/使用】\r\n');
  expect(qn.text).toContain('/qn2 洗的时候翻面');
  // GBK by default, as 千牛 and Excel on a Chinese PC read.
  const gbk = await host.owner.get('/api/cs-scripts/phrases/export?format=qianniu');
  expect(gbk.status).toBe(200);
});
