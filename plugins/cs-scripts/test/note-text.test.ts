import { expect, test } from 'vitest';
import { noteTextProblem } from '../server/note-text.js';

test('a note of only spaces is blank', () => {
  expect(noteTextProblem(' \n ', 200)).toEqual({ kind: 'blank' });
});

test('length is counted in characters a person sees, after trimming', () => {
  expect(noteTextProblem('  顺丰到付  ', 4)).toBeUndefined();
  expect(noteTextProblem('顺丰到付🙂', 4)).toEqual({ kind: 'tooLong', max: 4, length: 5 });
});
