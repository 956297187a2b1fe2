import type { JsonSchema, PluginContext } from '@workbench/plugin-api';
import { def, nullable, ref } from '@workbench/plugin-api';
import { REFUND_STATES } from '../../shared/refund-state.js';
import { ORDER_STATUSES, PLATFORM_STATUSES } from '../../shared/state-names.js';

const BASE = 'https://workbench.local/schemas/fulfillment';

/** `$ref`s to the order record schemas, for this area's routes and any other area's. */
export const ORDER_SCHEMAS = {
  order: `${BASE}/order`,
  orderDetail: `${BASE}/order-detail`,
  item: `${BASE}/order-item`,
  remark: `${BASE}/order-remark`,
  exception: `${BASE}/order-exception`,
  stepActor: `${BASE}/order-step-actor`,
  history: `${BASE}/order-history-entry`,
  priceChange: `${BASE}/order-price-change`,
  review: `${BASE}/order-review`,
} as const;

export const EXCEPTION_CODES = [
  'unknown-sku',
  'unmapped-item',
  'incomplete-address',
  'needs-person',
  'out-of-stock',
  'courier-unreachable',
  'possible-merge',
  'unpaid',
  'payment-mismatch',
  'platform-closed',
  'refunding',
  'awaiting-refund',
  'manual',
] as const;

const str: JsonSchema = { type: 'string' };
const nullableStr = nullable(str);
const stepRef = nullable(ref(ORDER_SCHEMAS.stepActor));

const orderProperties: Record<string, JsonSchema> = {
  id: def('id'),
  orderNo: str,
  source: { enum: ['import', 'manual'] },
  shopName: nullableStr,
  buyerNick: str,
  buyerAccount: str,
  platformStatus: { enum: [...PLATFORM_STATUSES] },
  status: { enum: [...ORDER_STATUSES] },
  exceptions: { type: 'array', items: ref(ORDER_SCHEMAS.exception) },
  goodsTotal: def('money'),
  shippingFee: def('money'),
  total: def('money'),
  paidAmount: def('money'),
  refundAmount: def('money'),
  buyerMessage: str,
  sellerRemark: str,
  receiverName: str,
  receiverPhone: str,
  receiverAddress: str,
  receiverMasked: { type: 'boolean' },
  receiverRegion: str,
  postCode: str,
  shippingMethod: str,
  itemCount: { type: 'integer', minimum: 0 },
  flag: { type: 'integer', minimum: 0, maximum: 5 },
  task: { type: 'boolean' },
  priority: { type: 'integer', minimum: 1, maximum: 5 },
  courier: nullableStr,
  courierRequested: nullableStr,
  trackingNo: nullableStr,
  weightGrams: nullable({ type: 'integer' }),
  waveId: nullable(def('id')),
  closedReason: nullableStr,
  placedAt: def('timestamp'),
  paidAt: nullable(def('timestamp')),
  steps: {
    type: 'object',
    properties: { reviewedBy: stepRef, pickedBy: stepRef, verifiedBy: stepRef, packedBy: stepRef, shippedBy: stepRef },
    required: ['reviewedBy', 'pickedBy', 'verifiedBy', 'packedBy', 'shippedBy'],
    additionalProperties: false,
  },
  followUp: nullable({
    type: 'object',
    properties: { kind: { enum: ['exchange', 'reship'] }, originOrderNo: str, caseRef: str },
    required: ['kind', 'originOrderNo', 'caseRef'],
    additionalProperties: false,
  }),
  version: def('version'),
  createdAt: def('timestamp'),
  updatedAt: def('timestamp'),
};

const records: (JsonSchema & { $id: string })[] = [
  {
    $id: ORDER_SCHEMAS.exception,
    type: 'object',
    properties: { code: { enum: [...EXCEPTION_CODES] }, message: str },
    required: ['code', 'message'],
    additionalProperties: false,
  },
  {
    $id: ORDER_SCHEMAS.stepActor,
    type: 'object',
    properties: { id: nullable(def('id')), name: str, at: def('timestamp') },
    required: ['id', 'name', 'at'],
    additionalProperties: false,
  },
  {
    $id: ORDER_SCHEMAS.item,
    type: 'object',
    properties: {
      id: def('id'),
      lineKey: str,
      skuId: nullable(def('id')),
      skuCode: str,
      title: str,
      properties: str,
      quantity: { type: 'integer', minimum: 1 },
      price: def('price'),
      refundStatus: nullableStr,
      refundState: { enum: [...REFUND_STATES] },
      refundAmount: def('money'),
      gift: { type: 'boolean' },
      catalogName: nullableStr,
    },
    required: ['id', 'lineKey', 'skuId', 'skuCode', 'title', 'properties', 'quantity', 'price', 'refundStatus', 'refundState', 'refundAmount', 'gift'],
    additionalProperties: false,
  },
  {
    $id: ORDER_SCHEMAS.remark,
    type: 'object',
    properties: { id: def('id'), agentNo: str, courier: str, note: str, text: str, authorName: str, createdAt: def('timestamp') },
    required: ['id', 'agentNo', 'courier', 'note', 'text', 'authorName', 'createdAt'],
    additionalProperties: false,
  },
  {
    $id: ORDER_SCHEMAS.order,
    type: 'object',
    properties: orderProperties,
    required: Object.keys(orderProperties),
    additionalProperties: false,
  },
  {
    $id: ORDER_SCHEMAS.orderDetail,
    type: 'object',
    properties: {
      ...orderProperties,
      items: { type: 'array', items: ref(ORDER_SCHEMAS.item) },
      remarks: { type: 'array', items: ref(ORDER_SCHEMAS.remark) },
    },
    required: [...Object.keys(orderProperties), 'items', 'remarks'],
    additionalProperties: false,
  },
  {
    $id: ORDER_SCHEMAS.history,
    type: 'object',
    properties: {
      id: def('id'),
      action: str,
      from: nullable({ enum: [...ORDER_STATUSES] }),
      to: nullable({ enum: [...ORDER_STATUSES] }),
      actorId: nullable(def('id')),
      actorName: str,
      at: def('timestamp'),
      detail: { type: 'object' },
    },
    required: ['id', 'action', 'from', 'to', 'actorId', 'actorName', 'at', 'detail'],
    additionalProperties: false,
  },
  {
    $id: ORDER_SCHEMAS.priceChange,
    type: 'object',
    properties: {
      id: def('id'),
      itemId: nullable(def('id')),
      field: { enum: ['item-price', 'shipping-fee'] },
      oldAmount: def('price'),
      newAmount: def('price'),
      reason: str,
      actorId: nullable(def('id')),
      actorName: str,
      at: def('timestamp'),
    },
    required: ['id', 'itemId', 'field', 'oldAmount', 'newAmount', 'reason', 'actorId', 'actorName', 'at'],
    additionalProperties: false,
  },
  {
    $id: ORDER_SCHEMAS.review,
    type: 'object',
    properties: {
      passes: { type: 'boolean' },
      approvable: { type: 'boolean' },
      findings: {
        type: 'array',
        items: {
          type: 'object',
          properties: { rule: str, ok: { type: 'boolean' }, code: { enum: [...EXCEPTION_CODES] }, message: str },
          required: ['rule', 'ok', 'message'],
          additionalProperties: false,
        },
      },
    },
    required: ['passes', 'approvable', 'findings'],
    additionalProperties: false,
  },
];

/** Registers the order record schemas so routes (here and in other areas) can `$ref` them. */
export function registerOrderSchemas(ctx: PluginContext): void {
  for (const schema of records) ctx.schemas.add(schema);
}

/** One page of orders, with the count per status for the same search. */
export const orderPageSchema: JsonSchema = {
  allOf: [def('page')],
  type: 'object',
  properties: {
    items: { type: 'array', items: ref(ORDER_SCHEMAS.order) },
    counts: { type: 'object', properties: Object.fromEntries(ORDER_STATUSES.map((s) => [s, { type: 'integer', minimum: 0 }])) },
  },
  required: ['items', 'total', 'page', 'pageSize', 'counts'],
};

/** A body that carries only the version read. */
export const versionBody: JsonSchema = { type: 'object', properties: { version: def('version') }, required: ['version'], additionalProperties: false };

/** A body with the version and a reason a person wrote. */
export const reasonBody: JsonSchema = {
  type: 'object',
  properties: { version: def('version'), reason: { type: 'string', minLength: 1, maxLength: 500, pattern: '\\S' } },
  required: ['version', 'reason'],
  additionalProperties: false,
};

/** The reasons a person may mark an order 异常 for: their own, or a paid order waiting for Taobao's refund. */
export const MARKED_EXCEPTIONS = ['manual', 'awaiting-refund'] as const;
export type MarkedException = (typeof MARKED_EXCEPTIONS)[number];

export const exceptionBody: JsonSchema = {
  ...reasonBody,
  properties: { ...(reasonBody.properties as Record<string, JsonSchema>), code: { enum: [...MARKED_EXCEPTIONS] } },
};
