// Coupon routes: designs, issuing codes, looking a code up, redeeming it, closing an order.
import type { JsonSchema, PluginContext } from '@workbench/plugin-api';
import type { Coupon, CouponCode } from '../types.js';
import { createCoupon, issueCodes, redeemCode, releaseOrder, type Clock } from './coupon-lifecycle.js';
import { couponCodeFromRow, couponFromRow, couponStore } from './coupon-store.js';
import { PROMOTION_SCHEMAS } from './schemas.js';
import { def, ref } from '../shared/schema-refs.js';
import { listingsSettings } from '../settings.js';
import { listQuery } from '../shared/list-query.js';

const MANAGE = 'listings.promotions.manage';
const ORDER_REF: JsonSchema = { type: 'string', minLength: 1, maxLength: 64, pattern: '^\\S+$' };
const CODE: JsonSchema = { type: 'string', minLength: 1, maxLength: 40 };

interface CouponBody {
  name: string;
  faceValue: number;
  threshold: number;
  productIds: number[];
  validFrom?: string;
  validUntil?: string;
}

/** Adds the coupon routes. */
export function addCouponRoutes(ctx: PluginContext): void {
  const clock = (): Clock => ({ now: ctx.now(), shopTime: ctx.shopTime, validityDays: listingsSettings(ctx).promotions.couponValidityDays });

  ctx.routes.add<Record<string, string>, { page: number; pageSize: number; q?: string }>({
    method: 'get',
    path: '/coupons',
    permission: MANAGE,
    summary: { 'zh-CN': '优惠券列表（含已发、已用张数）', en: 'Coupons, with codes issued and used' },
    query: listQuery(),
    response: { allOf: [def('page')], properties: { items: { type: 'array', items: ref(PROMOTION_SCHEMAS.couponItem) } } },
    handler: ({ query }) => ctx.db.read((q) => couponStore(q).list(query)),
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, CouponBody, Coupon>({
    method: 'post',
    path: '/coupons',
    permission: MANAGE,
    summary: { 'zh-CN': '新建抵价券（默认有效 15 天）', en: 'Create a coupon (valid 15 days unless stated)' },
    body: {
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 60 },
        faceValue: { allOf: [def('price')], type: 'integer', minimum: 1 },
        threshold: { allOf: [def('price')], type: 'integer', default: 0 },
        productIds: { type: 'array', maxItems: 500, items: def('id'), default: [] },
        validFrom: def('timestamp'),
        validUntil: def('timestamp'),
      },
      required: ['name', 'faceValue'],
      additionalProperties: false,
    },
    response: ref(PROMOTION_SCHEMAS.coupon),
    status: 201,
    action: 'create coupon',
    handler: ({ body, actor }) =>
      ctx.db.transaction(async (tx) => {
        const c = clock();
        const design = {
          ...body,
          validFrom: body.validFrom ? ctx.shopTime(body.validFrom) : c.now,
          ...(body.validUntil ? { validUntil: ctx.shopTime(body.validUntil) } : {}),
        };
        const id = await createCoupon(tx, design, c, actor?.id ?? null);
        return couponFromRow(await couponStore(tx).requireRow(id));
      }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, Coupon>({
    method: 'get',
    path: '/coupons/:id',
    permission: MANAGE,
    summary: { 'zh-CN': '一张优惠券的设置', en: 'One coupon design' },
    params: { type: 'object', properties: { id: def('id') }, required: ['id'] },
    response: ref(PROMOTION_SCHEMAS.coupon),
    handler: ({ params }) => ctx.db.read(async (q) => couponFromRow(await couponStore(q).requireRow(params.id))),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { count: number }, { codes: CouponCode[] }>({
    method: 'post',
    path: '/coupons/:id/issue',
    permission: MANAGE,
    summary: { 'zh-CN': '发放券码', en: 'Issue coupon codes' },
    params: { type: 'object', properties: { id: def('id') }, required: ['id'] },
    body: { type: 'object', properties: { count: { type: 'integer', minimum: 1, maximum: 1000 } }, required: ['count'], additionalProperties: false },
    response: { type: 'object', properties: { codes: { type: 'array', items: ref(PROMOTION_SCHEMAS.couponCode) } }, required: ['codes'], additionalProperties: false },
    action: 'issue coupon codes',
    handler: ({ params, body }) => ctx.db.transaction(async (tx) => ({ codes: await issueCodes(tx, params.id, body.count, clock()) })),
  });

  ctx.routes.add<{ code: string }, Record<string, unknown>, undefined, CouponCode & { coupon: Coupon }>({
    method: 'get',
    path: '/coupon-codes/:code',
    permission: 'listings.price',
    summary: { 'zh-CN': '查券码（状态、有效期、所属优惠券）', en: 'Look a coupon code up' },
    params: { type: 'object', properties: { code: CODE }, required: ['code'] },
    response: ref(PROMOTION_SCHEMAS.couponCodeDetail),
    handler: ({ params }) =>
      ctx.db.read(async (q) => {
        const { code, coupon } = await couponStore(q).requireCode(params.code);
        return { ...couponCodeFromRow(code, coupon, Date.parse(ctx.now())), coupon: couponFromRow(coupon) };
      }),
  });

  ctx.routes.add<{ code: string }, Record<string, unknown>, { orderRef: string }, CouponCode>({
    method: 'post',
    path: '/coupon-codes/:code/redeem',
    permission: MANAGE,
    summary: { 'zh-CN': '用券：把券码记到一个订单上（每张券只能用一次）', en: 'Redeem a code for an order (once)' },
    params: { type: 'object', properties: { code: CODE }, required: ['code'] },
    body: { type: 'object', properties: { orderRef: ORDER_REF }, required: ['orderRef'], additionalProperties: false },
    response: ref(PROMOTION_SCHEMAS.couponCode),
    action: 'redeem coupon',
    handler: ({ params, body }) => ctx.db.transaction((tx) => redeemCode(tx, params.code, body.orderRef, ctx.now())),
  });

  ctx.routes.add<{ orderRef: string }, Record<string, unknown>, undefined, { returned: string[] }>({
    method: 'post',
    path: '/coupon-orders/:orderRef/close',
    permission: MANAGE,
    summary: { 'zh-CN': '订单关闭：仍在有效期内的券退回买家', en: 'An order closed: give back its coupon while still valid' },
    params: { type: 'object', properties: { orderRef: ORDER_REF }, required: ['orderRef'] },
    response: { type: 'object', properties: { returned: { type: 'array', items: { type: 'string' } } }, required: ['returned'], additionalProperties: false },
    action: 'close coupon order',
    handler: ({ params }) => ctx.db.transaction((tx) => releaseOrder(tx, params.orderRef, ctx.now())),
  });
}
