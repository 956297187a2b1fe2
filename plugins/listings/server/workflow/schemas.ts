import type { JsonSchema, PluginContext } from '@workbench/plugin-api';
import { def, nullable } from '../shared/schema-refs.js';

const BASE = 'https://workbench.local/schemas/listings';
export const WORKFLOW_PRODUCT = `${BASE}/workflow-product`;
export const WORKFLOW_CHECKLIST = `${BASE}/workflow-checklist`;
export const WORKFLOW_HISTORY = `${BASE}/workflow-history`;
export const WORKFLOW_REVIEW_ITEM = `${BASE}/workflow-review-item`;
export const WORKFLOW_SCHEDULE_RUN = `${BASE}/workflow-schedule-run`;

const text: JsonSchema = {
  type: 'object',
  properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } },
  required: ['zh-CN', 'en'],
  additionalProperties: false,
};
const nullableString: JsonSchema = { type: ['string', 'null'] };
const status: JsonSchema = { enum: ['draft', 'submitted', 'listed', 'delisted'] };

/** A checklist result; also inlined where a record carries one (a revision's), since schemas are compiled as they are added. */
export const CHECKLIST_SHAPE: JsonSchema = {
  type: 'object',
  properties: {
    rules: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: 'string' }, title: text, passed: { type: 'boolean' }, detail: text },
        required: ['id', 'title', 'passed', 'detail'],
        additionalProperties: false,
      },
    },
    passed: { type: 'boolean' },
  },
  required: ['rules', 'passed'],
  additionalProperties: false,
};

/** The record shapes the workflow routes answer with. */
const SCHEMAS: (JsonSchema & { $id: string })[] = [
  {
    $id: WORKFLOW_PRODUCT,
    description: 'A product after a workflow move: the catalog detail, of which the workflow fields are listed here.',
    type: 'object',
    properties: {
      id: def('id'),
      title: { type: 'string' },
      itemCode: { type: 'string' },
      status,
      version: def('version'),
      scheduledListAt: nullable(def('timestamp')),
      scheduledDelistAt: nullable(def('timestamp')),
      submittedBy: { type: ['integer', 'null'] },
      submittedAt: nullable(def('timestamp')),
      submitReason: nullableString,
      reviewedBy: { type: ['integer', 'null'] },
      reviewedAt: nullable(def('timestamp')),
      reviewNote: nullableString,
      listedAt: nullable(def('timestamp')),
      delistedAt: nullable(def('timestamp')),
      skus: { type: 'array', items: { type: 'object' } },
    },
    required: ['id', 'title', 'itemCode', 'status', 'version', 'scheduledListAt', 'scheduledDelistAt', 'submittedBy', 'submittedAt', 'submitReason', 'reviewedBy', 'reviewedAt', 'reviewNote', 'listedAt', 'delistedAt', 'skus'],
  },
  { $id: WORKFLOW_CHECKLIST, ...CHECKLIST_SHAPE },
  {
    $id: WORKFLOW_HISTORY,
    type: 'object',
    properties: {
      items: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            action: { enum: ['submit', 'approve', 'reject', 'list', 'delist', 'schedule', 'approve-revision', 'reject-revision'] },
            fromStatus: { anyOf: [status, { type: 'null' }] },
            toStatus: { anyOf: [status, { type: 'null' }] },
            actorId: { type: ['integer', 'null'] },
            actorName: { type: 'string' },
            at: def('timestamp'),
            note: nullableString,
            failedRules: { type: 'array', items: { type: 'string' } },
          },
          required: ['action', 'fromStatus', 'toStatus', 'actorId', 'actorName', 'at', 'note', 'failedRules'],
          additionalProperties: false,
        },
      },
    },
    required: ['items'],
    additionalProperties: false,
  },
  {
    $id: WORKFLOW_REVIEW_ITEM,
    type: 'object',
    properties: {
      id: def('id'),
      title: { type: 'string' },
      itemCode: { type: 'string' },
      version: def('version'),
      submittedBy: { type: ['integer', 'null'] },
      submitterName: nullableString,
      submittedAt: nullable(def('timestamp')),
      submitReason: nullableString,
      failedRules: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, title: text }, required: ['id', 'title'], additionalProperties: false } },
      scheduledListAt: nullable(def('timestamp')),
    },
    required: ['id', 'title', 'itemCode', 'version', 'submittedBy', 'submitterName', 'submittedAt', 'submitReason', 'failedRules', 'scheduledListAt'],
    additionalProperties: false,
  },
  {
    $id: WORKFLOW_SCHEDULE_RUN,
    type: 'object',
    properties: {
      listed: { type: 'array', items: def('id') },
      delisted: { type: 'array', items: def('id') },
      failed: {
        type: 'array',
        items: { type: 'object', properties: { productId: def('id'), message: { type: 'string' } }, required: ['productId', 'message'], additionalProperties: false },
      },
    },
    required: ['listed', 'delisted', 'failed'],
    additionalProperties: false,
  },
];

/** Registers the workflow's record schemas (`listings/workflow-*`). */
export function addWorkflowSchemas(ctx: PluginContext): void {
  for (const schema of SCHEMAS) ctx.schemas.add(schema);
}
