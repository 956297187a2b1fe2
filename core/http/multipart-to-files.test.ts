import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { PayloadTooLargeError } from '../errors.js';
import { receiveMultipart } from './multipart-to-files.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'multipart-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const tooLarge = () => new PayloadTooLargeError('too large');

/** A request whose body arrives in pieces of `size` bytes, so boundaries fall across chunks. */
function request(body: Uint8Array | string, contentType: string, size = 7): Request {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  let at = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
  return new Request('http://127.0.0.1/upload', { method: 'POST', body: stream, headers: { 'content-type': contentType }, duplex: 'half' } as RequestInit);
}

test('files in chunks that split the boundary are written whole; plain fields are passed over; names keep their Chinese', async () => {
  const form = new FormData();
  form.append('note', 'not a file');
  form.append('file', new Blob(['第一行\r\n--不是边界\r\n第二行'], { type: 'text/csv' }), '订单报表 "五月".csv');
  form.append('file', new Blob([new Uint8Array([0, 13, 10, 45, 45, 255])], { type: 'application/octet-stream' }), 'b.bin');
  const encoded = new Response(form);
  const body = new Uint8Array(await encoded.arrayBuffer());
  for (const size of [1, 7, 64, 100_000]) {
    const files = await receiveMultipart(request(body, encoded.headers.get('content-type')!, size), dir, 1 << 20, tooLarge);
    expect(files.map((f) => [f.field, f.name, f.type, f.size])).toEqual([
      ['file', '订单报表 "五月".csv', 'text/csv', new TextEncoder().encode('第一行\r\n--不是边界\r\n第二行').length],
      ['file', 'b.bin', 'application/octet-stream', 6],
    ]);
    expect(await readFile(files[0]!.path, 'utf8')).toBe('第一行\r\n--不是边界\r\n第二行');
    expect([...(await readFile(files[1]!.path))]).toEqual([0, 13, 10, 45, 45, 255]);
    await Promise.all(files.map((f) => rm(f.path)));
  }
});

test('a body over the limit is a 413 and leaves no file behind', async () => {
  const form = new FormData();
  form.append('file', new Blob(['x'.repeat(5000)]), 'big.txt');
  const encoded = new Response(form);
  const body = new Uint8Array(await encoded.arrayBuffer());
  await expect(receiveMultipart(request(body, encoded.headers.get('content-type')!, 512), dir, 2048, tooLarge)).rejects.toMatchObject({ status: 413 });
  expect(await readdir(dir)).toEqual([]);
});

test('what is not a complete form is a 400 naming /file, and leaves no file behind', async () => {
  const type = 'multipart/form-data; boundary=XyZ';
  const cut = '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhalf a fi';
  for (const [body, contentType] of [
    [cut, type],
    ['just text', 'text/plain'],
    ['--XyZ\r\nContent-Disposition: attachment\r\n\r\nx\r\n--XyZ--\r\n', type],
    ['--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--\r\n', type],
  ] as const) {
    await expect(receiveMultipart(request(body, contentType), dir, 1 << 20, tooLarge)).rejects.toMatchObject({ status: 400, errors: [{ path: '/file', in: 'body' }] });
  }
  expect(await readdir(dir)).toEqual([]);
});

test('a quoted boundary, a preamble and filename* are understood', async () => {
  const body = 'ignored preamble\r\n--"a b"\r\nContent-Disposition: form-data; name="file"; filename="x.txt"; filename*=UTF-8\'\'%E5%BA%93%E5%AD%98.txt\r\n\r\nok\r\n--"a b"--\r\nepilogue';
  const files = await receiveMultipart(request(body.replaceAll('"a b"', 'a b'), 'multipart/form-data; boundary="a b"'), dir, 1 << 20, tooLarge);
  expect(files.map((f) => [f.name, f.size])).toEqual([['库存.txt', 2]]);
});
