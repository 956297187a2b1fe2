// The pure parts of shipping: courier names in spreadsheets, tracking-number shapes, weights and
// the cells of the platform's bulk-shipping file. The settings are the schema's own defaults.
import { describe, expect, test } from 'vitest';
import schema from '../schemas/settings.schema.json';
import type { FulfillmentSettings } from '../server/settings.js';
import { chooseCourier, courierFromText, expectedFee, normaliseTracking } from '../server/shipping/courier-rules.js';
import { headerInGrams, parseWeight } from '../server/shipping/weight-cells.js';
import { couriersFitting, trackingMatches } from '../shared/tracking.js';

type Props = Record<string, { default?: unknown; properties?: Props }>;
/** The settings as the workbench fills them in from the schema's defaults. */
function defaults(): FulfillmentSettings {
  const props = schema.properties as unknown as Props;
  const fill = (p: Props): Record<string, unknown> => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v.properties ? fill(v.properties) : v.default]));
  return fill(props) as unknown as FulfillmentSettings;
}
const settings = defaults();
const courier = (code: string) => settings.couriers.find((c) => c.code === code)!;
const order = { receiverRegion: '浙江', buyerMessage: '', sellerRemark: '', shippingMethod: '快递' };

describe('courier names in a spreadsheet', () => {
  test.each([
    ['STO', 'STO'],
    ['sto', 'STO'],
    ['申通', 'STO'],
    ['申通快递', 'STO'],
    ['顺丰速运', 'SF'],
    [' 中通快递 ', 'ZTO'],
    ['邮政EMS', 'EMS'],
    ['EMS', 'EMS'],
    ['邮政', 'EMS'],
    ['德邦物流', 'DBL'],
  ])('%s is %s', (text, code) => {
    expect(courierFromText(settings, text)?.code).toBe(code);
  });

  test('a name no courier has, or a part several share, names none', () => {
    expect(courierFromText(settings, '百世汇通')).toBeUndefined();
    expect(courierFromText(settings, '通')).toBeUndefined();
    expect(courierFromText(settings, '')).toBeUndefined();
  });
});

describe('tracking-number shapes of the default couriers', () => {
  test.each([
    ['STO', '773012345678901'],
    ['STO', '43123456789012'],
    ['ZTO', '73123456789012'],
    ['YTO', 'YT1234567890123'],
    ['YD', '312345678901234'],
    ['YD', '5123456789012'],
    ['JT', 'JT1234567890123'],
    ['SF', 'SF1234567890123'],
    ['JD', 'JDVA12345678901'],
    ['EMS', '9812345678901'],
    ['EMS', 'PA12345678901'],
    ['DBL', 'DPK123456789012'],
  ])('%s takes %s', (code, no) => {
    expect(trackingMatches(courier(code), no)).toBe(true);
  });

  test('a number of another shape is refused, and the couriers it fits are found', () => {
    expect(trackingMatches(courier('STO'), 'SF1234567890123')).toBe(false);
    expect(couriersFitting(settings.couriers, 'SF1234567890123').map((c) => c.code)).toEqual(['SF']);
    expect(couriersFitting(settings.couriers, 'ABC')).toEqual([]);
  });

  test('scanned numbers lose their spaces and take capitals', () => {
    expect(normaliseTracking(' sf12 3456 7890123 ')).toBe('SF1234567890123');
  });
});

describe('choosing a courier', () => {
  test('the default, the fallback where it does not reach, the buyer’s request', () => {
    expect(chooseCourier(settings, order)).toMatchObject({ rule: 'default', courier: { code: 'STO' } });
    expect(chooseCourier(settings, { ...order, receiverRegion: '新疆' })).toMatchObject({ rule: 'fallback', courier: { code: 'EMS' } });
    expect(chooseCourier(settings, { ...order, buyerMessage: '请发顺丰，谢谢' })).toMatchObject({ rule: 'requested', courier: { code: 'SF' } });
  });

  test('the agreed fee: first weight, then each started kilogram', () => {
    expect(expectedFee(courier('STO'), 800)).toBe(500);
    expect(expectedFee(courier('STO'), 1000)).toBe(500);
    expect(expectedFee(courier('STO'), 1001)).toBe(700);
    expect(expectedFee(courier('SF'), 2500)).toBe(2200);
  });
});

describe('weights', () => {
  test('kilograms by default, grams when the header or the cell says so', () => {
    expect(parseWeight('1.25', false)).toEqual({ grams: 1250 });
    expect(parseWeight('0.1', false)).toEqual({ grams: 100 });
    expect(parseWeight('830', true)).toEqual({ grams: 830 });
    expect(parseWeight('830克', false)).toEqual({ grams: 830 });
    expect(parseWeight('1.2kg', true)).toEqual({ grams: 1200 });
    expect(parseWeight('0.5 公斤', true)).toEqual({ grams: 500 });
    expect(headerInGrams('重量(克)')).toBe(true);
    expect(headerInGrams('重量(g)')).toBe(true);
    expect(headerInGrams('重量(kg)')).toBe(false);
    expect(headerInGrams('重量')).toBe(false);
    expect(headerInGrams('计费重量(千克)')).toBe(false);
  });

  test('what is not a weight is refused rather than guessed', () => {
    expect(parseWeight('一公斤', false)).toEqual({ problem: 'not-a-weight' });
    expect(parseWeight('0', false)).toEqual({ problem: 'zero' });
    expect(parseWeight('1.2345', false)).toEqual({ problem: 'too-precise' });
    expect(parseWeight('830.5', true)).toEqual({ problem: 'too-precise' });
    expect(parseWeight('1200', false)).toEqual({ problem: 'too-heavy' });
  });
});
