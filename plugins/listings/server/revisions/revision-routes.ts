import type { PluginContext } from '@workbench/plugin-api';
import { CATALOG_SCHEMAS } from '../catalog/schemas.js';
import { listingsSettings } from '../settings.js';
import { listQuery } from '../shared/list-query.js';
import { def, ID_PARAMS, ref } from '../shared/schema-refs.js';
import { readRevisionQueue, type RevisionQueueQuery } from './revision-queue.js';
import { reviewRevision, withdrawRevision } from './revision-review.js';
import { REVISION_SCHEMAS } from './revision-schemas.js';
import { revisionStore } from './revision-store.js';

const VERSION = def('version');

/** Revisions of listed products: the queue, a product's past revisions, the decision and withdrawal. */
export function addRevisionRoutes(ctx: PluginContext): void {
  ctx.routes.add<Record<string, string>, RevisionQueueQuery>({
    method: 'get',
    path: '/revisions',
    permission: 'listings.products.review',
    summary: { 'zh-CN': '待审核的修改（已上架商品）', en: 'Changes to listed products awaiting review' },
    query: listQuery(),
    response: { allOf: [def('page'), { type: 'object', properties: { items: { type: 'array', items: ref(REVISION_SCHEMAS.queueItem) } } }] },
    handler: ({ query }) => ctx.db.read((q) => readRevisionQueue(q, query, listingsSettings(ctx).checklist)),
  });

  ctx.routes.add<{ id: number }>({
    method: 'get',
    path: '/products/:id/revisions',
    permission: 'listings.products.read',
    summary: { 'zh-CN': '商品的修改记录（待审、通过、驳回、撤回）', en: 'A product’s revisions (pending, approved, rejected, withdrawn)' },
    params: ID_PARAMS,
    response: { type: 'object', properties: { items: { type: 'array', items: ref(REVISION_SCHEMAS.revision) } }, required: ['items'], additionalProperties: false },
    handler: ({ params }) => ctx.db.read(async (q) => ({ items: await revisionStore(q).forProduct(params.id) })),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { version: number; decision: 'approve' | 'reject'; note?: string }>({
    method: 'post',
    path: '/revisions/:id/review',
    permission: 'listings.products.review',
    summary: { 'zh-CN': '审核已上架商品的修改', en: 'Review changes to a listed product' },
    description: {
      'zh-CN': '通过：修改立即生效（价格、标题等）；驳回：保持上架中的内容，须写明原因。改过其中内容的人不能审核',
      en: 'Approve: the changes apply at once (prices, title …); reject: the listed version stays, with a note. Nobody who edited it reviews it',
    },
    params: ID_PARAMS,
    body: {
      type: 'object',
      properties: { version: VERSION, decision: { enum: ['approve', 'reject'] }, note: { type: 'string', maxLength: 500 } },
      required: ['version', 'decision'],
      additionalProperties: false,
    },
    response: ref(CATALOG_SCHEMAS.productRevised),
    action: 'review revision',
    handler: ({ params, body, actor }) => reviewRevision(ctx, actor!, params.id, body),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { version: number }>({
    method: 'post',
    path: '/revisions/:id/withdraw',
    permission: 'listings.products.edit',
    summary: { 'zh-CN': '撤回待审核的修改', en: 'Withdraw a pending revision' },
    params: ID_PARAMS,
    body: { type: 'object', properties: { version: VERSION }, required: ['version'], additionalProperties: false },
    response: ref(CATALOG_SCHEMAS.productRevised),
    action: 'withdraw revision',
    handler: ({ params, body }) => withdrawRevision(ctx, params.id, body),
  });
}
