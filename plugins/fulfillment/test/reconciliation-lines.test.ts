// Reading a courier's statement and checking each line against our shipment, without a server.
import { describe, expect, test } from 'vitest';
import schema from '../schemas/settings.schema.json';
import type { FulfillmentSettings } from '../server/settings.js';
import { checkLine } from '../server/shipping/statement-match.js';
import { dayOf, readStatement } from '../server/shipping/statement-lines.js';

type Props = Record<string, { default?: unknown; properties?: Props }>;
function defaults(): FulfillmentSettings {
  const fill = (p: Props): Record<string, unknown> => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v.properties ? fill(v.properties) : v.default]));
  return fill(schema.properties as unknown as Props) as unknown as FulfillmentSettings;
}
const settings = defaults();
const sto = settings.couriers.find((c) => c.code === 'STO')!;
const tolerance = settings.reconciliation;

describe('checking a line', () => {
  const shipment = { orderId: 7, weightGrams: 900 };

  test('weight within the tolerance and the agreed fee: ok', () => {
    expect(checkLine({ weightGrams: 900 + tolerance.weightToleranceGrams, fee: 500 }, shipment, sto, tolerance, false)).toEqual({ outcome: 'ok', expectedWeightGrams: 900, expectedFee: 500 });
  });

  test('a parcel we never sent: unknown', () => {
    expect(checkLine({ weightGrams: 900, fee: 500 }, undefined, sto, tolerance, false).outcome).toBe('unknown');
  });

  test('heavier than weighed, same price step: weight', () => {
    expect(checkLine({ weightGrams: 900 + tolerance.weightToleranceGrams + 1, fee: 500 }, shipment, sto, tolerance, false).outcome).toBe('weight');
  });

  test('the right weight at the wrong price: fee', () => {
    expect(checkLine({ weightGrams: 900, fee: 500 + tolerance.feeToleranceFen + 1 }, shipment, sto, tolerance, false)).toMatchObject({ outcome: 'fee', expectedFee: 500 });
  });

  test('billed as 2.5 kg and charged for it: weight and fee', () => {
    expect(checkLine({ weightGrams: 2500, fee: 900 }, shipment, sto, tolerance, false)).toMatchObject({ outcome: 'weight-and-fee', expectedFee: 500 });
  });

  test('nothing weighed at the station: the fee is checked at the billed weight', () => {
    expect(checkLine({ weightGrams: 2500, fee: 900 }, { orderId: 7, weightGrams: null }, sto, tolerance, false)).toEqual({ outcome: 'ok', expectedWeightGrams: null, expectedFee: 900 });
  });

  test('the same parcel billed twice: the second costs nothing more', () => {
    expect(checkLine({ weightGrams: 900, fee: 500 }, shipment, sto, tolerance, true)).toMatchObject({ outcome: 'fee', expectedFee: 0 });
  });

  test('tolerances come from the settings', () => {
    const loose = { weightToleranceGrams: 2000, feeToleranceFen: 500 };
    expect(checkLine({ weightGrams: 2500, fee: 900 }, shipment, sto, loose, false).outcome).toBe('ok');
  });
});

describe('reading a statement', () => {
  test('columns by header, kg and 元, dates in several spellings, a total line skipped', async () => {
    const csv = ['快递单号,计费重量(kg),运费(元),揽收日期,快递公司', '773012345678901,1.2,7.00,2026/11/3,申通快递', '773012345678902,0.45,5,2026-11-04 18:02:11,申通快递', '合计,,12.00,,'].join('\r\n');
    const { lines, problems } = await readStatement(settings, csv);
    expect(problems).toEqual([]);
    expect(lines).toEqual([
      { row: 2, trackingNo: '773012345678901', weightGrams: 1200, fee: 700, day: '2026-11-03', courier: sto },
      { row: 3, trackingNo: '773012345678902', weightGrams: 450, fee: 500, day: '2026-11-04', courier: sto },
    ]);
  });

  test('grams when the header says so', async () => {
    const { lines } = await readStatement(settings, '运单号,重量(克),运费\n773012345678901,830,5.00\n');
    expect(lines[0]).toMatchObject({ weightGrams: 830, fee: 500 });
  });

  test('missing columns and unreadable cells are named by row and column', async () => {
    expect((await readStatement(settings, '运单号,运费\n1,2\n')).problems).toEqual([{ row: 1, column: '重量', reason: expect.objectContaining({ 'zh-CN': expect.stringContaining('重量') }) }]);
    const { problems } = await readStatement(settings, '运单号,重量,运费,日期,快递公司\n,1,5,,\n773012345678901,重,5,,\n773012345678902,1,-5,2026-02-30,百世\n');
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, '运单号'],
      [3, '重量'],
      [4, '运费'],
      [4, '日期'],
      [4, '快递公司'],
    ]);
  });

  test('a quote that never closes is refused at its row instead of failing the import', async () => {
    const { lines, problems } = await readStatement(settings, '运单号,重量,运费\n773012345678901,1,5\n"773012345678902,1,5\n773012345678903,1,5\n');
    expect(lines.map((l) => l.row)).toEqual([2]);
    expect(problems).toEqual([{ row: 3, column: '', reason: expect.objectContaining({ 'zh-CN': expect.stringContaining('引号') }) }]);
  });

  test('dates', () => {
    expect(dayOf('2026-11-03')).toBe('2026-11-03');
    expect(dayOf('2026/1/5 08:00')).toBe('2026-01-05');
    expect(dayOf('20261103')).toBe('2026-11-03');
    expect(dayOf('2026年11月3日')).toBe('2026-11-03');
    expect(dayOf('2026-02-30')).toBeUndefined();
    expect(dayOf('昨天')).toBeUndefined();
  });
});
