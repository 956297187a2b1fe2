import { InputError, type I18nAccess } from '@workbench/plugin-api';

/** What is wrong with a note's text, if anything; a pure function, so a unit test covers it. */
export type NoteTextProblem = { kind: 'blank' } | { kind: 'tooLong'; max: number; length: number };

export function noteTextProblem(text: string, maxLength: number): NoteTextProblem | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'blank' };
  // Counted in characters as a person counts them, so 一个汉字 or an emoji is one.
  const length = [...trimmed].length;
  return length > maxLength ? { kind: 'tooLong', max: maxLength, length } : undefined;
}

/** The problem as the typed error the core answers with 400, in both languages, on `/text`. */
export function noteTextError(problem: NoteTextProblem, i18n: I18nAccess): InputError {
  const key = `note.${problem.kind}`;
  const params = problem.kind === 'tooLong' ? { max: problem.max, length: problem.length } : {};
  return new InputError(
    { 'zh-CN': i18n.t(key, params, 'zh-CN'), en: i18n.t(key, params, 'en') },
    { errors: [{ path: '/text', in: 'body', message: problem.kind === 'blank' ? 'blank' : `≤ ${problem.max}` }] },
  );
}
