import { PayloadTooLargeError } from '../errors.js';

/**
 * Reads a request body, refusing as soon as it passes `limit` bytes — by the declared length, or
 * while it arrives, so a large body is never held whole. The refusal is a 413 naming the limit, or
 * the caller's own error (a plugin names its setting).
 */
export async function readLimited(request: Request, limit: number, tooLargeError: () => Error = () => tooLarge(limit)): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) throw tooLargeError();
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLargeError();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

export function tooLarge(limit: number): PayloadTooLargeError {
  const mb = (limit / 1024 / 1024).toFixed(limit >= 1024 * 1024 ? 0 : 2);
  return new PayloadTooLargeError({
    'zh-CN': `提交的内容超过了 ${mb} MB 的上限`,
    en: `The request is larger than the ${mb} MB limit`,
  });
}
