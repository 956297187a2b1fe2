import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.js';
import { zhCN } from '../i18n/zh-CN.js';
import { I18n } from './i18n.js';

describe('shell strings and formats', () => {
  it('has every shell string in both languages, with the same parameters', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    const params = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(zhCN)) expect(params(en[key]!), key).toEqual(params(zhCN[key]!));
  });

  it('formats integer 分 as yuan with two decimals', () => {
    const i18n = new I18n('zh-CN');
    expect(i18n.money(129900)).toBe('¥1,299.00');
    expect(i18n.money(5)).toBe('¥0.05');
    expect(i18n.money(null)).toBe('');
    expect(new I18n('en').money(129900)).toBe('¥1,299.00');
  });

  it('shows times in the shop’s time zone whatever offset they carry', () => {
    const i18n = new I18n('zh-CN', 'Asia/Shanghai');
    expect(i18n.dateTime('2026-11-24T01:30:00Z')).toBe('2026/11/24 09:30');
    expect(new I18n('en', 'Asia/Shanghai').dateTime('2026-11-24T01:30:00Z')).toBe('11/24/2026, 09:30');
  });

  it('picks the user’s language from manifest texts and fills parameters', () => {
    const i18n = new I18n('en');
    i18n.add('zh-CN', { hi: '你好，{name}' });
    expect(i18n.text({ 'zh-CN': '笔记', en: 'Notes' })).toBe('Notes');
    expect(i18n.text({ 'zh-CN': '笔记' })).toBe('笔记');
    expect(i18n.t('hi', { name: '小李' })).toBe('你好，小李');
  });
});
