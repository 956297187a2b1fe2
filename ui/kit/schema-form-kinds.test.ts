import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { I18n } from './i18n.js';
import { choicesOf, fieldKind, helpOf, pointer, testPattern } from './schema-form-kinds.js';
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

  it('offers couriers by name, from the courier rows of the same form, in the default, fallback and request words', () => {
    const fulfillment = schemaOf('fulfillment');
    const defaults = { couriers: (at(fulfillment, 'couriers').default as unknown[]) };
    const courier = at(fulfillment, 'shipping', 'defaultCourier');
    expect(fieldKind(courier)).toBe('choice');
    expect(fieldKind(at(fulfillment, 'shipping', 'fallbackCourier'))).toBe('choice');
    expect(fieldKind(at(fulfillment, 'shipping', 'requestWords').additionalProperties as JsonSchema)).toBe('choice');
    const choices = choicesOf(courier, new I18n('zh-CN'), defaults, 'STO');
    expect(choices.find((c) => c.value === 'STO')?.label).toBe('申通');
    expect(choices.find((c) => c.value === 'EMS')?.label).toBe('邮政EMS');
    // In English by the row's English name, the Chinese one where a row has none.
    const english = choicesOf(courier, new I18n('en'), { couriers: [{ code: 'STO', name: '申通', nameEn: 'STO Express' }, { code: 'ZJS', name: '宅急送', nameEn: '' }] }, 'STO');
    expect(english.map((c) => c.label)).toEqual(['STO Express', '宅急送']);
    // A courier whose row was removed stays shown by its code, to be changed.
    expect(choicesOf(courier, new I18n('zh-CN'), { couriers: [] }, 'STO')).toEqual([{ value: 'STO', label: 'STO' }]);
  });

  it('gives every setting help text in both languages', () => {
    for (const plugin of ['fulfillment', 'listings']) {
      const text = JSON.stringify(schemaOf(plugin));
      expect(text, plugin).not.toContain('"description"');
      const schema = schemaOf(plugin);
      const walk = (s: JsonSchema): void => {
        const help = s['x-description'] as Record<string, string> | undefined;
        if (help) expect(help.en, JSON.stringify(help)).toBeTruthy();
        for (const child of Object.values((s.properties ?? {}) as Record<string, JsonSchema>)) walk(child);
        if (s.items && typeof s.items === 'object') walk(s.items as JsonSchema);
      };
      walk(schema);
      expect(helpOf(at(schema, plugin === 'fulfillment' ? 'review' : 'lowStockThreshold'), new I18n('en'))).toMatch(/^[A-Z]/);
    }
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
