// Shipping labels (电子面单) through the HTTP API: the label per order and per wave with the full
// receiver for the label permission alone (screens stay masked), the barcode read back bar by bar,
// the sender from the settings, and the couriers' number pools — import, next number, never twice
// under concurrency, remaining and the low warning, scanning where no pool is.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { approvedOrder, colleague, createSkus, enterOrder, makeWave, pickedWave, startFulfillment, stockUp, newBin, withSettings, type Client, type FulfillmentServer, type TestSku } from './api.js';

const API = '/api/fulfillment';
const SENDER = { senderName: '小鱼服饰', senderPhone: '0571-88886666', senderAddress: '浙江省杭州市余杭区仓前街道 8 号仓库' };

let fs: FulfillmentServer;
let owner: Client;
let keeper: Client; // 仓管: picks and prints labels, may not read customers
let packer: Client; // ships, no label permission
let skus: TestSku[];
let stoNext = 77000010000000;

/** A fresh range of 申通 numbers of the default shape (77 + 12 digits and more). */
const stoRange = (n: number) => {
  const from = String(stoNext);
  stoNext += n;
  return { from, to: String(stoNext - 1) };
};

beforeAll(async () => {
  fs = await startFulfillment({ inProcess: true, settings: { labels: SENDER } });
  owner = fs.owner;
  keeper = await colleague(fs.server, owner, 'cangguan', ['fulfillment.orders.read', 'fulfillment.waves.run', 'fulfillment.labels.print']);
  packer = await colleague(fs.server, owner, 'dabao', ['fulfillment.orders.read', 'fulfillment.ship']);
  skus = await createSkus(owner, 2, 'LB');
  await stockUp(owner, skus[0]!, newBin('A'), 200);
  await stockUp(owner, skus[1]!, newBin('A'), 200);
});
afterAll(() => fs?.server.dispose());

// Code 128 symbols by their bar and space widths (the standard's table; index = symbol value).
const WIDTHS = `212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 221312 231212 112232 122132 122231 113222 123122 123221 223211 221132
221231 213212 223112 312131 311222 321122 321221 312212 322112 322211 212123 212321 232121 111323 131123 131321 112313 132113 132311 211313 231113 231311
112133 112331 132131 113123 113321 133121 313121 211331 231131 213113 213311 213131 311123 311321 331121 312113 312311 332111 314111 221411 431111 111224
111422 121124 121421 141122 141221 112214 112412 122114 122411 142112 142211 241211 221114 413111 241112 134111 111242 121142 121241 114212 124112 124211
411212 421112 421211 212141 214121 412121 111143 111341 131141 114113 114311 411113 411311 113141 114131 311141 411131 211412 211214 211232`.split(/\s+/);

/** The bars of a label's SVG as modules (1 bar, 0 space), from the rects' x and width. */
function modulesOf(svg: string): string {
  const rects = [...svg.matchAll(/<rect x="(\d+)" y="0" width="(\d+)"/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
  const end = Math.max(...rects.map(([x, w]) => x + w));
  const cells = Array.from({ length: end - 10 }, () => '0');
  for (const [x, w] of rects) for (let i = x; i < x + w; i++) cells[i - 10] = '1';
  return cells.join('');
}

/** Reads Code 128 (sets B and C, as couriers' numbers need) back from its modules, checking the checksum. */
function decode128(modules: string): string {
  expect(modules.endsWith('1100011101011')).toBe(true); // the stop pattern
  const body = modules.slice(0, -13);
  const values: number[] = [];
  for (let at = 0; at < body.length; at += 11) {
    const widths = body.slice(at, at + 11).match(/1+|0+/g)!.map((r) => r.length).join('');
    const value = WIDTHS.indexOf(widths);
    expect(value, `symbol at module ${at}`).toBeGreaterThanOrEqual(0);
    values.push(value);
  }
  const check = values.pop()!;
  expect(values.reduce((sum, v, i) => sum + v * Math.max(i, 1), 0) % 103).toBe(check);
  let set = values[0] === 105 ? 'C' : values[0] === 104 ? 'B' : 'A';
  let text = '';
  for (const v of values.slice(1)) {
    if (v === 99) set = 'C';
    else if (v === 100) set = 'B';
    else text += set === 'C' ? String(v).padStart(2, '0') : String.fromCharCode(v + 32);
  }
  return text;
}

async function importSto(client: Client, body: Record<string, unknown>) {
  return client.post(`${API}/tracking-pools/STO`, body);
}

describe('number pools', () => {
  test('a range goes in; repeats and numbers on orders are skipped; a number of another courier’s shape refuses the import', async () => {
    const range = stoRange(5);
    const made = await importSto(keeper, range);
    expect(made.status, made.text).toBe(201);
    expect(made.body).toMatchObject({ courier: 'STO', added: 5, skipped: [] });
    const again = await importSto(keeper, { numbers: [range.from, String(stoNext)] });
    expect(again.body.added).toBe(1);
    expect(again.body.skipped).toEqual([{ trackingNo: range.from, reason: 'in-pool' }]);
    stoNext++;
    const wrong = await importSto(keeper, { numbers: ['YT1234567890123'] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.detail).toContain('申通');
    const backwards = await importSto(keeper, { from: '770000000009', to: '770000000001' });
    expect(backwards.status).toBe(400);
    const both = await importSto(keeper, { from: '770000000001', to: '770000000002', numbers: ['770000000003'] });
    expect(both.status).toBe(400);
    expect((await packer.post(`${API}/tracking-pools/STO`, stoRange(1))).status).toBe(403);
  });

  test('a CSV of ranges and single numbers is read by the shared reader', async () => {
    const r = stoRange(3);
    const single = String(stoNext++);
    const ranges = await importSto(keeper, { csv: `起始单号,结束单号\r\n="${r.from}",${r.to}\r\n` });
    expect(ranges.status, ranges.text).toBe(201);
    expect(ranges.body.added).toBe(3);
    const list = await importSto(keeper, { csv: `\uFEFF快递单号\n${single}\n\n` });
    expect(list.body.added).toBe(1);
    // Other software heads a range 开始单号 … 截止单号.
    const other = stoRange(2);
    const named = await importSto(keeper, { csv: `开始单号,截止单号\n${other.from},${other.to}\n` });
    expect(named.status, named.text).toBe(201);
    expect(named.body.added).toBe(2);
    const bad = await importSto(keeper, { csv: '订单号\n123\n' });
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toContain('运单号');
  });

  test('each order takes the next number once, even twenty stations at once; remaining counts down and warns when low', async () => {
    const before = (await keeper.get(`${API}/tracking-pools`)).body.items.find((p: any) => p.courier === 'STO');
    await importSto(keeper, stoRange(30));
    const orders = [];
    for (let i = 0; i < 20; i++) orders.push(await approvedOrder(owner, [{ sku: skus[0]! }]));
    const answers = await Promise.all(orders.map((o) => keeper.post(`${API}/orders/${o.id}/tracking-number`, {})));
    for (const a of answers) expect(a.status, a.text).toBe(200);
    const numbers = answers.map((a) => a.body.trackingNo);
    expect(new Set(numbers).size).toBe(20);
    expect(answers.every((a) => a.body.source === 'pool' && a.body.courier === 'STO')).toBe(true);
    // Asking again for an order gives the number it holds, not a second one.
    const again = await keeper.post(`${API}/orders/${orders[0]!.id}/tracking-number`, {});
    expect(again.body.trackingNo).toBe(numbers[0]);

    const after = (await keeper.get(`${API}/tracking-pools`)).body;
    const sto = after.items.find((p: any) => p.courier === 'STO');
    expect(sto.remaining).toBe(before.remaining + 30 - 20);
    expect(sto.used).toBe(before.used + 20);
    expect(after.threshold).toBe(200);
    expect(sto.low).toBe(true); // well under the default 200
    expect(after.items.find((p: any) => p.courier === 'SF')).toMatchObject({ imported: 0, remaining: 0, low: false });
    await withSettings(owner, { labels: { ...SENDER, poolLowThreshold: 5 } }, async () => {
      const now = (await keeper.get(`${API}/tracking-pools`)).body;
      expect(now.threshold).toBe(5);
      expect(now.items.find((p: any) => p.courier === 'STO').low).toBe(false);
    });
  });

  test('a courier without a pool falls back to scanning; a pool number of another order is refused at shipping', async () => {
    const sf = await approvedOrder(owner, [{ sku: skus[0]! }], { buyerMessage: '' });
    const scan = await keeper.post(`${API}/orders/${sf.id}/tracking-number`, { courier: 'SF' });
    expect(scan.body).toMatchObject({ courier: 'SF', trackingNo: null, source: 'scan' });

    await importSto(keeper, stoRange(2));
    const a = await approvedOrder(owner, [{ sku: skus[0]! }]);
    const b = await approvedOrder(owner, [{ sku: skus[0]! }]);
    const numberA = (await keeper.post(`${API}/orders/${a.id}/tracking-number`, {})).body.trackingNo;
    await pickedWave(owner, [a.id, b.id]);
    const current = (await owner.get(`${API}/orders/${b.id}`)).body;
    const wrongLabel = await owner.post(`${API}/orders/${b.id}/ship`, { version: current.version, courier: 'STO', trackingNo: numberA, weightGrams: 300 });
    expect(wrongLabel.status).toBe(409);
    expect(wrongLabel.body.detail).toContain(a.orderNo);
    const own = (await owner.get(`${API}/orders/${a.id}`)).body;
    const shipped = await owner.post(`${API}/orders/${a.id}/ship`, { version: own.version, courier: 'STO', trackingNo: numberA, weightGrams: 300 });
    expect(shipped.status, shipped.text).toBe(200);

    // Shipped, asking again answers the number it went with; a closed order needs no label.
    expect((await keeper.post(`${API}/orders/${a.id}/tracking-number`, {})).body).toMatchObject({ courier: 'STO', trackingNo: numberA, source: 'shipped' });
    const gone = await approvedOrder(owner, [{ sku: skus[1]! }]);
    const closing = (await owner.get(`${API}/orders/${gone.id}`)).body;
    expect((await owner.post(`${API}/orders/${gone.id}/close`, { version: closing.version, reason: '买家取消' })).status).toBe(200);
    const closed = await keeper.post(`${API}/orders/${gone.id}/tracking-number`, {});
    expect(closed.status).toBe(409);
    expect(closed.body.detail).toContain(gone.orderNo);
  });
});

describe('the label', () => {
  beforeAll(async () => {
    // The pools' tests put the default settings back: the sender is set again.
    const current = await owner.get('/api/settings/fulfillment');
    const saved = await owner.put('/api/settings/fulfillment', { value: { labels: SENDER }, version: current.body.version });
    expect(saved.status, saved.text).toBe(200);
  });

  test('one order: courier, barcode that reads back, full receiver and sender, items by catalogue name; the screen stays masked; 403 without the permission', async () => {
    await importSto(keeper, stoRange(1));
    const order = await approvedOrder(owner, [{ sku: skus[0]!, qty: 2 }, { sku: skus[1]! }]);
    const number = (await keeper.post(`${API}/orders/${order.id}/tracking-number`, {})).body.trackingNo as string;
    const label = await keeper.get(`${API}/printables/shipping-label?order=${order.orderNo}`);
    expect(label.status, label.text).toBe(200);
    const page = label.text;
    expect(page).toContain('size: 100mm 180mm');
    expect(page).toContain('申通');
    expect(page).toContain(number);
    expect(page).toContain('林小鱼');
    expect(page).toContain('13812341234');
    expect(page).toContain('浙江省杭州市西湖区文三路 100 号 3 幢 502');
    for (const part of Object.values(SENDER)) expect(page).toContain(part);
    // The catalogue name with the size first, the platform title second.
    expect(page).toMatch(/测试卫衣 加绒连帽 S ×2/);
    // An order entered by hand carries the catalogue's own title: not said a second time.
    expect(page).not.toContain('· 测试卫衣 加绒连帽');
    const svg = page.match(/<svg class="barcode"[\s\S]*?<\/svg>/)![0];
    expect(svg).toContain('mm"');
    expect(decode128(modulesOf(svg))).toBe(number);

    const screen = (await keeper.get(`${API}/orders/${order.id}`)).body;
    expect(screen.receiverMasked).toBe(true);
    expect(screen.receiverName).not.toBe('林小鱼');
    expect(screen.receiverPhone).not.toContain('1234123');
    const refused = await packer.get(`${API}/printables/shipping-label?order=${order.id}`);
    expect(refused.status).toBe(403);
  });

  test('a label lists eight lines and says how many more there are', async () => {
    const many = [...(await createSkus(owner, 8, 'LBM')), await createSkus(owner, 1, 'LBN').then((s) => s[0]!)];
    const order = await enterOrder(owner, many.map((sku) => ({ sku })));
    const page = (await keeper.get(`${API}/printables/shipping-label?order=${order.id}`)).text;
    expect(page.match(/<li>/g)).toHaveLength(8);
    expect(page).toContain('另有 1 种');
    expect(page).toContain(many[7]!.code);
    expect(page).not.toContain(many[8]!.code);
  });

  test('a whole wave: one label per order in slot order, each with its own number; a number with letters reads back too', async () => {
    await importSto(keeper, stoRange(2));
    const orders = [await approvedOrder(owner, [{ sku: skus[0]! }]), await approvedOrder(owner, [{ sku: skus[1]! }]), await approvedOrder(owner, [{ sku: skus[0]! }], { shippingMethod: '圆通' })];
    const wave = await makeWave(owner, orders.map((o) => o.id));
    const taken = await keeper.post(`${API}/waves/${wave.id}/tracking-numbers`);
    expect(taken.status, taken.text).toBe(200);
    expect(taken.body.items.map((i: any) => i.source)).toEqual(['pool', 'pool', 'scan']);
    expect(taken.body.items[2]).toMatchObject({ courier: 'YTO', trackingNo: null });
    await owner.post(`${API}/tracking-pools/YTO`, { numbers: ['YT7654321000123'] });
    const yto = await keeper.post(`${API}/waves/${wave.id}/tracking-numbers`);
    expect(yto.body.items[2]).toMatchObject({ courier: 'YTO', trackingNo: 'YT7654321000123', source: 'pool' });
    expect(yto.body.items[0].trackingNo).toBe(taken.body.items[0].trackingNo);

    const page = (await keeper.get(`${API}/printables/shipping-label?wave=${wave.waveNo}`)).text;
    const labels = page.match(/<section class="label"/g) ?? [];
    expect(labels).toHaveLength(3);
    // Each label lists its own order's goods, not a neighbour's.
    const sections = page.split('<section class="label"').slice(1);
    expect(sections.map((s) => [s.includes(skus[0]!.code), s.includes(skus[1]!.code)])).toEqual([[true, false], [false, true], [true, false]]);
    const svgs = page.match(/<svg class="barcode"[\s\S]*?<\/svg>/g)!;
    expect(svgs.map((s) => decode128(modulesOf(s)))).toEqual(yto.body.items.map((i: any) => i.trackingNo));
  });

  test('without a sender in the settings the label is refused, saying where to fill it in', async () => {
    const order = await approvedOrder(owner, [{ sku: skus[0]! }]);
    await withSettings(owner, { labels: { senderName: '', senderPhone: '', senderAddress: '' } }, async () => {
      const refused = await keeper.get(`${API}/printables/shipping-label?order=${order.id}`);
      expect(refused.status).toBe(409);
      expect(refused.body.detail).toContain('寄件人');
    });
  });
});
