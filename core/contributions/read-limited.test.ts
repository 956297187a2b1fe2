import { expect, it } from 'vitest';
import { PayloadTooLargeError } from '../errors.js';
import { readLimited } from './read-limited.js';

const streamed = (chunks: string[]) =>
  new Request('http://x/', { method: 'POST', body: new ReadableStream({ start(c) { for (const s of chunks) c.enqueue(new TextEncoder().encode(s)); c.close(); } }), duplex: 'half' } as RequestInit);

it('reads a body within the limit whole', async () => {
  expect(new TextDecoder().decode(await readLimited(streamed(['abc', 'def']), 6))).toBe('abcdef');
});

it('refuses past the limit while reading, with a 413 naming it or the caller\'s own error', async () => {
  await expect(readLimited(streamed(['abcd', 'efgh']), 6)).rejects.toBeInstanceOf(PayloadTooLargeError);
  const mine = new Error('照片超过 5 MB');
  await expect(readLimited(streamed(['abcd', 'efgh']), 6, () => mine)).rejects.toBe(mine);
  const declared = new Request('http://x/', { method: 'POST', body: 'x'.repeat(10), headers: { 'content-length': '10' } });
  await expect(readLimited(declared, 6, () => mine)).rejects.toBe(mine);
});
