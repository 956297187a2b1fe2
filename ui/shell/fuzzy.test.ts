import { describe, expect, it } from 'vitest';
import { fuzzyFilter, fuzzyScore } from './fuzzy.js';

describe('fuzzy matching for the palette', () => {
  it('matches letters in order, not necessarily next to each other', () => {
    expect(fuzzyScore('nwn', 'New note')).toBeDefined();
    expect(fuzzyScore('xyz', 'New note')).toBeUndefined();
    expect(fuzzyScore('ton', 'note')).toBeUndefined();
  });

  it('matches Chinese titles character by character', () => {
    expect(fuzzyScore('新笔', '示例笔记: 新建笔记')).toBeDefined();
    expect(fuzzyScore('退出', '工作台: 退出登录')).toBeDefined();
    expect(fuzzyScore('删除', '新建笔记')).toBeUndefined();
  });

  it('ranks consecutive and word-start matches first', () => {
    const ranked = fuzzyFilter('set', ['Reset the counter', 'Open settings', 'Show all commands'], (s) => [s]);
    expect(ranked[0]).toBe('Open settings');
    expect(ranked).not.toContain('Show all commands');
  });

  it('keeps everything for an empty query', () => {
    expect(fuzzyFilter('', ['a', 'b'], (s) => [s])).toEqual(['a', 'b']);
  });
});
