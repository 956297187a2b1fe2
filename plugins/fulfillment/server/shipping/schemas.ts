import { def, nullable, type JsonSchema, type PluginContext } from '@workbench/plugin-api';
import type { StatementOutcome } from '../../shared/records.js';

const BASE = 'https://workbench.local/schemas/fulfillment';
export const COURIER_CHOICE = `${BASE}/courier-choice`;
export const SHIPPED_ORDER = `${BASE}/shipped-order`;
export const STATEMENT = `${BASE}/statement`;
export const STATEMENT_DETAIL = `${BASE}/statement-detail`;

export type Outcome = StatementOutcome;
export const OUTCOMES = ['ok', 'unknown', 'weight', 'fee', 'weight-and-fee'] as const satisfies readonly Outcome[];

const courierRef: JsonSchema = {
  type: 'object',
  properties: { code: { type: 'string' }, name: { type: 'string' } },
  required: ['code', 'name'],
  additionalProperties: false,
};
const nullableInt: JsonSchema = { type: ['integer', 'null'] };

const statementProperties: Record<string, JsonSchema> = {
  id: def('id'),
  courier: courierRef,
  period: { type: 'string', description: 'First and last day the statement covers, YYYY-MM-DD~YYYY-MM-DD' },
  from: def('date'),
  to: def('date'),
  fileName: { type: 'string' },
  lines: { type: 'integer' },
  matched: { type: 'integer' },
  unknown: { type: 'integer' },
  differences: { type: 'integer' },
  billedFee: def('money'),
  expectedFee: def('money'),
  importedBy: { type: 'string' },
  importedAt: def('timestamp'),
};
const statementRequired = Object.keys(statementProperties);

/** The record shapes the shipping routes answer with. */
const SCHEMAS: (JsonSchema & { $id: string })[] = [
  {
    $id: COURIER_CHOICE,
    type: 'object',
    properties: {
      courier: { anyOf: [courierRef, { type: 'null' }] },
      rule: { enum: ['requested', 'default', 'fallback', 'none'] },
      reason: { type: 'string' },
      region: { type: 'string' },
    },
    required: ['courier', 'rule', 'reason', 'region'],
    additionalProperties: false,
  },
  {
    $id: SHIPPED_ORDER,
    description: 'The order after shipping; the order record, of which the shipping fields are listed here.',
    type: 'object',
    properties: {
      id: def('id'),
      orderNo: { type: 'string' },
      status: { const: 'shipped' },
      courier: { type: 'string' },
      trackingNo: { type: 'string' },
      weightGrams: nullableInt,
      version: def('version'),
    },
    required: ['id', 'orderNo', 'status', 'courier', 'trackingNo', 'weightGrams', 'version', 'steps'],
  },
  { $id: STATEMENT, type: 'object', properties: statementProperties, required: statementRequired, additionalProperties: false },
  {
    $id: STATEMENT_DETAIL,
    type: 'object',
    properties: {
      ...statementProperties,
      counts: { type: 'object', properties: Object.fromEntries(OUTCOMES.map((o) => [o, { type: 'integer' }])), required: [...OUTCOMES], additionalProperties: false },
      items: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: def('id'),
            row: { type: 'integer' },
            trackingNo: { type: 'string' },
            weightGrams: { type: 'integer' },
            fee: def('money'),
            orderId: nullableInt,
            orderNo: { type: ['string', 'null'] },
            outcome: { enum: [...OUTCOMES] },
            expectedWeightGrams: nullableInt,
            expectedFee: nullable(def('money')),
            weightDifferenceGrams: nullableInt,
            feeDifference: nullable(def('money')),
            billedBeforeRow: { ...nullableInt, description: 'The earlier row of this statement billing the same tracking number' },
          },
          required: ['id', 'row', 'trackingNo', 'weightGrams', 'fee', 'orderId', 'orderNo', 'outcome', 'expectedWeightGrams', 'expectedFee', 'weightDifferenceGrams', 'feeDifference', 'billedBeforeRow'],
          additionalProperties: false,
        },
      },
      notBilled: {
        type: 'array',
        description: 'Our shipments with this courier in the period that the statement does not bill',
        items: {
          type: 'object',
          properties: { orderId: def('id'), orderNo: { type: 'string' }, trackingNo: { type: 'string' }, weightGrams: nullableInt, shippedAt: def('timestamp') },
          required: ['orderId', 'orderNo', 'trackingNo', 'weightGrams', 'shippedAt'],
          additionalProperties: false,
        },
      },
    },
    required: [...statementRequired, 'counts', 'items', 'notBilled'],
    additionalProperties: false,
  },
];

export function registerShippingSchemas(ctx: PluginContext): void {
  for (const schema of SCHEMAS) ctx.schemas.add(schema);
}
