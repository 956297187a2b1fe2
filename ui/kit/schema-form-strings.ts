import type { Locale } from './i18n.js';

// The form's own words; it is used by the shell and by every plugin, so it carries them itself.
const STRINGS = {
  'zh-CN': {
    save: '保存', saving: '正在保存…', invalid: '有 {n} 处需要修改', unavailable: '暂时无法校验：{message}',
    add: '添加一行', remove: '删除', up: '上移', down: '下移', row: '第 {n} 行', none: '（无）',
    key: '词', value: '对应', yuan: '元', words: '用顿号或逗号分开',
    test: '试一试', testField: '试一试：{field}', sample: '输入一个例子', match: '符合', noMatch: '不符合', matches: '符合：{names}', matchesNone: '哪一行都不符合', broken: '规则写得不对',
    elsewhere: '{path}：{message}',
  },
  en: {
    save: 'Save', saving: 'Saving…', invalid: '{n} field(s) need attention', unavailable: 'Cannot validate right now: {message}',
    add: 'Add a row', remove: 'Remove', up: 'Move up', down: 'Move down', row: 'Row {n}', none: '(none)',
    key: 'Word', value: 'Means', yuan: '元', words: 'separate with commas',
    test: 'Try it', testField: 'Try the {field}', sample: 'Type an example', match: 'matches', noMatch: 'does not match', matches: 'Matches: {names}', matchesNone: 'No row matches', broken: 'The pattern is not valid',
    elsewhere: '{path}: {message}',
  },
} as const;

export type FormString = keyof (typeof STRINGS)['en'];

/** One of the form's words in `locale`, with `{name}` parameters filled. */
export function formString(locale: Locale, key: FormString, params: Record<string, string | number> = {}): string {
  const text: string = STRINGS[locale === 'en' ? 'en' : 'zh-CN'][key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
