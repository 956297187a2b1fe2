// Platform item mappings beyond the day walk: a line whose 商家编码 listings does not know asks the
// mapping before it becomes a stub; mapping an unknown-sku order's line clears it, while an
// exception the line did not cause stays; the routes refuse what a clerk could get wrong and
// whoever may only read orders.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { platformItemKey } from '../server/mapping/platform-item.js';
import { colleague, createSkus, runImport, startFulfillment, unique, type Client, type FulfillmentServer, type TestSku } from './api.js';

const F = '/api/fulfillment';
let fs: FulfillmentServer;
let owner: Client;
let skus: TestSku[];

interface Line {
  title: string;
  props: string;
  code: string;
}

let orderSeq = 0;
/** A hand-written pair of reports, UTF-8: one order per entry, 99 元 a line, paid unless told. */
function reports(orders: { no: string; status?: string; lines: Line[] }[]) {
  const head = '订单编号,买家会员名,买家应付货款,买家应付邮费,总金额,买家实际支付金额,订单状态,收货人姓名,收货地址,联系手机,订单创建时间,订单付款时间';
  const rows = orders.map((o) => {
    const total = `${o.lines.length * 99}.00`;
    const n = ++orderSeq;
    return `="${o.no}",tb_小店${n},${total},0.00,${total},${total},${o.status ?? '买家已付款，等待卖家发货'},林小鱼,浙江省 杭州市 西湖区 文三路${n}号(310012),'1381234${String(n).padStart(4, '0')}',2026-11-12 10:00:00,2026-11-12 10:01:00`;
  });
  const items = orders.flatMap((o) => o.lines.map((l) => `="${o.no}",${l.title},99.00,1,${l.props},${l.code}`));
  return [
    { name: `orders-${orderSeq}.csv`, bytes: [head, ...rows, ''].join('\r\n') },
    { name: `items-${orderSeq}.csv`, bytes: ['订单编号,标题,价格,购买数量,商品属性,商家编码', ...items, ''].join('\r\n') },
  ];
}

const orderNo = () => `61${String(Date.now()).slice(-10)}${String(++orderSeq).padStart(3, '0')}`;
async function orderOf(no: string) {
  const hit = (await owner.get(`${F}/orders?q=${no}`)).body.items[0];
  return (await owner.get(`${F}/orders/${hit.id}`)).body;
}
async function imported(files: { name: string; bytes: string }[]) {
  const run = await runImport(fs.server, owner, 'taobao-orders', files);
  expect(run.problem).toBeUndefined();
  expect(run.result.rejected).toEqual([]);
  return run.result;
}

beforeAll(async () => {
  fs = await startFulfillment({ inProcess: true });
  owner = fs.owner;
  skus = await createSkus(owner, 3, 'MAP');
});
afterAll(() => fs?.server.dispose());

describe('a line with a 商家编码 listings does not know', () => {
  test('asks the mapping first: a mapped item takes its SKU and makes no stub', async () => {
    const item = { title: `棉麻衬衫 ${unique('T')}`, props: '颜色分类：白色;尺码：L' };
    await ok(owner.post(`${F}/item-mappings`, { title: item.title, properties: item.props, skuCode: skus[0]!.code }), 201);
    const no = orderNo();
    const stale = unique('OLD-');
    const result = await imported(reports([{ no, lines: [{ ...item, code: stale }] }]));
    expect(result).toMatchObject({ created: 1, exceptions: 0, skuStubs: [] });
    const order = await orderOf(no);
    expect(order).toMatchObject({ status: 'pending', exceptions: [] });
    expect(order.items[0]).toMatchObject({ skuId: skus[0]!.id, skuCode: skus[0]!.code });
    expect((await owner.get(`/api/listings/skus?code=${stale}`)).body.items).toEqual([]);
  });

  test('without a mapping it is stubbed as before; mapping the item later clears unknown-sku but keeps the refund', async () => {
    const item = { title: `羊绒围巾 ${unique('T')}`, props: '颜色分类：驼色' };
    const [stubbed, refunding] = [orderNo(), orderNo()];
    const codeA = unique('NEW-');
    const codeB = unique('NEW-');
    const result = await imported(reports([
      { no: stubbed, lines: [{ ...item, code: codeA }] },
      { no: refunding, status: '退款中', lines: [{ ...item, code: codeB }] },
    ]));
    expect(result.skuStubs.sort()).toEqual([codeA, codeB].sort());
    expect((await orderOf(stubbed)).exceptions.map((e: { code: string }) => e.code)).toEqual(['unknown-sku']);
    expect((await orderOf(refunding)).exceptions.map((e: { code: string }) => e.code)).toEqual(['unknown-sku', 'refunding']);

    const waiting = (await ok(owner.get(`${F}/item-mappings/waiting?orderId=${(await orderOf(stubbed)).id}`))).items;
    expect(waiting).toEqual([expect.objectContaining({ title: item.title, code: codeA, orders: 1, orderNos: [stubbed] })]);
    const made = await ok(owner.post(`${F}/item-mappings`, { title: item.title, properties: '颜色分类:驼色', skuCode: skus[1]!.code }), 201);
    expect(made.orders.map((o: { orderNo: string; status: string }) => [o.orderNo, o.status]).sort()).toEqual([[refunding, 'exception'], [stubbed, 'pending']].sort());
    expect(await orderOf(stubbed)).toMatchObject({ status: 'pending', exceptions: [], items: [expect.objectContaining({ skuId: skus[1]!.id, skuCode: skus[1]!.code })] });
    expect((await orderOf(refunding)).exceptions.map((e: { code: string }) => e.code)).toEqual(['refunding']);
  });
});

describe('the item key', () => {
  test('full-width punctuation and spaces, whitespace and Latin case do not matter; words and values do', () => {
    const key = platformItemKey('羊毛围巾 加厚（新款）', '颜色分类：燕麦色;尺码：XL');
    expect(platformItemKey('羊毛围巾　加厚(新款)', '颜色分类 : 燕麦色； 尺码:xl')).toBe(key);
    expect(platformItemKey('羊毛围巾加厚（新款）', '颜色分类：燕麦色;尺码：XL ')).toBe(key);
    expect(platformItemKey('羊毛围巾 加厚（新款）', '颜色分类：燕麦色;尺码：L')).not.toBe(key);
    expect(platformItemKey('羊毛围巾 加厚（新款）颜色分类：燕麦色', ';尺码：XL')).not.toBe(key);
  });
});

describe('the routes', () => {
  test('an unknown or stub 商家编码 is 400 at skuCode; a missing mapping is 404', async () => {
    const unknown = await owner.post(`${F}/item-mappings`, { title: '随便一个宝贝', skuCode: 'NO-SUCH-CODE' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ path: '/skuCode' });
    expect(unknown.body.detail).toContain('NO-SUCH-CODE');
    const no = orderNo();
    const stub = unique('STUB-');
    await imported(reports([{ no, lines: [{ title: '占位宝贝', props: '', code: stub }] }]));
    const toStub = await owner.post(`${F}/item-mappings`, { title: '随便一个宝贝', skuCode: stub });
    expect(toStub.status).toBe(400);
    expect(toStub.body.detail).toMatch(/待补全/);
    expect((await owner.request('DELETE', `${F}/item-mappings/999999`)).status).toBe(404);
  });

  test('the list search is the text typed: % and _ in it match only themselves', async () => {
    const mark = unique('Q');
    await ok(owner.post(`${F}/item-mappings`, { title: `${mark} 满100减10_限时`, skuCode: skus[2]!.code }), 201);
    await ok(owner.post(`${F}/item-mappings`, { title: `${mark} 加绒卫衣`, skuCode: skus[2]!.code }), 201);
    const titles = async (q: string) => (await ok(owner.get(`${F}/item-mappings?q=${encodeURIComponent(q)}`))).items.map((m: any) => m.title);
    expect(await titles(`${mark} 满100减10_`)).toEqual([`${mark} 满100减10_限时`]);
    expect(await titles(`${mark} %`)).toEqual([]);
    expect(await titles(`${mark} _`)).toEqual([]);
  });

  test('one who may only read orders sees the mappings and cannot change them', async () => {
    const reader = await colleague(fs.server, owner, 'kanke', ['fulfillment.orders.read']);
    expect((await reader.get(`${F}/item-mappings`)).status).toBe(200);
    expect((await reader.get(`${F}/item-mappings/waiting`)).status).toBe(200);
    expect((await reader.post(`${F}/item-mappings`, { title: '某宝贝', skuCode: skus[2]!.code })).status).toBe(403);
    const first = (await owner.get(`${F}/item-mappings`)).body.items[0];
    expect((await reader.request('DELETE', `${F}/item-mappings/${first.id}`)).status).toBe(403);
    expect((await owner.request('DELETE', `${F}/item-mappings/${first.id}`)).status).toBe(204);
  });
});

async function ok(reply: Promise<{ status: number; body: any; text: string }>, status = 200) {
  const r = await reply;
  expect(r.status, r.text).toBe(status);
  return r.body;
}
