// Shapes of quotes, orders, receipts, returns and the ledger as the routes send them.
import { def, nullable, type JsonSchema } from '@workbench/plugin-api';

const text = { type: 'string' };
const count = { type: 'integer', minimum: 0 };
const STATUS = { type: 'string', enum: ['draft', 'approved', 'sent', 'partly-received', 'received', 'closed', 'cancelled'] };

export const PO_LINE: JsonSchema = {
  type: 'object',
  properties: {
    id: def('id'), skuId: def('id'), skuCode: text, barcode: nullable(text), title: text, qty: count, price: def('money'), amount: def('money'),
    expectedDate: nullable(def('date')), passed: count, failed: count, outstanding: count,
  },
  required: ['id', 'skuId', 'skuCode', 'barcode', 'title', 'qty', 'price', 'amount', 'expectedDate', 'passed', 'failed', 'outstanding'],
};

export const PURCHASE_ORDER: JsonSchema = {
  type: 'object',
  properties: {
    id: def('id'), poNo: text, supplierId: def('id'), supplierName: text, rfqId: nullable(def('id')), contractId: nullable(def('id')), status: STATUS,
    transportCost: def('money'), goodsAmount: def('money'), total: def('money'), expectedDate: nullable(def('date')), remark: text,
    createdBy: def('id'), createdByName: text, createdAt: def('timestamp'), version: def('version'),
    lines: { type: 'array', items: PO_LINE },
    approvals: {
      type: 'array',
      items: {
        type: 'object',
        properties: { role: text, because: { type: 'string', enum: ['amount', 'supplier'] }, fromAmount: def('money'), signedBy: nullable({ type: 'object', properties: { id: def('id'), name: text }, required: ['id', 'name'] }), signedAt: nullable(def('timestamp')) },
        required: ['role', 'because', 'fromAmount', 'signedBy', 'signedAt'],
      },
    },
    history: {
      type: 'array',
      items: { type: 'object', properties: { move: text, from: nullable(STATUS), to: STATUS, byId: def('id'), byName: text, at: def('timestamp'), note: text }, required: ['move', 'from', 'to', 'byId', 'byName', 'at', 'note'] },
    },
  },
  required: ['id', 'poNo', 'supplierId', 'supplierName', 'status', 'transportCost', 'goodsAmount', 'total', 'expectedDate', 'lines', 'approvals', 'history', 'version'],
};

export const PO_SUMMARY: JsonSchema = {
  type: 'object',
  properties: { id: def('id'), poNo: text, supplierId: def('id'), supplierName: text, status: STATUS, total: def('money'), expectedDate: nullable(def('date')), createdAt: def('timestamp'), version: def('version') },
  required: ['id', 'poNo', 'supplierId', 'supplierName', 'status', 'total', 'expectedDate', 'createdAt', 'version'],
};

export const VERSION_BODY: JsonSchema = { type: 'object', properties: { version: def('version') }, required: ['version'], additionalProperties: false };
export const REASON_BODY: JsonSchema = {
  type: 'object',
  properties: { version: def('version'), reason: { type: 'string', minLength: 1, maxLength: 500, pattern: '\\S' } },
  required: ['version', 'reason'],
  additionalProperties: false,
};
