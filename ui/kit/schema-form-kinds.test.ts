import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { I18n } from './i18n.js';
import { choicesOf, fieldKind, pointer, testPattern } from './schema-form-kinds.js';
import type { JsonSchema } from './settings-service.js';

const schemaOf = (plugin: string) => JSON.parse(readFileSync(new URL(`../../plugins/${plugin}/schemas/settings.schema.json`, import.meta.url), 'utf8')) as JsonSchema;
const at = (schema: JsonSchema, ...keys: string[]) => keys.reduce((s, k) => (s.properties as Record<string, JsonSchema>)[k]!, schema);

describe('the settings form’s field kinds', () => {
  it('reads the fulfillment settings: courier rows, fees in 分, patterns, free word maps', () => {
    const fulfillment = schemaOf('fulfillment');
    expect(fieldKind(at(fulfillment, 'couriers'))).toBe('rows');
    const courier = (at(fulfillment, 'couriers').items as JsonSchema).properties as Record<string, JsonSchema>;
    expect(fieldKind(courier.firstFee!)).toBe('money');
    expect(fieldKind(courier.extraFeePerKg!)).toBe('money');
    expect(fieldKind(courier.firstWeightGrams!)).toBe('number');
    expect(fieldKind(courier.trackingPattern!)).toBe('pattern');
    expect(fieldKind(courier.unreachableRegions!)).toBe('lines');
    expect(fieldKind(at(fulfillment, 'reconciliation', 'feeToleranceFen'))).toBe('money');
    expect(fieldKind(at(fulfillment, 'remarks', 'agentNoPattern'))).toBe('pattern');
    expect(fieldKind(at(fulfillment, 'shipping', 'requestWords'))).toBe('map');
    expect(fieldKind(at(fulfillment, 'review'))).toBe('group');
  });

  it('shows listings’ discount kinds by their labels: an order to arrange and a set of pairs', () => {
    const listings = schemaOf('listings');
    const order = at(listings, 'promotions', 'stackingOrder');
    const pairs = at(listings, 'promotions', 'combinable');
    expect(fieldKind(order)).toBe('order');
    expect(fieldKind(pairs)).toBe('choices');
    expect(choicesOf(order, new I18n('zh-CN')).map((c) => c.label)).toEqual(['套餐', '会员折扣', '店内折扣', '满减', '满就送', '抵价券']);
    expect(choicesOf(pairs, new I18n('en')).find((c) => c.value === 'campaign+coupon')?.label).toBe('Campaign price + Coupon');
  });

  it('labels oneOf consts by their titles and falls back to the raw value', () => {
    const schema = { type: 'string', oneOf: [{ const: 'STO', 'x-title': { 'zh-CN': '申通', en: 'STO Express' } }, { const: 'X' }] };
    expect(fieldKind(schema)).toBe('choice');
    expect(choicesOf(schema, new I18n('en')).map((c) => c.label)).toEqual(['STO Express', 'X']);
    expect(choicesOf({ enum: ['a'] }, new I18n('en'))).toEqual([{ value: 'a', label: 'a' }]);
  });

  it('escapes pointers as ajv writes them and tests patterns as the validator reads them', () => {
    expect(pointer('/shipping/requestWords', 'a/b~c')).toBe('/shipping/requestWords/a~1b~0c');
    expect(testPattern('^[0-9]{1,4}号?$', '12号')).toBe(true);
    expect(testPattern('^[0-9]{1,4}号?$', '小王')).toBe(false);
    expect(testPattern('([', 'x')).toBeUndefined();
  });
});
