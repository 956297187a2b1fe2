// The warehouse floor's words and choices through the HTTP API: catalogue names with colour and
// size on order lines, pick lists and the verification station (the platform title second, and
// alone where the catalogue has no match); the wave preview by class and courier with the orders
// chosen; manual entry's SKU finder by name, pinyin and code; the receiver-name search kept to
// those who may read customers.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { approvedOrder, colleague, makeWave, newBin, pickedWave, runImport, startFulfillment, stockUp, unique, withSettings, type Client, type FulfillmentServer } from './api.js';

const API = '/api/fulfillment';

let fs: FulfillmentServer;
let owner: Client;
let robe: { id: number; code: string }; // 珊瑚绒睡袍 酒红 M
let robeL: { id: number; code: string }; // 珊瑚绒睡袍 藏青 L

beforeAll(async () => {
  fs = await startFulfillment({ inProcess: true });
  owner = fs.owner;
  const code = unique('SHR');
  const made = await owner.post('/api/listings/products', {
    title: '珊瑚绒睡袍',
    itemCode: code,
    skus: [
      { code: `${code}-RM`, attributes: { 颜色: '酒红', 尺码: 'M' }, price: 12900, cost: 4000 },
      { code: `${code}-NL`, attributes: { 颜色: '藏青', 尺码: 'L' }, price: 12900, cost: 4000 },
    ],
  });
  expect(made.status, made.text).toBe(201);
  [robe, robeL] = made.body.skus;
  await stockUp(owner, robe, newBin('A'), 50);
  await stockUp(owner, robeL, newBin('B'), 50);
});
afterAll(() => fs?.server.dispose());

describe('names with colour and size', () => {
  test('order lines, the pick list, its printout and the verification station name the piece; the platform title comes second', async () => {
    const order = await approvedOrder(owner, [{ sku: robe, qty: 2 }, { sku: robeL }]);
    const detail = (await owner.get(`${API}/orders/${order.id}`)).body;
    expect(detail.items.map((i: any) => i.catalogName)).toEqual(['珊瑚绒睡袍 酒红 M', '珊瑚绒睡袍 藏青 L']);

    const wave = await makeWave(owner, [order.id]);
    expect(wave.pickList.map((l: any) => l.catalogName).sort()).toEqual(['珊瑚绒睡袍 藏青 L', '珊瑚绒睡袍 酒红 M']);
    expect(wave.seeding.skus.every((s: any) => s.catalogName.startsWith('珊瑚绒睡袍 '))).toBe(true);
    const sheet = (await owner.get(`${API}/printables/pick-list?wave=${wave.id}`)).text;
    expect(sheet).toContain('珊瑚绒睡袍 酒红 M');
    expect(sheet.match(/<td class="tick">☐<\/td>/g)).toHaveLength(2);

    const picked = await owner.post(`${API}/waves/${wave.id}/picked`, { version: wave.version });
    expect(picked.status).toBe(200);
    const station = (await owner.get(`${API}/verification/${order.orderNo}`)).body;
    expect(station.lines.map((l: any) => l.catalogName)).toEqual(['珊瑚绒睡袍 酒红 M', '珊瑚绒睡袍 藏青 L']);
    const scan = await owner.post(`${API}/verification/${order.id}/scan`, { code: robeL.code });
    expect(scan.body.line.catalogName).toBe('珊瑚绒睡袍 藏青 L');
  });

  test('a line without 商家编码 keeps the platform title alone', async () => {
    const no = `62${String(Date.now()).slice(-10)}001`;
    const head = '订单编号,买家会员名,买家应付货款,买家应付邮费,总金额,买家实际支付金额,订单状态,收货人姓名,收货地址,联系手机,订单创建时间,订单付款时间';
    const files = [
      { name: 'orders.csv', bytes: [head, `="${no}",tb_无码,59.00,0.00,59.00,59.00,买家已付款，等待卖家发货,林小鱼,浙江省 杭州市 西湖区 文三路1号(310012),'13812340001',2026-11-12 10:00:00,2026-11-12 10:01:00`, ''].join('\r\n') },
      { name: 'items.csv', bytes: ['订单编号,标题,价格,购买数量,商品属性,商家编码', `="${no}",冬季加厚珊瑚绒睡袍女,59.00,1,颜色分类：酒红;尺码：M,`, ''].join('\r\n') },
    ];
    const run = await runImport(fs.server, owner, 'taobao-orders', files);
    expect(run.problem).toBeUndefined();
    const hit = (await owner.get(`${API}/orders?q=${no}`)).body.items[0];
    const detail = (await owner.get(`${API}/orders/${hit.id}`)).body;
    expect(detail.items[0]).toMatchObject({ skuId: null, catalogName: null, title: '冬季加厚珊瑚绒睡袍女' });
  });
});

describe('the wave preview', () => {
  test('groups the waiting orders by class and courier, says why one is left out, and the wave takes only those chosen', async () => {
    const socks = await owner.post('/api/listings/products', { title: '纯棉短袜', itemCode: unique('WK'), skus: [{ code: unique('WK-'), attributes: { 颜色: '白' }, price: 900, cost: 100 }] });
    const sock = socks.body.skus[0];
    await stockUp(owner, sock, newBin('C'), 5);
    const gloves = await owner.post('/api/listings/products', { title: '无库位手套', itemCode: unique('WG'), skus: [{ code: unique('WG-'), attributes: {}, price: 900, cost: 100 }] });
    const glove = gloves.body.skus[0];
    const sto = await approvedOrder(owner, [{ sku: robe }]);
    const sf = await approvedOrder(owner, [{ sku: robe }, { sku: robeL }], { shippingMethod: '顺丰' });
    const single2 = await approvedOrder(owner, [{ sku: sock }]);
    // A SKU that has no bin at all: approved while the stock rule is off, it cannot be picked.
    let lost = { id: 0, orderNo: '' };
    await withSettings(owner, { review: { requireStock: false } }, async () => {
      lost = await approvedOrder(owner, [{ sku: glove }]);
    });

    const preview = await owner.get(`${API}/wave-preview`);
    expect(preview.status, preview.text).toBe(200);
    const mine = preview.body.orders.filter((o: any) => [sto.id, sf.id, single2.id].includes(o.orderId));
    expect(mine.map((o: any) => [o.orderNo, o.class, o.courier])).toEqual([
      [sf.orderNo, 'multi-cross-zone', 'SF'],
      [sto.orderNo, 'single', 'STO'],
      [single2.orderNo, 'single', 'STO'],
    ]);
    expect(preview.body.classes.single).toBeGreaterThanOrEqual(2);
    expect(preview.body.couriers.find((c: any) => c.code === 'SF')).toMatchObject({ name: '顺丰', count: 1 });
    expect(preview.body.max).toBe(200);
    const left = preview.body.skipped.find((o: any) => o.orderId === lost.id);
    expect(left.reason).toContain('没有库位');
    expect(preview.body.orders.map((o: any) => o.orderId)).not.toContain(lost.id);

    // Choose the 申通 singles only.
    const chosen = preview.body.orders.filter((o: any) => o.courier === 'STO' && o.class === 'single' && [sto.id, single2.id].includes(o.orderId)).map((o: any) => o.orderId);
    const wave = await makeWave(owner, chosen);
    expect(wave.orderList.map((o: any) => o.orderId).sort()).toEqual([sto.id, single2.id].sort());
    const after = (await owner.get(`${API}/wave-preview`)).body;
    expect(after.orders.map((o: any) => o.orderId)).toContain(sf.id);
    expect(after.orders.map((o: any) => o.orderId)).not.toContain(sto.id);
    const picker = await colleague(fs.server, owner, 'jianhuo', ['fulfillment.orders.read']);
    expect((await picker.get(`${API}/wave-preview`)).status).toBe(403);
    await pickedWave(owner, [sf.id]);
  });
});

describe('manual entry finds SKUs', () => {
  test('by name, colour, pinyin, pinyin initials and code; only for those who enter orders', async () => {
    const find = async (q: string) => (await owner.get(`${API}/sku-search?q=${encodeURIComponent(q)}`)).body.items.map((s: any) => s.code);
    expect(await find('珊瑚绒')).toEqual([robe.code, robeL.code]);
    expect(await find('shanhurong')).toEqual([robe.code, robeL.code]);
    expect(await find('SHRSP')).toEqual([robe.code, robeL.code]);
    expect(await find('shrspjh')).toEqual([robe.code]); // 珊瑚绒睡袍 酒红
    expect(await find('酒红')).toEqual([robe.code]);
    // Name and colour as a clerk types them, with a space between.
    expect(await find('珊瑚绒 酒红')).toEqual([robe.code]);
    expect(await find('shr jiuhong')).toEqual([robe.code]);
    expect(await find(robeL.code.toLowerCase())).toEqual([robeL.code]);
    const hit = (await owner.get(`${API}/sku-search?q=${robe.code}`)).body.items[0];
    expect(hit).toMatchObject({ id: robe.id, name: '珊瑚绒睡袍 酒红 M', price: 12900 });
    const clerk = await colleague(fs.server, owner, 'kanku', ['fulfillment.orders.read']);
    expect((await clerk.get(`${API}/sku-search?q=shr`)).status).toBe(403);
  });
});

describe('receiver names', () => {
  test('the packer without customer details finds no order by receiver name; with them the name finds it', async () => {
    const order = await approvedOrder(owner, [{ sku: robe }], { receiverName: '欧阳明月' });
    const packer = await colleague(fs.server, owner, 'dabao2', ['fulfillment.orders.read', 'fulfillment.ship']);
    const masked = await packer.get(`${API}/orders?q=${encodeURIComponent('欧阳明月')}`);
    expect(masked.status).toBe(200);
    expect(masked.body.total).toBe(0);
    expect((await packer.get(`${API}/orders?q=${order.orderNo}`)).body.total).toBe(1);
    const trusted = await colleague(fs.server, owner, 'dabao3', ['fulfillment.orders.read', 'fulfillment.ship', 'fulfillment.customer.read']);
    const found = await trusted.get(`${API}/orders?q=${encodeURIComponent('欧阳明月')}`);
    expect(found.body.items.map((o: any) => o.id)).toContain(order.id);
  });
});
