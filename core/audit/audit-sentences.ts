import { localize, type LocalizedText } from '../i18n/localized-text.js';
import type { AuditRecord } from './audit-log.js';

/** A sentence in each language the workbench speaks. */
export interface Sentence {
  'zh-CN': string;
  en: string;
}

/** What the log needs to name things in words: routes, importers and plugins by their titles. */
export interface AuditNames {
  /** The summary of the route that recorded `action` for `plugin` (`create category`, `POST /orders/:id/approve`). */
  route(plugin: string, action: string): LocalizedText | undefined;
  importer(plugin: string, id: string): LocalizedText | undefined;
  plugin(id: string): LocalizedText | undefined;
}

const zh = (text: LocalizedText): string => localize(text, 'zh-CN');
const en = (text: LocalizedText): string => localize(text, 'en');

/** A summary as a clause: its trailing aside dropped (`新建分类（最多两级）` → `新建分类`), lower-case in English. */
function clause(text: string, locale: 'zh-CN' | 'en'): string {
  const bare = text.replace(/\s*[（(][^（()）]*[)）]\s*$/u, '').trim() || text;
  return locale === 'en' ? bare.charAt(0).toLowerCase() + bare.slice(1) : bare;
}

/**
 * Templates for the workbench's own acts that no route's summary words well; each answers the
 * act in both languages, or undefined to fall back to the route's summary.
 */
const OWN: Record<string, (r: AuditRecord, names: AuditNames) => Sentence | undefined> = {
  'disable plugin': (r, names) => {
    const name = names.plugin(r.target ?? '') ?? r.target ?? '';
    return { 'zh-CN': `停用插件“${zh(name)}”`, en: `switched off the plugin “${en(name)}”` };
  },
  'enable plugin': (r, names) => {
    const name = names.plugin(r.target ?? '') ?? r.target ?? '';
    return { 'zh-CN': `启用插件“${zh(name)}”`, en: `switched on the plugin “${en(name)}”` };
  },
};

const IMPORT = /^import (.+) (finished|failed)$/;

/**
 * The record as a sentence in both languages: who (their display name), what (the route's
 * summary, or the act's own template), on what, and — when refused — the status and why.
 *
 * @example
 * auditSentence({ actorName: '小王', plugin: 'listings', action: 'create category', target: '12', outcome: 'ok', … }, names)
 * // { 'zh-CN': '小王：新建分类（对象 12）', en: '小王: create a category (12)' }
 */
export function auditSentence(record: AuditRecord & { actorDisplayName?: string | null }, names: AuditNames): Sentence {
  const who = record.actorDisplayName ?? record.actorName ?? '';
  const whoZh = who || '系统';
  const whoEn = who || 'The system';
  const own = OWN[record.action]?.(record, names);
  const imported = IMPORT.exec(record.action);
  let what: Sentence;
  let target = record.target;
  if (own) {
    what = own;
    target = null;
  } else if (imported) {
    const title = names.importer(record.plugin, imported[1]!) ?? imported[1]!;
    what = { 'zh-CN': `导入“${zh(title)}”`, en: `import “${en(title)}”` };
  } else {
    const summary = names.route(record.plugin, record.action);
    what = summary ? { 'zh-CN': clause(zh(summary), 'zh-CN'), en: clause(en(summary), 'en') } : { 'zh-CN': record.action, en: record.action };
  }
  const on = { 'zh-CN': target ? `（对象 ${target}）` : '', en: target ? ` (${target})` : '' };
  if (record.outcome === 'ok') return { 'zh-CN': `${whoZh}：${what['zh-CN']}${on['zh-CN']}`, en: `${whoEn}: ${what.en}${on.en}` };
  const status = record.status ? `（${record.status}）` : '';
  const why = record.detail ? `：${record.detail}` : '';
  return {
    'zh-CN': `${whoZh}：${what['zh-CN']}${on['zh-CN']} — 未成功${status}${why}`,
    en: `${whoEn}: ${what.en}${on.en} — refused${record.status ? ` (${record.status})` : ''}${record.detail ? `: ${record.detail}` : ''}`,
  };
}
