import { expect, test } from 'vitest';
import { invisibleCharacterIn } from './visible-text.js';

test('ordinary Chinese, Latin, digits, spaces and punctuation pass', () => {
  for (const text of ['纯棉T恤-黑色-L', 'TX-2026 春款', '上衣／外套', '😀 表情']) expect(invisibleCharacterIn(text)).toBeUndefined();
});

test('NUL, control and invisible characters are named by code point', () => {
  expect(invisibleCharacterIn('TX-01\u200B')).toBe('U+200B');
  expect(invisibleCharacterIn('\uFEFFTX-01')).toBe('U+FEFF');
  expect(invisibleCharacterIn('TX\u000001')).toBe('U+0000');
  expect(invisibleCharacterIn('TX\t01')).toBe('U+0009');
  expect(invisibleCharacterIn('外\u202E套')).toBe('U+202E');
  expect(invisibleCharacterIn('软\u00ADhyphen')).toBe('U+00AD');
  expect(invisibleCharacterIn('word\u2060joiner')).toBe('U+2060');
});
