import type { ValidateFunction } from 'ajv';
import { InputError, type FieldProblem } from '../errors.js';
import { toFieldProblems } from './field-problems.js';
import type { Locale } from '../i18n/localized-text.js';

// ajv collecting every error (`allErrors`) copies the error list each time a `$ref` fails, so a
// body with thousands of bad items cost seconds per request, growing with the square of the
// count. A check therefore runs first with a validator that stops at the first error, which is
// linear and enough for every valid body; only a failing body small enough for the full list to
// be cheap is checked again for all its problems.

/** How many problems a refusal lists; the rest are counted in one last entry. */
export const MAX_LISTED_PROBLEMS = 20;
/** A failing value with more JSON values than this is reported by its first problem only. */
export const MAX_FULLY_CHECKED_VALUES = 2_000;

/** Two validators of one schema: one that lists every error, one that stops at the first. */
export interface Checker {
  all: ValidateFunction;
  first: () => ValidateFunction;
}

/** Runs a checker; on failure throws InputError with at most MAX_LISTED_PROBLEMS localized field problems and a note on the rest. */
export function check<T>(checker: Checker, data: unknown, locale: Locale, part: string): T {
  const first = checker.first();
  if (first(data)) return data as T;
  let errors: FieldProblem[];
  if (hasMoreValuesThan(data, MAX_FULLY_CHECKED_VALUES)) {
    errors = toFieldProblems(first.errors ?? [], locale, part);
    errors.push({
      path: '/',
      in: part,
      message:
        locale === 'zh-CN'
          ? '内容较多，只查到第一处问题就停下了；改好后再提交可看到其余的问题'
          : 'The content is large, so checking stopped at the first problem; fix it and send again to see any others',
    });
  } else {
    checker.all(data);
    errors = toFieldProblems(checker.all.errors ?? first.errors ?? [], locale, part);
  }
  if (errors.length > MAX_LISTED_PROBLEMS + 1) {
    const more = errors.length - MAX_LISTED_PROBLEMS;
    errors = errors.slice(0, MAX_LISTED_PROBLEMS);
    errors.push({ path: '/', in: part, message: locale === 'zh-CN' ? `还有 ${more} 处问题没有列出` : `${more} more problems not listed` });
  }
  throw new InputError({ 'zh-CN': '提交的内容有误，请按提示修改', en: 'Some fields are not valid; see the details' }, { errors });
}

/** Counts values (objects, arrays and scalars) until `limit` is passed; depth is already capped by the body parser. */
function hasMoreValuesThan(data: unknown, limit: number): boolean {
  let count = 0;
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (++count > limit) return true;
    if (typeof value !== 'object' || value === null) continue;
    for (const item of Array.isArray(value) ? value : Object.values(value)) stack.push(item);
  }
  return false;
}
