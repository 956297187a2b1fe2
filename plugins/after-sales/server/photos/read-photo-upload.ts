// A photo upload read from the raw request. A route with a JSON body is held to the core's body
// limit (1 MiB), too small for a phone's photo; a route without a body schema gets the request as
// it came, so the plugin reads it itself under its own limit (the photoMaxMegabytes setting).
import { readLimited } from '@workbench/plugin-api';
import { MEGABYTE } from './photo-type.js';
import { noPhoto, photoTooLarge, unknownSubject } from './photo-errors.js';

export type PhotoSubject = 'goods' | 'waybill';

export interface PhotoUpload {
  name: string;
  subject: PhotoSubject;
  bytes: Uint8Array;
}

/** Room for the multipart boundaries and the other fields around the file. */
const FORM_OVERHEAD = 64 * 1024;

/**
 * Reads a multipart form with the field `file` (one photo) and `subject` (goods, the default, or
 * waybill). A body past the limit is cut off as it arrives, never held whole; a file within the
 * form but over the limit is refused with its size. Not the photo's type: that is the caller's.
 */
export async function readPhotoUpload(raw: Request, maxMegabytes: number): Promise<PhotoUpload> {
  const limit = maxMegabytes * MEGABYTE;
  const body = await readLimited(raw, limit + FORM_OVERHEAD, () => photoTooLarge(maxMegabytes));
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': raw.headers.get('content-type') ?? '' } }).formData();
  } catch {
    throw noPhoto();
  }
  const file = form.get('file');
  if (!(file instanceof Blob) || file.size === 0) throw noPhoto();
  const name = (file instanceof File && file.name.trim()) || 'photo';
  if (file.size > limit) throw photoTooLarge(maxMegabytes, { name, size: file.size });
  const subject = form.get('subject') ?? 'goods';
  if (subject !== 'goods' && subject !== 'waybill') throw unknownSubject();
  return { name: name.slice(0, 200), subject, bytes: new Uint8Array(await file.arrayBuffer()) };
}
