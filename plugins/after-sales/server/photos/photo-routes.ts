import { createHash } from 'node:crypto';
import { def, ID_PARAMS, type PluginContext } from '@workbench/plugin-api';
import { caseNotFound } from '../case-errors.js';
import { caseStore } from '../case-store.js';
import { personOf } from '../open-case.js';
import { settingsOf } from '../settings.js';
import { notAPhoto, photoNotFound } from './photo-errors.js';
import { addPhoto, photoStore, type CasePhoto } from './photo-store.js';
import { photoTypeOf } from './photo-type.js';
import { readPhotoUpload } from './read-photo-upload.js';

export const PHOTO = {
  type: 'object',
  properties: {
    id: def('id'), caseId: def('id'), subject: { enum: ['goods', 'waybill'] }, name: { type: 'string' }, type: { enum: ['image/jpeg', 'image/png', 'image/webp'] },
    size: { type: 'integer' }, sha256: { type: 'string' }, by: { type: 'object', properties: { id: { type: ['integer', 'null'] }, name: { type: 'string' } }, required: ['id', 'name'] }, at: def('timestamp'),
  },
  required: ['id', 'caseId', 'subject', 'name', 'type', 'size', 'sha256', 'by', 'at'],
};
const PHOTO_PARAMS = { type: 'object', properties: { id: { type: 'integer', minimum: 1 }, photoId: { type: 'integer', minimum: 1 } }, required: ['id', 'photoId'] };

/** Evidence photos of a case: upload (multipart, read by the plugin under its own limit), list, and the image. */
export function addPhotoRoutes(ctx: PluginContext): void {
  const settings = settingsOf(ctx);
  const caseNoOf = async (id: number): Promise<string> => {
    const c = await ctx.db.read((q) => caseStore(q).get(id, ctx.now()));
    if (!c) throw caseNotFound(id);
    return c.caseNo;
  };

  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, CasePhoto>({
    method: 'post',
    path: '/cases/:id/photos',
    permission: 'after-sales.cases.note',
    summary: { 'zh-CN': '上传一张凭证照片（商品或面单）', en: 'Upload an evidence photo (the goods or the waybill)' },
    description: {
      'zh-CN': 'multipart 表单：file 为照片（JPEG、PNG 或 WebP，按内容判断，不看文件名），subject 为 goods（默认）或 waybill；每张不超过设置 photoMaxMegabytes（5 MB）',
      en: 'A multipart form: file is the photo (JPEG, PNG or WebP, judged by its bytes, not its name), subject goods (the default) or waybill; each at most the photoMaxMegabytes setting (5 MB)',
    },
    params: ID_PARAMS,
    response: PHOTO,
    status: 201,
    action: 'add case photo',
    handler: async ({ params, actor, raw }) => {
      await caseNoOf(params.id);
      const upload = await readPhotoUpload(raw, settings().photoMaxMegabytes);
      const type = photoTypeOf(upload.bytes);
      if (!type) throw notAPhoto(upload.name);
      const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
      return ctx.db.transaction(async (tx) => {
        if (!(await caseStore(tx).get(params.id, ctx.now()))) throw caseNotFound(params.id);
        const id = await addPhoto(tx, { caseId: params.id, subject: upload.subject, name: upload.name, type, size: upload.bytes.byteLength, sha256, data: upload.bytes, by: personOf(actor!), at: ctx.now() });
        return (await photoStore(tx).get(params.id, id))!;
      });
    },
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, { items: CasePhoto[] }>({
    method: 'get',
    path: '/cases/:id/photos',
    permission: 'after-sales.cases.read',
    summary: { 'zh-CN': '售后单的凭证照片（不含图片本身）', en: "A case's evidence photos (without the images)" },
    params: ID_PARAMS,
    response: { type: 'object', properties: { items: { type: 'array', items: PHOTO } }, required: ['items'] },
    handler: async ({ params }) => {
      await caseNoOf(params.id);
      return { items: await ctx.db.read((q) => photoStore(q).list(params.id)) };
    },
  });

  ctx.routes.add<{ id: number; photoId: number }, Record<string, unknown>, undefined, Response>({
    method: 'get',
    path: '/cases/:id/photos/:photoId',
    permission: 'after-sales.cases.read',
    summary: { 'zh-CN': '一张凭证照片的图片', en: 'The image of an evidence photo' },
    params: PHOTO_PARAMS,
    handler: async ({ params }) => {
      const caseNo = await caseNoOf(params.id);
      const image = await ctx.db.read((q) => photoStore(q).image(params.id, params.photoId));
      if (!image) throw photoNotFound(caseNo, params.photoId);
      return new Response(new Uint8Array(image.data), {
        headers: { 'content-type': image.type, 'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(image.name)}` },
      });
    },
  });
}
