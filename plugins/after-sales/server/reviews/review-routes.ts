import { ConflictError, def, ID_PARAMS, InputError, NotFoundError, nullable, type Locale, type LocalizedText, type PluginContext, type Transaction } from '@workbench/plugin-api';
import { readReviewFile } from './review-csv.js';
import { praisableStaff, praiseFromText, recordPraise } from './review-praise.js';
import { needsWork, workDueOn, type Rating } from './review-rules.js';
import { reviewStore, type Review } from './review-store.js';

const RATING = { type: 'string', enum: ['good', 'neutral', 'bad'] };
const DAY = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const PERSON = { type: 'object', properties: { staffId: def('id'), code: { type: 'string' }, name: { type: 'string' } }, required: ['staffId', 'code', 'name'] };
export const REVIEW = {
  type: 'object',
  properties: {
    id: def('id'), orderNo: { type: 'string' }, rating: RATING, firstRating: RATING, text: { type: 'string' }, reviewedOn: DAY,
    source: { type: 'string', enum: ['import', 'hand'] }, reply: nullable({ type: 'string' }), repliedAt: nullable(def('timestamp')),
    workState: nullable({ type: 'string', enum: ['open', 'changed', 'closed'] }), dueOn: nullable(DAY), resolvedAt: nullable(def('timestamp')),
    resolutionNote: nullable({ type: 'string' }), praised: { type: 'array', items: PERSON },
  },
  required: ['id', 'orderNo', 'rating', 'firstRating', 'text', 'reviewedOn', 'source', 'reply', 'workState', 'dueOn', 'praised'],
};

/** The values of schemas/settings.schema.json this part reads. */
interface ReviewSettings {
  reviewWorkDays: number;
}

const localize = (text: LocalizedText, locale: Locale) => (typeof text === 'string' ? text : (text[locale] ?? text['zh-CN']));
const notFound = (id: number) => new NotFoundError({ 'zh-CN': `没有第 ${id} 条评价`, en: `There is no review ${id}` });

export function addReviewRoutes(ctx: PluginContext): void {
  const settings = () => ctx.settings.get() as unknown as ReviewSettings;
  const dueOn = (rating: Rating, reviewedOn: string) => (needsWork(rating) ? workDueOn(reviewedOn, settings().reviewWorkDays) : null);
  const require = async (tx: Transaction, id: number): Promise<Review> => (await reviewStore(tx).get(id)) ?? Promise.reject(notFound(id));

  ctx.routes.add<Record<string, string>, { show: 'all' | 'open'; rating?: Rating }, undefined, { items: Review[] }>({
    method: 'get',
    path: '/reviews',
    permission: 'after-sales.reviews.read',
    summary: { 'zh-CN': '评价列表：全部（最新在前）或待处理的中差评（最早到期在前）', en: 'Reviews: all, newest first, or the 中差评 being worked, due first' },
    query: { type: 'object', properties: { show: { type: 'string', enum: ['all', 'open'], default: 'all' }, rating: RATING } },
    response: { type: 'object', properties: { items: { type: 'array', items: REVIEW } }, required: ['items'] },
    handler: async ({ query }) => ({ items: await ctx.db.read((q) => reviewStore(q).list({ show: query.show, ...(query.rating ? { rating: query.rating } : {}) })) }),
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, { orderNo: string; rating: Rating; text: string; reviewedOn: string }, Review>({
    method: 'post',
    path: '/reviews',
    permission: 'after-sales.reviews.write',
    summary: { 'zh-CN': '手工录入一条评价', en: 'Enter a review by hand' },
    body: { type: 'object', properties: { orderNo: { type: 'string', pattern: '^\\d{6,30}$' }, rating: RATING, text: { type: 'string', maxLength: 2000 }, reviewedOn: DAY }, required: ['orderNo', 'rating', 'text', 'reviewedOn'], additionalProperties: false },
    response: REVIEW,
    status: 201,
    action: 'enter review',
    handler: async ({ body, actor }) => {
      const staff = await praisableStaff(ctx);
      return ctx.db.transaction(async (tx) => {
        const added = await reviewStore(tx).add({ ...body, text: body.text.trim(), source: 'hand', dueOn: dueOn(body.rating, body.reviewedOn) }, { id: actor!.id, at: ctx.now() });
        if (!added) throw new ConflictError({ 'zh-CN': `订单 ${body.orderNo} 在 ${body.reviewedOn} 的这条评价已经录过了`, en: `This review of order ${body.orderNo} on ${body.reviewedOn} is already entered` });
        await praiseFromText(ctx, tx, added, staff);
        return require(tx, added.id);
      });
    },
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, undefined, { imported: number; unchanged: number; open: number; praised: number }>({
    method: 'post',
    path: '/reviews/import',
    permission: 'after-sales.reviews.write',
    summary: { 'zh-CN': '导入评价（CSV，GBK 或 UTF-8；有一行不对就整份不导入）', en: 'Import reviews (CSV, GBK or UTF-8; one bad row and nothing is imported)' },
    description: { 'zh-CN': '列：订单编号、评价（好评/中评/差评 或 GOOD/NORMAL/BAD）、评价内容、评价时间。上传字段 file（multipart），或请求体就是 CSV 文件', en: 'Columns: order number, rating (好评/中评/差评 or GOOD/NORMAL/BAD), text, date. The file in the multipart field `file`, or the CSV itself as the body' },
    response: { type: 'object', properties: { imported: { type: 'integer' }, unchanged: { type: 'integer' }, open: { type: 'integer' }, praised: { type: 'integer' } }, required: ['imported', 'unchanged', 'open', 'praised'] },
    action: 'import reviews',
    handler: async ({ raw, actor, locale }) => {
      const file = readReviewFile(await uploadedBytes(raw));
      if (file.problems.length > 0) {
        const rejected = file.problems.sort((a, b) => a.row - b.row).map((p) => ({ row: p.row, column: p.column, reason: localize(p.reason, locale) }));
        throw new InputError(
          { 'zh-CN': `评价文件有 ${rejected.length} 处问题，整份没有导入；改好后再导入`, en: `The review file has ${rejected.length} problem(s); nothing was imported. Fix them and import again` },
          { details: { rejected } },
        );
      }
      if (file.rows.length === 0) throw new InputError({ 'zh-CN': '评价文件里没有数据行', en: 'The review file has no rows' });
      const staff = await praisableStaff(ctx);
      return ctx.db.transaction(async (tx) => {
        const counts = { imported: 0, unchanged: 0, open: 0, praised: 0 };
        for (const r of file.rows) {
          const added = await reviewStore(tx).add({ orderNo: r.orderNo, rating: r.rating, text: r.text, reviewedOn: r.reviewedOn, source: 'import', dueOn: dueOn(r.rating, r.reviewedOn) }, { id: actor!.id, at: ctx.now() });
          if (!added) {
            counts.unchanged++;
            continue;
          }
          counts.imported++;
          if (added.workState === 'open') counts.open++;
          await praiseFromText(ctx, tx, added, staff);
          counts.praised += (await require(tx, added.id)).praised.length;
        }
        return counts;
      });
    },
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { text: string }, Review>({
    method: 'put',
    path: '/reviews/:id/reply',
    permission: 'after-sales.reviews.write',
    summary: { 'zh-CN': '写或改评价的公开解释', en: "Write or change a review's public reply (解释)" },
    params: ID_PARAMS,
    body: { type: 'object', properties: { text: { type: 'string', maxLength: 500 } }, required: ['text'], additionalProperties: false },
    response: REVIEW,
    action: 'reply to review',
    handler: ({ params, body, actor }) => {
      if (body.text.trim() === '') throw new InputError({ 'zh-CN': '请写下给买家的解释', en: 'Write the reply to the buyer' }, { errors: [{ path: '/text', in: 'body', message: 'blank' }] });
      return ctx.db.transaction(async (tx) => {
        await require(tx, params.id);
        await reviewStore(tx).reply(params.id, body.text.trim(), { id: actor!.id, at: ctx.now() });
        return require(tx, params.id);
      });
    },
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { rating: Rating; note?: string }, Review>({
    method: 'post',
    path: '/reviews/:id/changed',
    permission: 'after-sales.reviews.write',
    summary: { 'zh-CN': '买家修改了中差评：记下新评价，处理结束', en: 'The buyer changed the 中差评: record the new rating; the work ends' },
    params: ID_PARAMS,
    body: { type: 'object', properties: { rating: RATING, note: { type: 'string', maxLength: 500 } }, required: ['rating'], additionalProperties: false },
    response: REVIEW,
    action: 'review changed by buyer',
    handler: ({ params, body, actor }) => ctx.db.transaction(async (tx) => {
      const review = await requireOpen(tx, params.id);
      if (body.rating === review.rating) throw new InputError({ 'zh-CN': '新评价和原来的一样：买家改了之后再记', en: 'The new rating is the same as before; record it once the buyer has changed it' });
      await reviewStore(tx).resolve(params.id, 'changed', body.rating, body.note?.trim() || null, { id: actor!.id, at: ctx.now() });
      return require(tx, params.id);
    }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { note: string }, Review>({
    method: 'post',
    path: '/reviews/:id/close',
    permission: 'after-sales.reviews.close',
    summary: { 'zh-CN': '店长结束一条中差评的处理（写明原因）', en: 'The owner ends the work on a 中差评, with the reason' },
    params: ID_PARAMS,
    body: { type: 'object', properties: { note: { type: 'string', maxLength: 500 } }, required: ['note'], additionalProperties: false },
    response: REVIEW,
    action: 'close review',
    handler: ({ params, body, actor }) => {
      if (body.note.trim() === '') throw new InputError({ 'zh-CN': '请写明为什么不再处理', en: 'Say why the work ends' }, { errors: [{ path: '/note', in: 'body', message: 'blank' }] });
      return ctx.db.transaction(async (tx) => {
        const review = await requireOpen(tx, params.id);
        await reviewStore(tx).resolve(params.id, 'closed', review.rating, body.note.trim(), { id: actor!.id, at: ctx.now() });
        return require(tx, params.id);
      });
    },
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { code: string }, Review>({
    method: 'post',
    path: '/reviews/:id/praise',
    permission: 'after-sales.reviews.write',
    summary: { 'zh-CN': '记下好评表扬的员工（按工号），员工管理里记奖励', en: 'Name the person a good review praises (by 工号); staff-rules rewards them' },
    params: ID_PARAMS,
    body: { type: 'object', properties: { code: { type: 'string', minLength: 1, maxLength: 20 } }, required: ['code'], additionalProperties: false },
    response: REVIEW,
    action: 'review praise',
    handler: async ({ params, body }) => {
      const person = (await praisableStaff(ctx)).find((s) => s.code === body.code.trim());
      if (!person) throw new InputError({ 'zh-CN': `员工名单里没有工号 ${body.code}`, en: `No one on the staff list has the number ${body.code}` }, { errors: [{ path: '/code', in: 'body', message: 'unknown' }] });
      return ctx.db.transaction(async (tx) => {
        const review = await require(tx, params.id);
        if (review.rating !== 'good') throw new ConflictError({ 'zh-CN': '只有好评的表扬才有奖励', en: 'Only a good review earns a praise reward' });
        await recordPraise(ctx, tx, review, [person]);
        return require(tx, params.id);
      });
    },
  });

  async function requireOpen(tx: Transaction, id: number): Promise<Review> {
    const review = await require(tx, id);
    if (review.workState !== 'open') {
      throw new ConflictError(review.workState === null
        ? { 'zh-CN': '好评不需要处理', en: 'A good review needs no work' }
        : { 'zh-CN': `这条评价已于 ${review.resolvedAt?.slice(0, 10)} 处理完`, en: `This review's work ended on ${review.resolvedAt?.slice(0, 10)}` });
    }
    return review;
  }
}

/** The file of a multipart upload (field `file`), or the body itself. */
async function uploadedBytes(raw: Request): Promise<Uint8Array> {
  if (!(raw.headers.get('content-type') ?? '').startsWith('multipart/form-data')) return new Uint8Array(await raw.arrayBuffer());
  const file = (await raw.formData()).get('file');
  if (!file || typeof file === 'string') throw new InputError({ 'zh-CN': '请选择要导入的评价文件（CSV）', en: 'Choose the review file (CSV) to import' });
  return new Uint8Array(await file.arrayBuffer());
}
