import { expect, test } from 'vitest';
import { passwordProblem } from './password-rules.js';

test('ten characters after normalisation are enough; nine are not', () => {
  expect(passwordProblem('ten-chars!', 'kefu1')).toBeUndefined();
  expect(JSON.stringify(passwordProblem('nine-char', 'kefu1'))).toContain('10');
  // A full-width IME spelling is the same password once normalised, and as long.
  expect(passwordProblem('ｔｅｎ－ｃｈａｒｓ！', 'kefu1')).toBeUndefined();
  expect(passwordProblem('e\u0301'.repeat(9), 'kefu1')).toBeDefined();
  expect(passwordProblem('e\u0301'.repeat(10), 'kefu1')).toBeUndefined();
});

test('the user name is refused whatever its case or width', () => {
  expect(passwordProblem('Zhangsan-1988', 'zhangsan-1988')).toBeDefined();
  expect(passwordProblem('ＺＨＡＮＧＳＡＮ-1988', 'zhangsan-1988')).toBeDefined();
  expect(passwordProblem('zhangsan-1988!', 'zhangsan-1988')).toBeUndefined();
});

test('common passwords are refused, in any case', () => {
  for (const common of ['1234567890', 'QWERTYUIOP', 'Password123', 'woaini1314']) expect(passwordProblem(common, 'kefu1')).toBeDefined();
  expect(passwordProblem('春天的小店-2026', 'kefu1')).toBeUndefined();
});
