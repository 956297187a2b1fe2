import { def, nullable, type JsonSchema, type PluginContext } from '@workbench/plugin-api';
import { LOCATION_CODE_PATTERN } from './location-code.js';

const BASE = 'https://workbench.local/schemas/fulfillment';

/** The `$id`s of the warehouse's record schemas. */
export const WAREHOUSE_SCHEMAS = {
  location: `${BASE}/location`,
  stockItem: `${BASE}/stock-item`,
  ledgerEntry: `${BASE}/ledger-entry`,
  inboundNote: `${BASE}/inbound-note`,
  stocktake: `${BASE}/stocktake`,
  stocktakeSummary: `${BASE}/stocktake-summary`,
  reminder: `${BASE}/reminder`,
} as const;

export const LOCATION_CODE: JsonSchema = { type: 'string', pattern: LOCATION_CODE_PATTERN, description: 'zone-shelf-level-bin, e.g. A-01-02-03' };
/** A location code as a clerk may type it (lower case, spaces); the handler parses it and says what is wrong. */
export const LOCATION_CODE_INPUT: JsonSchema = { type: 'string', minLength: 1, maxLength: 20 };
export const REASON: JsonSchema = { type: 'string', minLength: 1, maxLength: 200 };
export const QTY: JsonSchema = { type: 'integer', minimum: 1, maximum: 1_000_000 };
const COUNT: JsonSchema = { type: 'integer', minimum: 0, maximum: 1_000_000 };
const STRING: JsonSchema = { type: 'string' };
const MOVEMENT_KIND: JsonSchema = { type: 'string', enum: ['inbound', 'outbound', 'transfer', 'adjustment', 'defective', 'return', 'putback'] };

const object = (properties: Record<string, JsonSchema>, extra: Record<string, unknown> = {}): JsonSchema => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
  ...extra,
});

const location = object({
  id: def('id'),
  code: LOCATION_CODE,
  zone: STRING,
  shelf: STRING,
  level: STRING,
  bin: STRING,
  kind: { type: 'string', enum: ['pick', 'storage'] },
  pathOrder: { type: 'integer' },
  capacity: nullable({ type: 'integer', minimum: 1 }),
  active: { type: 'boolean' },
  skuId: nullable(def('id')),
  skuCode: nullable(STRING),
  qty: { type: 'integer' },
  version: def('version'),
  createdAt: def('timestamp'),
  updatedAt: def('timestamp'),
});

const stockItem = object({
  skuId: def('id'),
  skuCode: STRING,
  title: STRING,
  onHand: { type: 'integer' },
  reserved: { type: 'integer' },
  available: { type: 'integer' },
  defective: { type: 'integer' },
  bins: { type: 'array', items: object({ locationId: def('id'), locationCode: STRING, kind: { type: 'string' }, qty: { type: 'integer' } }) },
});

const ledgerEntry = object({
  id: def('id'),
  at: def('timestamp'),
  kind: MOVEMENT_KIND,
  skuId: def('id'),
  skuCode: STRING,
  locationId: nullable(def('id')),
  locationCode: nullable(STRING),
  qty: { type: 'integer' },
  balance: { type: 'integer' },
  orderId: nullable(def('id')),
  reference: nullable(STRING),
  reason: STRING,
  override: { type: 'boolean' },
  actorId: nullable(def('id')),
  actorName: STRING,
});

const inboundNote = object({
  id: def('id'),
  noteNo: STRING,
  source: STRING,
  reference: nullable(STRING),
  supplier: nullable(STRING),
  remark: STRING,
  actorName: STRING,
  createdAt: def('timestamp'),
  totals: object({ received: COUNT, passed: COUNT, failed: COUNT }),
  lines: {
    type: 'array',
    items: object({
      id: def('id'),
      skuId: def('id'),
      skuCode: STRING,
      title: STRING,
      received: COUNT,
      passed: COUNT,
      failed: COUNT,
      locationId: nullable(def('id')),
      locationCode: nullable(STRING),
      failureReason: nullable(STRING),
    }),
  },
});

const stocktakeLine = object({
  locationId: def('id'),
  locationCode: STRING,
  pathOrder: { type: 'integer' },
  skuId: def('id'),
  skuCode: STRING,
  title: STRING,
  book: { type: 'integer' },
  counted: nullable({ type: 'integer' }),
  difference: nullable({ type: 'integer' }),
  current: { type: 'integer' },
  reason: nullable(STRING),
});

const stocktakeFields: Record<string, JsonSchema> = {
  id: def('id'),
  zone: STRING,
  status: { type: 'string', enum: ['counting', 'posted', 'cancelled'] },
  createdByName: STRING,
  createdAt: def('timestamp'),
  postedByName: nullable(STRING),
  postedAt: nullable(def('timestamp')),
  version: def('version'),
  totals: object({ bins: COUNT, counted: COUNT, uncounted: COUNT, book: { type: 'integer' }, countedQty: { type: 'integer' }, difference: { type: 'integer' }, binsWithDifference: COUNT }),
};
const stocktakeSummary = object(stocktakeFields);
const stocktake = object({ ...stocktakeFields, lines: { type: 'array', items: stocktakeLine } });

const reminder = object({
  id: def('id'),
  kind: STRING,
  period: STRING,
  message: STRING,
  createdAt: def('timestamp'),
  dismissedAt: nullable(def('timestamp')),
});

/** A list answer of records of one schema. */
export function pageOf(schemaId: string): JsonSchema {
  return { allOf: [def('page')], type: 'object', properties: { items: { type: 'array', items: { $ref: schemaId } } } };
}

export function registerWarehouseSchemas(ctx: PluginContext): void {
  const records: [string, JsonSchema][] = [
    [WAREHOUSE_SCHEMAS.location, location],
    [WAREHOUSE_SCHEMAS.stockItem, stockItem],
    [WAREHOUSE_SCHEMAS.ledgerEntry, ledgerEntry],
    [WAREHOUSE_SCHEMAS.inboundNote, inboundNote],
    [WAREHOUSE_SCHEMAS.stocktake, stocktake],
    [WAREHOUSE_SCHEMAS.stocktakeSummary, stocktakeSummary],
    [WAREHOUSE_SCHEMAS.reminder, reminder],
  ];
  for (const [$id, schema] of records) ctx.schemas.add({ $id, ...schema });
}
