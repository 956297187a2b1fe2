// What a photo is, read from its first bytes rather than its name, and how its size is said.
import { expect, test } from 'vitest';
import { megabytes, photoTypeOf } from '../server/photos/photo-type.js';

const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array<number>(16).fill(0)]);
const ascii = (s: string) => [...s].map((ch) => ch.charCodeAt(0));

test('JPEG, PNG and WebP are known by their signatures', () => {
  expect(photoTypeOf(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
  expect(photoTypeOf(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
  expect(photoTypeOf(bytes(...ascii('RIFF'), 0x10, 0, 0, 0, ...ascii('WEBP')))).toBe('image/webp');
});

test('anything else is not a photo: text, a GIF, a RIFF that is not WebP, too few bytes', () => {
  expect(photoTypeOf(new TextEncoder().encode('这不是照片 hello.jpg'))).toBeUndefined();
  expect(photoTypeOf(bytes(...ascii('GIF89a')))).toBeUndefined();
  expect(photoTypeOf(bytes(...ascii('RIFF'), 0x10, 0, 0, 0, ...ascii('WAVE')))).toBeUndefined();
  expect(photoTypeOf(new Uint8Array([0xff, 0xd8]))).toBeUndefined();
  expect(photoTypeOf(new Uint8Array())).toBeUndefined();
});

test('sizes are said in MB with one decimal, whole numbers without', () => {
  expect(megabytes(5 * 1024 * 1024)).toBe('5');
  expect(megabytes(6.25 * 1024 * 1024)).toBe('6.3');
  expect(megabytes(300 * 1024)).toBe('0.3');
  expect(megabytes(5 * 1024 * 1024 + 1, true)).toBe('5.1');
});
