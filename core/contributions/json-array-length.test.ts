import { expect, test } from 'vitest';
import { hasArrayLongerThan } from './json-array-length.js';

const list = (n: number) => `[${Array.from({ length: n }, (_, i) => i).join(',')}]`;

test('counts the items of each array on its own, nested ones too', () => {
  expect(hasArrayLongerThan(list(3), 3)).toBe(false);
  expect(hasArrayLongerThan(list(4), 3)).toBe(true);
  expect(hasArrayLongerThan(`{"a":${list(3)},"b":${list(3)},"c":1}`, 3)).toBe(false);
  expect(hasArrayLongerThan(`[${list(2)},${list(4)}]`, 3)).toBe(true);
  expect(hasArrayLongerThan('[]', 0)).toBe(false);
});

test('commas of objects and inside strings do not count', () => {
  expect(hasArrayLongerThan('{"a":1,"b":2,"c":3,"d":4}', 2)).toBe(false);
  expect(hasArrayLongerThan('["a,b,c,d", "\\",,,"]', 2)).toBe(false);
  expect(hasArrayLongerThan('[{"a":1,"b":2,"c":3}]', 1)).toBe(false);
});
