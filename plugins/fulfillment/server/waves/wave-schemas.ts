import { def, nullable, ref, type JsonSchema, type PluginContext } from '@workbench/plugin-api';
import { ORDER_STATUSES, PLATFORM_STATUSES } from '../../shared/state-names.js';

const BASE = 'https://workbench.local/schemas/fulfillment';

/** `$id`s of the waves area's record schemas. */
export const WAVE_SCHEMAS = {
  summary: `${BASE}/wave-summary`,
  detail: `${BASE}/wave`,
  created: `${BASE}/wave-created`,
  replenishment: `${BASE}/replenishment`,
  verification: `${BASE}/verification`,
  scan: `${BASE}/verification-scan`,
  scanRecord: `${BASE}/verification-scan-record`,
} as const;

const CLASS = { type: 'string', enum: ['single', 'multi-one-zone', 'multi-cross-zone'] };
export const WAVE_STATUS = { type: 'string', enum: ['picking', 'picked', 'done', 'cancelled'] };
const ORDER_STATUS = { type: 'string', enum: [...ORDER_STATUSES] };
const COUNT = { type: 'integer', minimum: 0 };
const TEXT = { type: 'string' };

const obj = (properties: Record<string, JsonSchema>, extra: JsonSchema = {}): JsonSchema => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  ...extra,
});

const SLOT = obj({ slot: { type: 'integer', minimum: 1 }, orderNo: TEXT, qty: { type: 'integer', minimum: 1 } });

const summaryProperties: Record<string, JsonSchema> = {
  id: def('id'),
  waveNo: TEXT,
  status: WAVE_STATUS,
  orders: COUNT,
  classes: obj({ single: COUNT, 'multi-one-zone': COUNT, 'multi-cross-zone': COUNT }),
  createdAt: def('timestamp'),
  createdByName: TEXT,
  pickedAt: nullable(def('timestamp')),
  pickedByName: nullable(TEXT),
  version: def('version'),
};

const detailProperties: Record<string, JsonSchema> = {
  ...summaryProperties,
  orderList: {
    type: 'array',
    items: obj({ orderId: def('id'), orderNo: TEXT, class: CLASS, slot: { type: 'integer', minimum: 1 }, bulkPick: { type: 'boolean' }, status: ORDER_STATUS, itemCount: COUNT, platformStatus: { type: 'string', enum: [...PLATFORM_STATUSES] }, mustPutBack: { type: 'boolean' } }),
  },
  pickList: {
    type: 'array',
    items: obj({
      locationCode: nullable(TEXT),
      zone: nullable(TEXT),
      pathOrder: nullable({ type: 'integer' }),
      skuId: def('id'),
      skuCode: TEXT,
      title: TEXT,
      qty: { type: 'integer', minimum: 1 },
      bulk: { type: 'boolean' },
      slots: { type: 'array', items: SLOT },
    }),
  },
  replenishments: { type: 'array', items: ref(WAVE_SCHEMAS.replenishment) },
  seeding: obj({
    slots: COUNT,
    bulkSkuCodes: { type: 'array', items: TEXT },
    skus: {
      type: 'array',
      items: obj({ skuId: def('id'), skuCode: TEXT, title: TEXT, total: COUNT, bulk: { type: 'boolean' }, slots: { type: 'array', items: SLOT } }),
    },
  }),
};

const LINE = obj({ skuId: def('id'), skuCode: TEXT, barcode: nullable(TEXT), title: TEXT, expected: { type: 'integer', minimum: 1 }, scanned: COUNT });

const schemas: (JsonSchema & { $id: string })[] = [
  {
    $id: WAVE_SCHEMAS.replenishment,
    ...obj({
      id: def('id'),
      waveId: nullable(def('id')),
      waveNo: nullable(TEXT),
      skuId: def('id'),
      skuCode: TEXT,
      title: { type: 'string' },
      fromLocationCode: TEXT,
      toLocationCode: TEXT,
      qty: { type: 'integer', minimum: 1 },
      status: { type: 'string', enum: ['open', 'done', 'cancelled'] },
      createdAt: def('timestamp'),
      doneBy: nullable(def('id')),
      doneAt: nullable(def('timestamp')),
    }),
  },
  { $id: WAVE_SCHEMAS.summary, ...obj(summaryProperties) },
  { $id: WAVE_SCHEMAS.detail, ...obj(detailProperties) },
  {
    $id: WAVE_SCHEMAS.created,
    ...obj({
      ...detailProperties,
      skipped: { type: 'array', items: obj({ orderId: def('id'), orderNo: TEXT, skuCodes: { type: 'array', items: TEXT }, reason: TEXT }) },
    }),
  },
  {
    $id: WAVE_SCHEMAS.verification,
    ...obj({
      // The order as the orders area sends it, receiver details masked per reader.
      order: { type: 'object', properties: { id: def('id'), orderNo: TEXT, status: ORDER_STATUS, receiverMasked: { type: 'boolean' } }, required: ['id', 'orderNo', 'status', 'receiverMasked'] },
      lines: { type: 'array', items: LINE },
      complete: { type: 'boolean' },
    }),
  },
  {
    $id: WAVE_SCHEMAS.scanRecord,
    ...obj({ id: def('id'), code: TEXT, skuId: nullable(def('id')), outcome: { type: 'string', enum: ['ok', 'wrong-item', 'surplus', 'unknown'] }, actorName: TEXT, at: def('timestamp') }),
  },
  { $id: WAVE_SCHEMAS.scan, ...obj({ orderId: def('id'), line: LINE, complete: { type: 'boolean' }, status: ORDER_STATUS }) },
];

export function registerWaveSchemas(ctx: PluginContext): void {
  for (const schema of schemas) ctx.schemas.add(schema);
}
