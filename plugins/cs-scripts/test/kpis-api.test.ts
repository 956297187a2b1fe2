// The KPIs through the API with the real fulfillment: a dozen chat lines imported, orders entered
// and remarked with the agents' 工号 through fulfillment's own routes, every figure by hand.
import { resolve } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestHost, type TestClient, type TestHost } from '@workbench/plugin-api/testing';
import type { TestSku } from '../../../test/helpers/shop-fixtures.js';
import { A, importChat, SMALL_LOG, skusFor, soldBy } from './kpi-kit.js';

let host: TestHost;
let skus: TestSku[];

beforeAll(async () => {
  host = await startTestHost({
    plugins: [resolve(import.meta.dirname, '..')],
    enabled: ['listings', 'fulfillment', 'cs-scripts'],
    clock: '2026-10-28T09:00:00+08:00',
  });
  skus = await skusFor(host);
  await soldBy(host, skus, '老王', '2');
  await host.clock.set('2026-10-30T10:05:00+08:00');
  await soldBy(host, skus, '小明', '1号');
  await host.clock.set('2026-10-30T15:00:00+08:00');
  await soldBy(host, skus, '阿花', '2');
  await host.clock.set('2026-10-30T16:00:00+08:00');
  await soldBy(host, skus, '阿花', '2');
  await host.clock.set('2026-10-31T09:00:00+08:00');
});
afterAll(() => host?.close());

const dayOf = async (client: TestClient = host.owner) => {
  const reply = await client.get(`${A}/kpis?from=2026-10-30&to=2026-10-30`);
  expect(reply.status, reply.text).toBe(200);
  return reply.body as { agents: { agent: string; [k: string]: any }[]; ranking: string[]; days: { date: string; agents: { agent: string; salesFen: number }[] }[]; chatLines: number };
};

describe('the chat log import', () => {
  test('a UTF-8 file is imported, and again adds nothing', async () => {
    const bytes = new TextEncoder().encode(SMALL_LOG);
    expect((await importChat(host.owner, bytes)).result).toEqual({ imported: 12, skipped: 0, rejected: [] });
    expect((await importChat(host.owner, bytes)).result).toEqual({ imported: 0, skipped: 12, rejected: [] });
    expect((await host.owner.get(`${A}/chat-log`)).body).toEqual({ lines: 12, first: '2026-10-30T10:00:00.000+08:00', last: '2026-10-30T14:31:00.000+08:00' });
  });

  test('a GBK file with bad rows imports nothing and names every problem in the uploader\'s language', async () => {
    const bad = new Uint8Array(iconv.encode([
      '发送时间,买家昵称,工号,收发,消息内容',
      '2026-10-31 09:00:00,小红,1,收,在吗',
      '下午三点,小红,1,收,在吗',
      '2026-10-31 09:01:00,,1,发,在的',
      '2026-10-31 09:02:00,小红,,回,好的',
    ].join('\r\n'), 'gbk'));
    const refused = await importChat(host.owner, bad, { 'accept-language': 'en' });
    expect(refused.result).toEqual({
      imported: 0,
      skipped: 0,
      rejected: [
        { row: 3, column: '时间', reason: '“下午三点” is not a time; write it like 2026-11-03 08:30:15' },
        { row: 4, column: '买家', reason: 'The buyer is empty' },
        { row: 5, column: '客服', reason: "The agent's staff number is empty" },
        { row: 5, column: '方向', reason: '“回” is not a direction; write in (from the buyer) or out (the agent\'s reply)' },
      ],
    });
    expect((await host.owner.get(`${A}/chat-log`)).body.lines).toBe(12);
    const fixed = new Uint8Array(iconv.encode(['发送时间,买家昵称,工号,收发,消息内容', '2026-10-31 09:00:00,小红,1,收,在吗', '2026-10-31 09:00:20,小红,1,发,在的亲'].join('\r\n'), 'gbk'));
    expect((await importChat(host.owner, fixed)).result).toEqual({ imported: 2, skipped: 0, rejected: [] });
  });

  test('a file with headers of its own asks which column is which, once', async () => {
    const file = new TextEncoder().encode(['发送日期时间,会员,接待,类型,正文', '2026-10-31 08:00:00,小青,2,in,在吗'].join('\n'));
    const asked = await importChat(host.owner, file);
    expect(asked.problem).toMatchObject({ kind: 'columns-unmapped' });
    const [question] = asked.problem.files;
    const saved = await host.owner.put(`${A}/importers/chat-log/mappings/${question.layout}`, { columns: { 时间: '发送日期时间', 买家: '会员', 客服: '接待', 方向: '类型', 内容: '正文' } });
    expect(saved.status, saved.text).toBe(200);
    expect((await importChat(host.owner, file)).result).toEqual({ imported: 1, skipped: 0, rejected: [] });
  });
});

describe('the figures', () => {
  test('each agent\'s figures for the day, by hand, with the orders from fulfillment', async () => {
    const { agents, ranking, days } = await dayOf();
    const [one, two] = agents;
    // Agent 1: 小明 and 小丽 asked (the advert is nobody); 小明 answered after 30 s and 50 s, 小丽
    // never; 小明 paid 99 元 at 10:05, remarked 1号.
    expect(one).toMatchObject({
      agent: '1',
      sales: { value: 9900, inputs: { orders: 1, paidFen: 9900 } },
      conversion: { value: 50, inputs: { payingBuyers: 1, inquiringBuyers: 2 } },
      averageOrder: { value: 9900, inputs: { salesFen: 9900, buyers: 1 } },
      followUps: { value: 0 },
      replyRate: { value: 50, inputs: { answeredBuyers: 1, askingBuyers: 2 } },
      responseTime: { value: 40, band: 'normal', inputs: { answeredWaits: 2, totalSeconds: 80 } },
    });
    // Agent 2: 老王 (paid on the 28th) is a follow-up answered after 100 s; 阿花 answered after 20 s
    // and paid twice; the order of the 28th is not the day's.
    expect(two).toMatchObject({
      agent: '2',
      sales: { value: 19800, inputs: { orders: 2 } },
      conversion: { value: 100, inputs: { payingBuyers: 1, inquiringBuyers: 1 } },
      averageOrder: { value: 19800, inputs: { salesFen: 19800, buyers: 1 } },
      followUps: { value: 1 },
      replyRate: { value: 100, inputs: { answeredBuyers: 2, askingBuyers: 2 } },
      responseTime: { value: 60, band: 'normal' },
    });
    expect(one!.replyRate.definition.en).toContain('advertising');
    expect(ranking).toEqual(['2', '1']);
    expect(days).toEqual([{ date: '2026-10-30', agents: [
      { agent: '1', salesFen: 9900, replyRate: 50, responseSeconds: 40 },
      { agent: '2', salesFen: 19800, replyRate: 100, responseSeconds: 60 },
    ] }]);
  });

  test('the advert keywords and the response bands are settings', async () => {
    const current = await host.owner.get('/api/settings/cs-scripts');
    const kpis = { ...(current.body.value.kpis ?? {}), spamKeywords: ['优惠券'], goodMaxSeconds: 40 };
    const saved = await host.owner.put('/api/settings/cs-scripts', { value: { ...current.body.value, kpis }, version: current.body.version });
    expect(saved.status, saved.text).toBe(200);
    const [one, two] = (await dayOf()).agents;
    // The advert now counts as asking; 阿花's coupon question is advertising by the new words.
    expect(one!.replyRate.inputs).toEqual({ answeredBuyers: 1, askingBuyers: 3 });
    expect(one!.responseTime.band).toBe('good');
    expect(two!.replyRate.inputs).toEqual({ answeredBuyers: 1, askingBuyers: 1 });
    const back = await host.owner.get('/api/settings/cs-scripts');
    expect((await host.owner.put('/api/settings/cs-scripts', { value: current.body.value, version: back.body.version })).status).toBe(200);
  });

  test('a backwards or too long range is refused', async () => {
    expect((await host.owner.get(`${A}/kpis?from=2026-10-30&to=2026-10-29`)).status).toBe(400);
    expect((await host.owner.get(`${A}/kpis?from=2026-01-01&to=2026-11-09`)).status).toBe(400);
  });
});

describe('the month', () => {
  test('closing a month that is over fixes its figures and best CS, once', async () => {
    expect((await host.owner.post(`${A}/kpis/months/2026-10/close`)).status).toBe(409);
    // The month adds 小红 (agent 1, answered after 20 s) and 小青 (agent 2, never answered) to the day's log.
    await host.clock.set('2026-11-01T09:00:00+08:00');
    const closed = await host.owner.post(`${A}/kpis/months/2026-10/close`);
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body).toEqual({
      month: '2026-10',
      first: { code: '2', salesFen: 29700, conversionPercent: 50, replyRatePercent: 66.7, averageResponseSeconds: 60 },
      second: { code: '1', salesFen: 9900, conversionPercent: 33.3, replyRatePercent: 66.7, averageResponseSeconds: 33.3 },
      closedAt: '2026-11-01T09:00:00.000+08:00',
    });
    expect((await host.owner.post(`${A}/kpis/months/2026-10/close`)).status).toBe(409);
    const month = await host.owner.get(`${A}/kpis/months/2026-10`);
    expect(month.body.closed).toMatchObject({ first: '2', second: '1' });
    expect(month.body.report.ranking).toEqual(['2', '1']);
  }, 120_000);
});

test('reading needs cs-scripts.kpis.read, importing .import and closing .close', async () => {
  const cs = await host.staff('kefu', ['customer-service']);
  expect((await cs.get(`${A}/kpis`)).status).toBe(200);
  expect((await cs.get(`${A}/chat-log`)).status).toBe(200);
  expect((await importChat(cs, new TextEncoder().encode(SMALL_LOG))).status).toBe(403);
  expect((await cs.post(`${A}/kpis/months/2026-09/close`)).status).toBe(403);
  const warehouse = await host.staff('cangku', ['warehouse']);
  expect((await warehouse.get(`${A}/kpis`)).status).toBe(403);
  expect((await warehouse.get(`${A}/kpis/months/2026-10`)).status).toBe(403);
  expect((await host.anonymous().get(`${A}/kpis`)).status).toBe(401);
});
