import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { toFieldProblems } from './field-problems.js';

// Validation messages in words: a pattern is never shown to the clerk as a regular expression.
describe('field problems', () => {
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile({
    type: 'object',
    properties: { code: { type: 'string', pattern: '^[A-Z]{2,5}$' } },
  });

  it('says a value does not have the expected form, in either language, without the pattern', () => {
    expect(validate({ code: 'sto1' })).toBe(false);
    const zh = toFieldProblems(validate.errors!, 'zh-CN', 'body');
    const en = toFieldProblems(validate.errors!, 'en', 'body');
    expect(zh).toEqual([{ path: '/code', in: 'body', message: '格式不对，请按说明填写' }]);
    expect(en).toEqual([{ path: '/code', in: 'body', message: 'is not in the expected form; see the help beside it' }]);
  });
});
