// Courier statements through the API: each billed parcel matched to our shipment and checked for
// weight and fee, the parcels the statement leaves out, the tolerances from the settings, refused
// files, and who may see them.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StatementReport } from '../shared/records.js';
import { approve, colleague, createSkus, enterOrder, pickedWave, runImport, startFulfillment, stockUp, type Client, type FulfillmentServer } from './api.js';

const F = '/api/fulfillment';

let fs: FulfillmentServer;
let owner: Client;

interface Shipped {
  id: number;
  orderNo: string;
  trackingNo: string;
  day: string;
}
/** Our shipments: `ok`…`wf` are billed, `missing` is not, `sf` went with another courier. */
const parcels: Record<'ok' | 'weight' | 'fee' | 'wf' | 'missing' | 'sf', Shipped> = {} as never;
let seq = 0;
const stoNo = () => `77${String(Date.now()).slice(-8)}${String(++seq).padStart(5, '0')}`;

beforeAll(async () => {
  fs = await startFulfillment({ inProcess: true });
  owner = fs.owner;
  const [sku] = await createSkus(owner, 1);
  await stockUp(owner, sku!, 'C-01-01-01', 20);
  const plan = [
    ['ok', 'STO', 800],
    ['weight', 'STO', 800],
    ['fee', 'STO', 800],
    ['wf', 'STO', 900],
    ['missing', 'STO', 700],
    ['sf', 'SF', 700],
  ] as const;
  const orders = [];
  for (const _ of plan) orders.push(await approve(owner, await enterOrder(owner, [{ sku: sku! }])));
  await pickedWave(owner, orders.map((o) => o.id));
  for (const [i, [name, courier, weightGrams]] of plan.entries()) {
    const order = (await owner.get(`${F}/orders/${orders[i]!.id}`)).body;
    const trackingNo = courier === 'SF' ? `SF1${String(Date.now()).slice(-7)}${String(++seq).padStart(5, '0')}` : stoNo();
    const shipped = await owner.post(`${F}/orders/${order.id}/ship`, { version: order.version, courier, trackingNo, weightGrams });
    expect(shipped.status, shipped.text).toBe(200);
    parcels[name] = { id: order.id, orderNo: order.orderNo, trackingNo, day: shipped.body.steps.shippedBy.at.slice(0, 10) };
  }
});
afterAll(() => fs?.server.dispose());

/** Imports a statement as the owner and reads its run, which must finish, to its report. */
async function importStatement(csv: string, headers: Record<string, string> = {}): Promise<StatementReport> {
  const run = await runImport<StatementReport>(fs.server, owner, 'courier-statement', [{ name: '申通11月账单.csv', bytes: csv }], headers);
  expect(run.result, JSON.stringify(run.problem)).toBeDefined();
  return run.result!;
}

/** The statement of the month: one line per outcome, a stranger's parcel and one parcel billed twice. */
const statement = () =>
  [
    '运单号,重量(kg),运费(元),日期',
    `${parcels.ok.trackingNo},0.85,5.00,${parcels.ok.day}`,
    `${parcels.weight.trackingNo},1.0,5.00,${parcels.ok.day}`,
    `${parcels.fee.trackingNo},0.8,6.00,${parcels.ok.day}`,
    `${parcels.wf.trackingNo},2.3,9.00,${parcels.ok.day}`,
    `779999999999999,0.5,5.00,${parcels.ok.day}`,
    `${parcels.ok.trackingNo},0.85,5.00,${parcels.ok.day}`,
  ].join('\r\n');

async function saveSettings(value: Record<string, unknown>) {
  const current = await owner.get('/api/settings/fulfillment');
  const saved = await owner.put('/api/settings/fulfillment', { value, version: current.body.version });
  expect(saved.status, saved.text).toBe(200);
}

describe('matching a statement to our shipments', () => {
  let id: number;

  test('each line gets its outcome; the counts and the period come back', async () => {
    const body = await importStatement(statement());
    expect(body).toEqual({
      statementId: expect.any(Number),
      courier: 'STO',
      period: `${parcels.ok.day}~${parcels.ok.day}`,
      lines: 6,
      matched: 5,
      unknown: 1,
      differences: 4,
      notBilled: 1,
      rejected: [],
    });
    id = body.statementId!;
  });

  test('the statement shows every line with what we expected, and what it did not bill', async () => {
    const reply = await owner.get(`${F}/statements/${id}`);
    expect(reply.status, reply.text).toBe(200);
    const d = reply.body;
    expect(d).toMatchObject({ courier: { code: 'STO', name: '申通' }, from: parcels.ok.day, to: parcels.ok.day, fileName: '申通11月账单.csv', lines: 6, billedFee: 3500, importedBy: '王店长' });
    expect(d.counts).toEqual({ ok: 1, unknown: 1, weight: 1, fee: 2, 'weight-and-fee': 1 });
    const line = (row: number) => d.items.find((l: { row: number }) => l.row === row);
    expect(line(2)).toMatchObject({ outcome: 'ok', orderNo: parcels.ok.orderNo, weightGrams: 850, fee: 500, expectedWeightGrams: 800, expectedFee: 500, weightDifferenceGrams: 50, feeDifference: 0, billedBeforeRow: null });
    expect(line(3)).toMatchObject({ outcome: 'weight', orderId: parcels.weight.id, weightDifferenceGrams: 200, feeDifference: 0 });
    expect(line(4)).toMatchObject({ outcome: 'fee', orderId: parcels.fee.id, weightDifferenceGrams: 0, feeDifference: 100 });
    expect(line(5)).toMatchObject({ outcome: 'weight-and-fee', orderId: parcels.wf.id, weightDifferenceGrams: 1400, expectedFee: 500, feeDifference: 400 });
    expect(line(6)).toMatchObject({ outcome: 'unknown', orderId: null, orderNo: null, expectedFee: null });
    expect(line(7)).toMatchObject({ outcome: 'fee', orderId: parcels.ok.id, expectedFee: 0, billedBeforeRow: 2 });
    expect(d.expectedFee).toBe(2000);
    expect(d.notBilled).toEqual([{ orderId: parcels.missing.id, orderNo: parcels.missing.orderNo, trackingNo: parcels.missing.trackingNo, weightGrams: 700, shippedAt: expect.any(String) }]);
  });

  test('lines filtered by outcome; an unknown outcome is refused', async () => {
    const reply = await owner.get(`${F}/statements/${id}?outcome=weight,weight-and-fee`);
    expect(reply.body.items.map((l: { row: number }) => l.row)).toEqual([3, 5]);
    expect(reply.body.counts.ok).toBe(1);
    const bad = await owner.get(`${F}/statements/${id}?outcome=late`);
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toMatch(/不认识的核对结果/);
    expect((await owner.get(`${F}/statements/999999`)).status).toBe(404);
  });

  test('the list of statements, newest first', async () => {
    const reply = await owner.get(`${F}/statements?courier=STO`);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ total: expect.any(Number), page: 1 });
    expect(reply.body.items[0]).toMatchObject({ id, courier: { code: 'STO' }, lines: 6, matched: 5, unknown: 1, differences: 4 });
    expect((await owner.get(`${F}/statements?courier=SF`)).body.items).toEqual([]);
  });

  test('the tolerances are settings', async () => {
    await saveSettings({ reconciliation: { weightToleranceGrams: 300, feeToleranceFen: 100 } });
    try {
      const body = await importStatement(statement());
      const d = (await owner.get(`${F}/statements/${body.statementId}`)).body;
      const outcome = (row: number) => d.items.find((l: { row: number }) => l.row === row).outcome;
      expect([outcome(3), outcome(4), outcome(5)]).toEqual(['ok', 'ok', 'weight-and-fee']);
    } finally {
      await saveSettings({});
    }
  });

  test('without a 快递公司 column the courier is the one our matched parcels went with', async () => {
    const body = await importStatement(`快递单号,重量(克),运费\n${parcels.sf.trackingNo},700,12\n`);
    expect(body).toMatchObject({ courier: 'SF', lines: 1, matched: 1, differences: 0, rejected: [] });
  });
});

describe('refused statements', () => {
  const count = async () => (await owner.get(`${F}/statements`)).body.total as number;

  test('an unreadable row and nothing is stored; the report names row and column', async () => {
    const before = await count();
    const body = await importStatement(['运单号,重量,运费', `${parcels.ok.trackingNo},0.8,5`, `${parcels.fee.trackingNo},八百克,5`, `${parcels.wf.trackingNo},0.9,五元`].join('\n'));
    expect(body).toMatchObject({ statementId: null, rejected: [
      { row: 3, column: '重量', reason: expect.stringContaining('八百克') },
      { row: 4, column: '运费', reason: expect.stringContaining('五元') },
    ] });
    expect(await count()).toBe(before);
  });

  test('one statement is one courier; a missing column is named', async () => {
    const mixed = await importStatement(['运单号,重量,运费,快递公司', `${parcels.ok.trackingNo},0.8,5,申通快递`, `${parcels.sf.trackingNo},0.7,12,顺丰速运`].join('\n'));
    expect(mixed.rejected).toEqual([{ row: 3, column: '快递公司', reason: expect.stringMatching(/一份账单只对一家快递/) }]);
    const headless = await runImport(fs.server, owner, 'courier-statement', [{ name: '账单.csv', bytes: '运单号,运费\n1,2\n' }], { 'accept-language': 'en' });
    expect(headless.problem).toMatchObject({ kind: 'columns-unmapped', detail: expect.stringMatching(/“重量”/), files: [{ file: '账单.csv', header: ['运单号', '运费'] }] });
    expect(headless.problem.files[0].fields.filter((f: { required: boolean }) => f.required).map((f: { key: string }) => f.key)).toEqual(['重量']);
  });

  test('statements need fulfillment.reconcile', async () => {
    const packer = await colleague(fs.server, owner, 'recon-nope', ['fulfillment.ship', 'fulfillment.orders.read']);
    expect((await runImport(fs.server, packer, 'courier-statement', [{ name: '申通11月账单.csv', bytes: statement() }])).status).toBe(403);
    expect((await packer.get(`${F}/statements`)).status).toBe(403);
    expect((await packer.get(`${F}/statements/1`)).status).toBe(403);
  });
});
