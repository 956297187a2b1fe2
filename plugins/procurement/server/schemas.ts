// Record shapes the routes send, shared by their response schemas.
import { def, nullable, type JsonSchema } from '@workbench/plugin-api';

const text = { type: 'string' };

export const SUPPLIER: JsonSchema = {
  type: 'object',
  properties: {
    id: def('id'),
    name: text,
    contact: nullable(text),
    phone: nullable(text),
    categories: { type: 'array', items: text },
    leadTimeDays: { type: 'integer' },
    paymentTerms: nullable(text),
    points: { type: 'integer' },
    standing: { type: 'string', enum: ['active', 'approval', 'ended'] },
    fixBy: nullable(def('date')),
    note: text,
    version: def('version'),
    createdAt: def('timestamp'),
    updatedAt: def('timestamp'),
  },
  required: ['id', 'name', 'contact', 'phone', 'categories', 'leadTimeDays', 'paymentTerms', 'points', 'standing', 'fixBy', 'note', 'version', 'createdAt', 'updatedAt'],
  additionalProperties: false,
};

export const SUPPLIER_ITEM: JsonSchema = {
  type: 'object',
  properties: {
    id: def('id'),
    supplierId: def('id'),
    skuCode: text,
    price: def('money'),
    minQuantity: { type: 'integer', minimum: 1 },
    validUntil: nullable(def('date')),
    updatedAt: def('timestamp'),
  },
  required: ['id', 'supplierId', 'skuCode', 'price', 'minQuantity', 'validUntil', 'updatedAt'],
  additionalProperties: false,
};

export const pageOf = (item: JsonSchema): JsonSchema => ({
  type: 'object',
  properties: { items: { type: 'array', items: item }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } },
  required: ['items', 'total', 'page', 'pageSize'],
});

export const itemsOf = (item: JsonSchema): JsonSchema => ({
  type: 'object',
  properties: { items: { type: 'array', items: item } },
  required: ['items'],
});
