// The refusals of a photo upload, in zh-CN and en, each saying what to do.
import { InputError, NotFoundError, WorkbenchError } from '@workbench/plugin-api';
import { megabytes } from './photo-type.js';

/** 413, as the core answers a body over its limit; the plugin API has no class of its own for it. */
export class PhotoTooLargeError extends WorkbenchError {
  readonly status = 413;
  readonly kind = 'payload-too-large';
}

export const notAPhoto = (name: string) => new InputError(
  { 'zh-CN': `「${name}」不是照片：只收 JPEG、PNG 或 WebP 图片`, en: `"${name}" is not a photo: only JPEG, PNG or WebP images are taken` },
  { errors: [{ path: '/file', in: 'body', message: 'not JPEG, PNG or WebP' }] },
);

export const noPhoto = () => new InputError(
  { 'zh-CN': '请选一张照片再上传', en: 'Choose a photo to upload' },
  { errors: [{ path: '/file', in: 'body', message: 'required' }] },
);

export const unknownSubject = () => new InputError(
  { 'zh-CN': '照片拍的是什么：商品（goods）或面单（waybill）', en: 'Say what the photo shows: the goods (goods) or the waybill (waybill)' },
  { errors: [{ path: '/subject', in: 'body', message: 'goods or waybill' }] },
);

/** With the file's size when it was read, without when the upload was cut off on the way. */
export function photoTooLarge(maxMegabytes: number, file?: { name: string; size: number }): PhotoTooLargeError {
  if (!file) {
    return new PhotoTooLargeError({ 'zh-CN': `照片太大：每张最多 ${maxMegabytes} MB，请压缩后再传`, en: `The photo is too large: at most ${maxMegabytes} MB each; make it smaller and upload it again` });
  }
  const size = megabytes(file.size, true);
  return new PhotoTooLargeError({
    'zh-CN': `照片「${file.name}」太大（${size} MB）：每张最多 ${maxMegabytes} MB，请压缩后再传`,
    en: `The photo "${file.name}" is too large (${size} MB): at most ${maxMegabytes} MB each; make it smaller and upload it again`,
  });
}

export const photoNotFound = (caseNo: string, id: number) => new NotFoundError({ 'zh-CN': `售后单 ${caseNo} 没有照片 ${id}`, en: `Case ${caseNo} has no photo ${id}` });
