import fc from 'fast-check';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { expect, test } from 'vitest';
import { canonicalDateTime, dateTimeFormat } from './date-time-format.js';

const original = (fullFormats['date-time'] as { validate: (s: string) => boolean }).validate;
const fast = dateTimeFormat.validate as (s: string) => boolean;

// Text made of the characters a date-time is written with, and a few that look like them.
const piece = fc.constantFrom(...'0123456789-:.TtZz+ 0011225599', '\u3000', '\n', '٣', '60', '24', '23', '59', '29', '02', '.000', '+08:00', 'T');
const near = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

/** A canonical date-time with each field anywhere in its digits' range. */
const shaped = fc
  .record({
    y: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(0, 1900, 2000, 2023, 2024, 2100)),
    mo: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 })),
    d: fc.oneof(fc.integer({ min: 1, max: 28 }), fc.constantFrom(0, 29, 30, 31, 32), fc.integer({ min: 0, max: 99 })),
    h: fc.oneof(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 23, 24, 25), fc.integer({ min: 0, max: 99 })),
    mi: fc.oneof(fc.integer({ min: 0, max: 59 }), fc.constantFrom(0, 59, 60), fc.integer({ min: 0, max: 99 })),
    s: fc.oneof(fc.integer({ min: 0, max: 59 }), fc.constantFrom(0, 59, 60, 61), fc.integer({ min: 0, max: 99 })),
    frac: fc.option(fc.oneof(fc.constantFrom('000', '5', '999999999', '9999999999999999'), fc.stringMatching(/^\d{0,12}$/)), { nil: undefined }),
    zone: fc.oneof(
      fc.constantFrom('Z', '+08:00', 'z', '', '+08', '+0800'),
      fc.tuple(fc.constantFrom('+', '-'), fc.oneof(fc.constantFrom(0, 1, 8, 23, 24), fc.integer({ min: 0, max: 99 })), fc.oneof(fc.constantFrom(0, 59, 60), fc.integer({ min: 0, max: 99 }))).map(([sg, a, b]) => `${sg}${String(a).padStart(2, '0')}:${String(b).padStart(2, '0')}`),
    ),
  })
  .map(({ y, mo, d, h, mi, s, frac, zone }) => {
    const p = (n: number, w = 2) => String(n).padStart(w, '0');
    return `${p(y, 4)}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}:${p(s)}${frac === undefined ? '' : `.${frac}`}${zone}`;
  });

/** A canonical date-time with one character replaced, inserted or removed. */
const mutated = fc.tuple(shaped, fc.nat(), fc.constantFrom('', '0', '9', 'T', 't', ' ', ':', '-', '+', '.', 'Z', 'x'), fc.constantFrom(0, 1)).map(([s, at, c, keep]) => {
  const i = at % (s.length + 1);
  return s.slice(0, i) + c + s.slice(i + keep);
});

test('answers as ajv-formats for generated strings', () => {
  fc.assert(fc.property(fc.oneof(shaped, mutated, near, fc.string()), (s) => fast(s) === original(s)), { numRuns: 200_000 });
});

test('answers as ajv-formats on the edges', () => {
  const cases = [
    '2026-11-23T19:30:00.000+08:00',
    '2026-11-23T19:30:00Z',
    '2024-02-29T00:00:00+08:00',
    '2023-02-29T00:00:00+08:00',
    '2000-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2026-00-10T00:00:00Z',
    '2026-13-10T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-12-31T23:59:60Z',
    '2026-12-31T23:59:60.5Z',
    '2026-12-31T24:59:30+01:00',
    '2026-12-31T23:59:59.9999999999999999Z',
    '2026-12-31T23:59:59.999999999Z',
    '2026-11-23T19:30:00.+08:00',
    '2026-11-23T19:30:00+24:00',
    '2026-11-23T19:30:00+23:60',
    '2026-11-23t19:30:00z',
    '2026-11-23 19:30:00+08:00',
    '2026-11-23T19:30:00+0800',
    '2026-11-23T19:30:00',
    '2026-11-23T19:30Z',
    '2026-11-23T19:30:00.000+08:00\n',
  ];
  for (const s of cases) expect([s, fast(s)]).toEqual([s, original(s)]);
  // The usual shape is answered without ajv-formats.
  expect(canonicalDateTime('2026-11-23T19:30:00.000+08:00')).toBe(true);
  expect(canonicalDateTime('2026-02-30T19:30:00.000+08:00')).toBe(false);
});
