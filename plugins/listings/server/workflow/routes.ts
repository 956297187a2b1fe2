import type { PluginContext } from '@workbench/plugin-api';
import { productStore } from '../catalog/product-store.js';
import { runChecklist } from './checklist.js';
import { listingsSettings } from '../settings.js';
import { readHistory } from './history.js';
import { readReviewQueue, type ReviewQueueQuery } from './review-queue.js';
import { runDueSchedules, setSchedule, type ScheduleBody } from './schedule.js';
import { WORKFLOW_CHECKLIST, WORKFLOW_HISTORY, WORKFLOW_PRODUCT, WORKFLOW_REVIEW_ITEM, WORKFLOW_SCHEDULE_RUN } from './schemas.js';
import { delistByHand, reviewProduct, submitProduct } from './transitions.js';
import { listQuery } from '../shared/list-query.js';
import { def, ID_PARAMS, nullable, ref } from '../shared/schema-refs.js';

const VERSION = def('version');
const PRODUCT = { $ref: WORKFLOW_PRODUCT };
const NOTE = { type: 'string', maxLength: 500 };
const AT = nullable(def('timestamp'));

/** The listing workflow's HTTP routes (see the README, "Listing workflow"). */
export function addWorkflowRoutes(ctx: PluginContext): void {
  ctx.routes.add<{ id: number }>({
    method: 'get',
    path: '/products/:id/checklist',
    permission: 'listings.products.read',
    summary: { 'zh-CN': '上架检查', en: 'Listing checklist' },
    description: { 'zh-CN': '按设置里的上架检查规则逐条检查商品', en: 'Checks the product against each rule of the listing checklist settings' },
    params: ID_PARAMS,
    response: { $ref: WORKFLOW_CHECKLIST },
    handler: async ({ params }) => runChecklist(await ctx.db.read((q) => productStore(q).requireDetail(params.id)), listingsSettings(ctx).checklist),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { version: number; reason?: string }>({
    method: 'post',
    path: '/products/:id/submit',
    permission: 'listings.products.edit',
    summary: { 'zh-CN': '提交上架审核', en: 'Submit for listing review' },
    description: { 'zh-CN': '草稿或已下架 → 待审核；检查没通过时须写明原因', en: 'Draft or delisted → awaiting review; failing checklist rules need a reason' },
    params: ID_PARAMS,
    body: { type: 'object', properties: { version: VERSION, reason: NOTE }, required: ['version'], additionalProperties: false },
    response: PRODUCT,
    action: 'submit product',
    handler: ({ params, body, actor }) => submitProduct(ctx, actor!, params.id, body),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { version: number; decision: 'approve' | 'reject'; note?: string }>({
    method: 'post',
    path: '/products/:id/review',
    permission: 'listings.products.review',
    summary: { 'zh-CN': '上架审核', en: 'Review a listing' },
    description: {
      'zh-CN': '通过 → 已上架（有定时上架时间的，到时再上架）；退回 → 草稿，须写明原因。不能审核自己提交的商品',
      en: 'Approve → listed (at its scheduled time, if one lies ahead); reject → draft, with a note. Nobody reviews their own submission',
    },
    params: ID_PARAMS,
    body: { type: 'object', properties: { version: VERSION, decision: { enum: ['approve', 'reject'] }, note: NOTE }, required: ['version', 'decision'], additionalProperties: false },
    response: PRODUCT,
    action: 'review product',
    handler: ({ params, body, actor }) => reviewProduct(ctx, actor!, params.id, body),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { version: number; reason?: string }>({
    method: 'post',
    path: '/products/:id/delist',
    permission: 'listings.products.edit',
    summary: { 'zh-CN': '下架商品', en: 'Delist a product' },
    description: { 'zh-CN': '已上架 → 已下架，同时暂停它的促销', en: 'Listed → delisted; its promotions are suspended with it' },
    params: ID_PARAMS,
    body: { type: 'object', properties: { version: VERSION, reason: NOTE }, required: ['version'], additionalProperties: false },
    response: PRODUCT,
    action: 'delist product',
    handler: ({ params, body, actor }) => delistByHand(ctx, actor!, params.id, body),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, ScheduleBody>({
    method: 'put',
    path: '/products/:id/schedule',
    permission: 'listings.products.edit',
    summary: { 'zh-CN': '设置定时上架/下架', en: 'Schedule listing and delisting' },
    description: {
      'zh-CN': '不填的时间保持不变，填 null 取消。定时上架只对审核通过的商品生效',
      en: 'A time left out stays as it is; null clears it. A listing time only applies once the product is approved',
    },
    params: ID_PARAMS,
    body: { type: 'object', properties: { version: VERSION, listAt: AT, delistAt: AT }, required: ['version'], additionalProperties: false },
    response: PRODUCT,
    action: 'schedule product',
    handler: ({ params, body, actor }) => setSchedule(ctx, actor!, params.id, body),
  });

  ctx.routes.add({
    method: 'post',
    path: '/schedule/run',
    permission: 'listings.products.review',
    summary: { 'zh-CN': '立即执行到期的定时上下架', en: 'Run due schedules now' },
    description: { 'zh-CN': '和每分钟运行的定时任务做同样的事', en: 'Does what the every-minute schedule job does, now' },
    response: { $ref: WORKFLOW_SCHEDULE_RUN },
    action: 'run listing schedules',
    handler: ({ actor }) => runDueSchedules(ctx, actor),
  });

  ctx.routes.add<Record<string, string>, ReviewQueueQuery>({
    method: 'get',
    path: '/review-queue',
    permission: 'listings.products.review',
    summary: { 'zh-CN': '待审核商品', en: 'Listings awaiting review' },
    query: listQuery(),
    response: { allOf: [def('page'), { type: 'object', properties: { items: { type: 'array', items: ref(WORKFLOW_REVIEW_ITEM) } } }] },
    handler: ({ query }) => ctx.db.read((q) => readReviewQueue(q, query)),
  });

  ctx.routes.add<{ id: number }>({
    method: 'get',
    path: '/products/:id/history',
    permission: 'listings.products.read',
    summary: { 'zh-CN': '上下架记录', en: 'Listing history' },
    params: ID_PARAMS,
    response: { $ref: WORKFLOW_HISTORY },
    handler: ({ params }) =>
      ctx.db.read(async (q) => {
        await productStore(q).require(params.id);
        return { items: await readHistory(q, params.id) };
      }),
  });
}
