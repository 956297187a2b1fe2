// JSON Schemas of the promotions area: one rule schema per kind, the records the API sends, the
// cart and the price result. Every $id starts with `promotions-` so no other area registers it.
import type { JsonSchema, PluginContext } from '@workbench/plugin-api';
import { def, nullable, ref } from '../shared/schema-refs.js';
import type { PromotionKind } from '../types.js';

const BASE = 'https://workbench.local/schemas/listings';

export type RuleKind = Exclude<PromotionKind, 'coupon'>;
export const RULE_KINDS: readonly RuleKind[] = ['bundle', 'member', 'percent', 'full-reduction', 'full-gift'];

export const PROMOTION_SCHEMAS = {
  rule: `${BASE}/promotions-rule`,
  ruleOf: (kind: RuleKind) => `${BASE}/promotions-rule-${kind}`,
  scope: `${BASE}/promotions-scope`,
  promotion: `${BASE}/promotions-promotion`,
  coupon: `${BASE}/promotions-coupon`,
  couponItem: `${BASE}/promotions-coupon-item`,
  couponCode: `${BASE}/promotions-coupon-code`,
  couponCodeDetail: `${BASE}/promotions-coupon-code-detail`,
  cart: `${BASE}/promotions-cart`,
  priceResult: `${BASE}/promotions-price-result`,
  stackingPolicy: `${BASE}/promotions-stacking-policy`,
} as const;

const kindEnum: JsonSchema = { enum: ['bundle', 'member', 'percent', 'full-reduction', 'full-gift', 'coupon'] };
const discountKindEnum: JsonSchema = { enum: ['campaign', 'bundle', 'member', 'percent', 'full-reduction', 'full-gift', 'coupon'] };
/** What a buyer pays, in percent of the price: 95 = 95折. One decimal at most (checked by the handler). */
export const percentSchema: JsonSchema = { type: 'number', minimum: 1, maximum: 99.9 };
const positivePrice: JsonSchema = { allOf: [def('price')], type: 'integer', minimum: 1 };
const strictObject = (properties: Record<string, JsonSchema>, required: string[]): JsonSchema => ({ type: 'object', properties, required, additionalProperties: false });

const RULES: Record<RuleKind, JsonSchema> = {
  'full-reduction': strictObject(
    {
      kind: { const: 'full-reduction' },
      tiers: { type: 'array', minItems: 1, maxItems: 10, items: strictObject({ threshold: positivePrice, amount: positivePrice }, ['threshold', 'amount']) },
    },
    ['kind', 'tiers'],
  ),
  'full-gift': strictObject(
    {
      kind: { const: 'full-gift' },
      threshold: positivePrice,
      giftSkuId: def('id'),
      qty: { type: 'integer', minimum: 1, maximum: 99 },
      // 送完为止: how many gifts in all; left out, there is no limit.
      giftCount: { type: 'integer', minimum: 1, maximum: 1_000_000 },
    },
    ['kind', 'threshold', 'giftSkuId', 'qty'],
  ),
  percent: strictObject({ kind: { const: 'percent' }, percent: percentSchema }, ['kind', 'percent']),
  member: strictObject(
    {
      kind: { const: 'member' },
      levels: { type: 'object', minProperties: 1, maxProperties: 20, propertyNames: { minLength: 1, maxLength: 20 }, additionalProperties: percentSchema },
    },
    ['kind', 'levels'],
  ),
  // maxItems is the schema's hard limit; the setting promotions.bundleMaxItems (5) is checked by the handler.
  bundle: strictObject({ kind: { const: 'bundle' }, skuIds: { type: 'array', minItems: 2, maxItems: 20, uniqueItems: true, items: def('id') }, price: def('price') }, ['kind', 'skuIds', 'price']),
};

const scope: JsonSchema = strictObject(
  {
    productIds: { type: 'array', maxItems: 500, uniqueItems: true, items: def('id') },
    categoryIds: { type: 'array', maxItems: 100, uniqueItems: true, items: def('id') },
  },
  [],
);

const promotionProperties: Record<string, JsonSchema> = {
  id: def('id'),
  name: { type: 'string' },
  kind: { enum: RULE_KINDS },
  rule: ref(PROMOTION_SCHEMAS.rule),
  scope: ref(PROMOTION_SCHEMAS.scope),
  startsAt: def('timestamp'),
  endsAt: def('timestamp'),
  status: { enum: ['active', 'suspended', 'ended'] },
  suspendedReason: nullable({ type: 'string' }),
  campaignId: nullable(def('id')),
  version: def('version'),
  createdAt: def('timestamp'),
  updatedAt: def('timestamp'),
  giftsGiven: { type: 'integer', minimum: 0 },
  giftsLeft: nullable({ type: 'integer', minimum: 0 }),
};

const couponProperties: Record<string, JsonSchema> = {
  id: def('id'),
  name: { type: 'string' },
  faceValue: def('price'),
  threshold: def('price'),
  productIds: { type: 'array', items: def('id') },
  validFrom: def('timestamp'),
  validUntil: def('timestamp'),
  version: def('version'),
  createdAt: def('timestamp'),
};

const couponCodeProperties: Record<string, JsonSchema> = {
  code: { type: 'string' },
  couponId: def('id'),
  status: { enum: ['issued', 'used', 'returned', 'expired'] },
  issuedAt: def('timestamp'),
  expiresAt: def('timestamp'),
  usedAt: nullable(def('timestamp')),
  orderRef: nullable({ type: 'string' }),
};
const couponCode: JsonSchema = strictObject(couponCodeProperties, Object.keys(couponCodeProperties));
const couponCodeDetail: JsonSchema = strictObject(
  { ...couponCodeProperties, coupon: ref(`${BASE}/promotions-coupon`) },
  [...Object.keys(couponCodeProperties), 'coupon'],
);

const cart: JsonSchema = strictObject(
  {
    lines: { type: 'array', minItems: 1, maxItems: 200, items: strictObject({ skuId: def('id'), qty: { type: 'integer', minimum: 1, maximum: 9999 } }, ['skuId', 'qty']) },
    memberLevel: { type: 'string', maxLength: 20 },
    couponCode: { type: 'string', minLength: 1, maxLength: 40 },
    shipping: def('price'),
    at: def('timestamp'),
  },
  ['lines'],
);

const localized: JsonSchema = def('localizedText');
const discount: JsonSchema = strictObject(
  { kind: discountKindEnum, promotionId: def('id'), campaignId: def('id'), couponCode: { type: 'string' }, name: { type: 'string' }, amount: def('price') },
  ['kind', 'name', 'amount'],
);
const priceResult: JsonSchema = strictObject(
  {
    lines: {
      type: 'array',
      items: strictObject(
        {
          skuId: def('id'),
          code: { type: 'string' },
          title: { type: 'string' },
          qty: { type: 'integer', minimum: 1 },
          unitPrice: def('price'),
          subtotal: def('price'),
          discounts: { type: 'array', items: discount },
          total: def('price'),
          cost: def('price'),
        },
        ['skuId', 'code', 'title', 'qty', 'unitPrice', 'subtotal', 'discounts', 'total', 'cost'],
      ),
    },
    gifts: { type: 'array', items: strictObject({ skuId: def('id'), qty: { type: 'integer', minimum: 1 }, promotionId: def('id') }, ['skuId', 'qty', 'promotionId']) },
    goodsTotal: def('price'),
    discountTotal: def('price'),
    shipping: def('price'),
    total: def('price'),
    costTotal: def('price'),
    belowCost: { type: 'boolean' },
    explanation: {
      type: 'array',
      items: strictObject(
        {
          kind: discountKindEnum,
          promotionId: def('id'),
          campaignId: def('id'),
          couponCode: { type: 'string' },
          name: { type: 'string' },
          outcome: { enum: ['applied', 'refused', 'not-eligible'] },
          amount: def('price'),
          reason: localized,
        },
        ['kind', 'name', 'outcome', 'amount', 'reason'],
      ),
    },
  },
  ['lines', 'gifts', 'goodsTotal', 'discountTotal', 'shipping', 'total', 'costTotal', 'belowCost', 'explanation'],
);

const stackingPolicy: JsonSchema = strictObject(
  { order: { type: 'array', items: kindEnum }, combinable: { type: 'array', items: { type: 'string', pattern: '^[a-z-]+\\+[a-z-]+$' } } },
  ['order', 'combinable'],
);

const withId = (id: string, schema: JsonSchema) => ({ $id: id, ...schema }) as JsonSchema & { $id: string };

/** Registers the area's schemas, so routes here and in other areas can `$ref` them. */
export function registerPromotionSchemas(ctx: PluginContext): void {
  for (const kind of RULE_KINDS) ctx.schemas.add(withId(PROMOTION_SCHEMAS.ruleOf(kind), RULES[kind]));
  // One schema per kind, told apart by `kind`.
  ctx.schemas.add(withId(PROMOTION_SCHEMAS.rule, { oneOf: RULE_KINDS.map((k) => ref(PROMOTION_SCHEMAS.ruleOf(k))) }));
  ctx.schemas.add(withId(PROMOTION_SCHEMAS.scope, scope));
  // giftsGiven and giftsLeft come with 满就送 only.
  const always = Object.keys(promotionProperties).filter((k) => !k.startsWith('gifts'));
  ctx.schemas.add(withId(PROMOTION_SCHEMAS.promotion, strictObject(promotionProperties, always)));
  ctx.schemas.add(withId(PROMOTION_SCHEMAS.coupon, strictObject(couponProperties, Object.keys(couponProperties))));
  const itemProperties = { ...couponProperties, issuedCount: { type: 'integer', minimum: 0 }, usedCount: { type: 'integer', minimum: 0 } };
  ctx.schemas.add(withId(PROMOTION_SCHEMAS.couponItem, strictObject(itemProperties, Object.keys(itemProperties))));
  ctx.schemas.add(withId(PROMOTION_SCHEMAS.couponCode, couponCode));
  ctx.schemas.add(withId(PROMOTION_SCHEMAS.couponCodeDetail, couponCodeDetail));
  ctx.schemas.add(withId(PROMOTION_SCHEMAS.cart, cart));
  ctx.schemas.add(withId(PROMOTION_SCHEMAS.priceResult, priceResult));
  ctx.schemas.add(withId(PROMOTION_SCHEMAS.stackingPolicy, stackingPolicy));
}

/**
 * The body of `POST /promotions`: `kind` picks the rule schema, so a wrong rule is reported at
 * `/rule/...` instead of once for every kind it is not.
 */
export function promotionCreateBody(): JsonSchema {
  return {
    type: 'object',
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 60 },
      kind: { enum: RULE_KINDS },
      rule: { type: 'object' },
      scope: ref(PROMOTION_SCHEMAS.scope),
      startsAt: def('timestamp'),
      endsAt: def('timestamp'),
      campaignId: nullable(def('id')),
    },
    required: ['name', 'kind', 'rule', 'startsAt', 'endsAt'],
    additionalProperties: false,
    allOf: RULE_KINDS.map((k) => ({ if: { properties: { kind: { const: k } }, required: ['kind'] }, then: { properties: { rule: ref(PROMOTION_SCHEMAS.ruleOf(k)) } } })),
  };
}
