import { pinyin } from 'pinyin-pro';
import { expect, test } from 'vitest';
import { buildIndex, searchPhrases, type SearchablePhrase, type Spell } from '../shared/phrase-search.js';

// Spelled as the UI kit's loadPinyin spells for the palette (the panel uses that one): full pinyin
// and initials, no tones, Latin runs kept.
const options = { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true } as const;
const spell: Spell = (text) => (/[\u3400-\u9fff]/u.test(text)
  ? [pinyin(text, options).join('').toLowerCase(), pinyin(text, { ...options, pattern: 'first' }).join('').toLowerCase()]
  : []);

const phrase = (id: number, text: string, more: Partial<SearchablePhrase> = {}): SearchablePhrase => ({ id, text, shortcut: null, tags: [], favourite: false, uses: 0, ...more });
const LIBRARY = [
  phrase(1, '订单已经用申通发出，请留意查收', { shortcut: 'ship', uses: 5 }),
  phrase(2, '实在抱歉，马上联系快递核实', { tags: ['物流投诉'], uses: 9 }),
  phrase(3, '支持七天无理由退换', { shortcut: 'return', favourite: true }),
  phrase(4, 'SF 顺丰需要补 15 元', { shortcut: 'sf' }),
];

test('by words, by shortcut, by pinyin initials and full pinyin, starred and used first', () => {
  const index = buildIndex(LIBRARY, spell);
  const ids = (q: string) => searchPhrases(index, q).map((p) => p.id);
  expect(ids('')).toEqual([3, 2, 1, 4]);
  expect(ids('查收')).toEqual([1]);
  expect(ids(':sh')).toEqual([1]);
  expect(ids(':sf')).toEqual([4]);
  expect(ids('sf')).toEqual([4]);
  expect(ids('wlts')).toEqual([2]);
  expect(ids('tuihuan')).toEqual([3]);
  expect(ids('qtwly')).toEqual([3]);
  expect(ids('快递 核实')).toEqual([2]);
  expect(ids('发出 顺丰')).toEqual([]);
});

test('under 5 ms a keystroke (median) over 10,000 phrases', () => {
  const words = ['亲', '您好', '快递', '顺丰', '申通', '发货', '退换', '尺码', '优惠', '活动价', '赠品', '好评', '订单', '包裹', '理赔', '补发', '偏远', '发票'];
  const phrases = Array.from({ length: 10_000 }, (_, i) =>
    phrase(i + 1, Array.from({ length: 12 }, (_, j) => words[(i * 7 + j * 13) % words.length]).join('，') + `第${i}条`, { shortcut: `p${i}`, uses: i % 50, favourite: i % 97 === 0 }),
  );
  const built = performance.now();
  const index = buildIndex(phrases, spell);
  const buildMs = performance.now() - built;
  const queries = ['k', 'kd', 'kdsf', '快递', '顺丰 理赔', 'shunfeng', ':p99', 'p12', 'fapiao', 'zzz不存在', '第9999条', 'thhp'];
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of queries) {
      const t = performance.now();
      searchPhrases(index, q);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`phrase search over 10,000: median ${median.toFixed(2)} ms, slowest ${times.at(-1)!.toFixed(2)} ms (index built in ${buildMs.toFixed(0)} ms)`);
  expect(searchPhrases(index, '第9999条').map((p) => p.id)).toEqual([10_000]);
  // Generous: the machine is shared; the budget is 5 ms on a quiet one.
  expect(median).toBeLessThan(15);
});
