// How buyers and clerks write about couriers, read with the words around them: a courier turned
// down is not a request for it, and the courier rules and the peak-day priority read it alike.
// The settings are the schema's own defaults; the messages are written the way buyers write them.
import { describe, expect, test } from 'vitest';
import schema from '../schemas/settings.schema.json';
import { priorityOf } from '../server/orders/priority.js';
import type { FulfillmentSettings } from '../server/settings.js';
import { chooseCourier } from '../server/shipping/courier-rules.js';
import { readCourierRequest } from '../server/shipping/courier-request.js';

type Props = Record<string, { default?: unknown; properties?: Props }>;
function defaults(): FulfillmentSettings {
  const fill = (p: Props): Record<string, unknown> => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v.properties ? fill(v.properties) : v.default]));
  return fill(schema.properties as unknown as Props) as unknown as FulfillmentSettings;
}
const settings = defaults();
const message = (buyerMessage: string, sellerRemark = '', shippingMethod = '快递') => ({ buyerMessage, sellerRemark, shippingMethod });
const read = (buyerMessage: string, sellerRemark = '') => readCourierRequest(settings, message(buyerMessage, sellerRemark));
const priority = (buyerMessage: string, sellerRemark = '', courierRequested: string | null = null) =>
  priorityOf(settings, { task: false, ...message(buyerMessage, sellerRemark), courierRequested, hasRemarks: false });

describe('a courier asked for', () => {
  test.each([
    ['请发顺丰，谢谢', 'SF', '请发顺丰'],
    ['能发顺丰吗', 'SF', '能发顺丰吗'],
    ['能不能发顺丰？急用', 'SF', '能不能发顺丰'],
    ['顺丰到付可以吗', 'SF', '顺丰到付可以吗'],
    ['发申通就行', 'STO', '发申通就行'],
    ['麻烦发邮政 EMS', 'EMS', '麻烦发邮政'],
    ['发ems吧', 'EMS', '发ems吧'],
    ['我们这里只有邮政能到', 'EMS', '我们这里只有邮政能到'],
    ['麻烦用京东快递，周末也能收', 'JD', '麻烦用京东快递'],
    ['中通快递，谢谢亲', 'ZTO', '中通快递'],
    ['顺丰太贵了，发申通吧', 'STO', '发申通吧'],
    ['不要发顺丰，发圆通', 'YTO', '发圆通'],
    ['发顺丰不要韵达', 'SF', '发顺丰'],
    ['韵达不到我们这，麻烦换中通', 'ZTO', '麻烦换中通'],
    ['顺丰或者京东都可以', 'SF', '顺丰'],
    ['明天不在家，发顺丰放快递柜', 'SF', '发顺丰放快递柜'],
    ['极兔就可以', 'JT', '极兔就可以'],
  ])('%s → %s', (text, code, words) => {
    expect(read(text).wanted).toMatchObject({ code, words, wanted: true });
  });
});

describe('a courier turned down, or none named', () => {
  test.each([
    ['不要发顺丰', ['SF']],
    ['别发顺丰', ['SF']],
    ['不发顺丰', ['SF']],
    ['顺丰太贵', ['SF']],
    ['顺丰就不用了，普通快递就好', ['SF']],
    ['千万别用韵达', ['YD']],
    ['韵达不到我们这', ['YD']],
    ['不要中通、韵达', ['ZTO', 'YD']],
    ['中通、韵达都不要', ['ZTO', 'YD']],
    ['除了韵达都行', ['YD']],
    ['不用加急，也不用顺丰', ['SF']],
    ['随便什么快递都行', []],
    ['加急！', []],
    ['周末不在家，工作日送', []],
    ['items 请分开包装', []],
    ['', []],
  ])('%s', (text, refused) => {
    const request = read(text);
    expect(request.wanted).toBeUndefined();
    expect(request.refused.map((m) => m.code)).toEqual(refused);
  });
});

describe('the courier rules', () => {
  const order = (buyerMessage: string, over: Record<string, unknown> = {}) => ({ receiverRegion: '浙江', ...message(buyerMessage), ...over });

  test('a courier turned down is not chosen for it, and the reason quotes the words', () => {
    expect(chooseCourier(settings, order('不要发顺丰'))).toMatchObject({ rule: 'default', courier: { code: 'STO' }, reason: { 'zh-CN': '买家不要顺丰（“不要发顺丰”），默认申通' } });
    expect(chooseCourier(settings, order('顺丰太贵，发申通就行'))).toMatchObject({ rule: 'requested', courier: { code: 'STO' }, reason: { 'zh-CN': '买家指定申通（“发申通就行”）' } });
    expect(chooseCourier(settings, order('能发顺丰吗'))).toMatchObject({ rule: 'requested', courier: { code: 'SF' }, reason: { en: 'Buyer asked for SF Express (“能发顺丰吗”)' } });
  });

  test('the default turned down: the fallback takes it', () => {
    expect(chooseCourier(settings, order('别发申通，上次丢件了'))).toMatchObject({ rule: 'fallback', courier: { code: 'EMS' }, reason: { 'zh-CN': '买家不要申通（“别发申通”），改发邮政EMS' } });
  });

  test('a request for a courier that does not reach: the reason says which words asked', () => {
    expect(chooseCourier(settings, order('发韵达', { receiverRegion: '西藏' }))).toMatchObject({ rule: 'fallback', courier: { code: 'EMS' }, reason: { 'zh-CN': expect.stringContaining('韵达（“发韵达”）不到西藏') } });
  });

  test("the seller's remark is the shop's last word: it turns down what the message asked for", () => {
    expect(read('请发顺丰', '已和买家说好不发顺丰').wanted).toBeUndefined();
    expect(chooseCourier(settings, { receiverRegion: '浙江', ...message('请发顺丰', '买家同意改发中通') })).toMatchObject({ rule: 'requested', courier: { code: 'ZTO' } });
  });

  test('a courier set on the order wins over the words', () => {
    expect(chooseCourier(settings, order('请发顺丰', { courierRequested: 'YTO' }))).toMatchObject({ rule: 'requested', courier: { code: 'YTO' }, reason: { 'zh-CN': '订单指定圆通' } });
  });
});

describe('the peak-day priority reads the same words', () => {
  test.each([
    ['请发顺丰', 2],
    ['能发顺丰吗', 2],
    ['加急！明天要用', 2],
    ['当日达可以吗', 2],
    ['不要发顺丰', 3],
    ['顺丰太贵', 3],
    ['不用加急', 3],
    ['发申通就行', 3],
    ['', 4],
  ])('%s → %i', (text, expected) => {
    expect(priority(text)).toBe(expected);
  });

  test('a remark that sets another courier keeps 顺丰 in the message from making it urgent', () => {
    expect(priority('发顺丰', '', 'STO')).toBe(3);
    expect(priority('', '', 'SF')).toBe(2);
  });
});
