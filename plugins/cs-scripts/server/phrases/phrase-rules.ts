import { InputError } from '@workbench/plugin-api';
import { parsePhrase, type UnknownPlaceholder } from '../../shared/placeholders.js';

type Bilingual = { 'zh-CN': string; en: string };

/** A phrase's text and shortcut as typed, checked and tidied. */
export interface PhraseDraft {
  text: string;
  shortcut: string | null;
  tags: string[];
}

export const MAX_PHRASE_CHARS = 1000;
const SHORTCUT = /^[a-z0-9][a-z0-9_-]{0,19}$/u;

/** Why a draft cannot be kept, on which field; undefined when it can. */
export type DraftProblem = { field: '/text' | '/shortcut' | '/tags'; message: Bilingual; unknown?: UnknownPlaceholder[] };

export function tidyDraft(input: { text: string; shortcut?: string | null; tags?: string[] }): PhraseDraft | DraftProblem {
  const text = input.text.trim();
  if (text === '') return { field: '/text', message: { 'zh-CN': '请写下短语的内容', en: 'Write what the phrase says' } };
  const length = [...text].length;
  if (length > MAX_PHRASE_CHARS) {
    return { field: '/text', message: { 'zh-CN': `短语太长：最多 ${MAX_PHRASE_CHARS} 个字，现在 ${length} 个字`, en: `The phrase is too long: at most ${MAX_PHRASE_CHARS} characters, it has ${length}` } };
  }
  const parsed = parsePhrase(text);
  if (!parsed.ok) return { field: '/text', message: unknownMessage(parsed.unknown), unknown: parsed.unknown };
  // Typed in the panel as `:ship`; kept without the colon, in small letters, as people type it.
  const raw = (input.shortcut ?? '').trim().replace(/^[:：]/u, '').toLowerCase();
  if (raw !== '' && !SHORTCUT.test(raw)) {
    return { field: '/shortcut', message: { 'zh-CN': `快捷码「${raw}」只能用字母、数字、- 和 _，最多 20 个，例如 :ship`, en: `The shortcut "${raw}" takes letters, digits, - and _ only, at most 20, e.g. :ship` } };
  }
  const tags = [...new Set((input.tags ?? []).map((t) => t.trim()).filter((t) => t !== ''))];
  if (tags.length > 10 || tags.some((t) => [...t].length > 20)) {
    return { field: '/tags', message: { 'zh-CN': '标签最多 10 个，每个最多 20 个字', en: 'At most 10 tags, each at most 20 characters' } };
  }
  return { text, shortcut: raw === '' ? null : raw, tags };
}

/** `{快递单}` (第 12 个字，第 1 行第 12 列) is not a placeholder: the known ones are listed in the editor. */
export function unknownMessage(unknown: UnknownPlaceholder[]): Bilingual {
  const zh = unknown.map((u) => `{${u.name}}（第 ${u.position} 个字，第 ${u.line} 行第 ${u.column} 列）`).join('、');
  const en = unknown.map((u) => `{${u.name}} (character ${u.position}, line ${u.line}, column ${u.column})`).join(', ');
  return { 'zh-CN': `不认识的占位符：${zh}；可用的占位符见编辑器右侧的列表`, en: `Unknown placeholder: ${en}; the editor lists the ones there are` };
}

export function draftError(problem: DraftProblem): InputError {
  return new InputError(problem.message, {
    errors: [{ path: problem.field, in: 'body', message: problem.message.en }],
    ...(problem.unknown ? { details: { unknown: problem.unknown } } : {}),
  });
}
