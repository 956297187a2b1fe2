import { describe, expect, it } from 'vitest';
import { fuzzyFilter } from '../shell/fuzzy.js';
import { loadPinyin } from './pinyin.js';

describe('matching Chinese labels by pinyin', () => {
  const labels = ['打开发货台', '打开复核台', '发货台', '复核台', '订单', '新建商品', '价格计算器', 'Open the shipping station'];

  it('finds the stations by their initials and by full pinyin', async () => {
    const spell = await loadPinyin();
    const find = (q: string) => fuzzyFilter(q, labels, (l) => [l, ...spell(l)]);
    expect(find('fht').slice(0, 2).sort()).toEqual(['发货台', '复核台']);
    expect(find('fahuo')[0]).toBe('发货台');
    expect(find('fuhe')[0]).toBe('复核台');
    expect(find('fahuo')).not.toContain('复核台');
    expect(find('jgjsq')).toEqual(['价格计算器']);
    expect(find('xjsp')).toEqual(['新建商品']);
  });

  it('keeps the Latin parts of a mixed label and spells nothing for Latin-only text', async () => {
    const spell = await loadPinyin();
    expect(spell('扫码 SKU-12 发货')).toEqual(['saoma sku-12 fahuo', 'sm sku-12 fh']);
    expect(spell('Open the shipping station')).toEqual([]);
    const mixed = ['扫码 SKU-12 发货', 'SKU-13 复核'];
    expect(fuzzyFilter('sku12fh', mixed, (l) => [l, ...spell(l)])).toEqual(['扫码 SKU-12 发货']);
    expect(fuzzyFilter('smsku', mixed, (l) => [l, ...spell(l)])).toEqual(['扫码 SKU-12 发货']);
  });

  it('spells the heteronym 重 of 重新打开 as chong and ü as v', async () => {
    const spell = await loadPinyin();
    expect(spell('重新打开')[0]).toBe('chongxindakai');
    expect(spell('绿色')[0]).toBe('lvse');
  });
});
