// CS phrase search (plugins/cs-scripts/shared/phrase-search.ts with the palette's pinyin spelling,
// ui/kit/pinyin.ts, both bundled on the fly with esbuild): a keystroke's search over 10,000
// phrases — words, shortcuts, pinyin — against a plain substring filter over the same texts, in
// this same process. Run alone with `node bench/cs-phrases.mjs` or through `npm run bench`.
import { formatTable, importSource, installCleanup, int, ms, percentile, ratio } from './lib.mjs';

export const PHRASES = 10_000;
const WORDS = ['亲', '您好', '快递', '顺丰', '申通', '发货', '退换', '尺码', '优惠', '活动价', '赠品', '好评', '订单', '包裹', '理赔', '补发', '偏远', '发票'];
/** What a clerk types, one keystroke at a time: Chinese words, pinyin initials and in full, shortcuts. */
const QUERIES = ['k', 'kd', 'kdsf', '快递', '顺丰 理赔', 'shunfeng', ':p99', 'p12', 'fapiao', 'zzz不存在', '第9999条', 'thhp'];
/** Queries a plain substring filter answers the same way: one Chinese word. */
const PLAIN = ['快递', '理赔', '第9999条', '偏远'];

export function fixture(count = PHRASES) {
  return Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    text: Array.from({ length: 12 }, (_, j) => WORDS[(i * 7 + j * 13) % WORDS.length]).join('，') + `第${i}条`,
    shortcut: `p${i}`,
    tags: [],
    favourite: i % 97 === 0,
    uses: i % 50,
  }));
}

/** Runs the benchmark and answers table rows; `phrases` and `rounds` shrink it for the smoke test. */
export async function runCsPhrases({ log = (line) => console.error(line), rounds = 20, phrases = PHRASES } = {}) {
  const { buildIndex, searchPhrases } = await importSource('plugins/cs-scripts/shared/phrase-search.ts', 'cs-phrases');
  const { loadPinyin } = await importSource('ui/kit/pinyin.ts', 'cs-pinyin');
  const spell = await loadPinyin();
  const library = fixture(phrases);
  const built = performance.now();
  const index = buildIndex(library, spell);
  const buildMs = performance.now() - built;
  const texts = library.map((p) => p.text.toLowerCase());
  const plain = (q) => texts.filter((t) => t.includes(q.toLowerCase())).slice(0, 50);

  // A guard, not a speed figure: a one-word Chinese query finds what a substring filter finds.
  for (const q of PLAIN) {
    const found = new Set(searchPhrases(index, q, phrases).map((p) => p.text.toLowerCase()));
    const expected = new Set(texts.filter((t) => t.includes(q)));
    if (found.size !== expected.size || [...expected].some((t) => !found.has(t))) throw new Error(`“${q}”: the search found ${found.size}, a substring filter ${expected.size}`);
  }
  if (searchPhrases(index, `第${phrases - 1}条`).length !== 1) throw new Error('the last phrase is not found by its words');

  const cases = [
    { id: 'plain', label: 'substring filter', name: `baseline: a substring filter over ${int(phrases)} texts`, op: plain, times: [] },
    { id: 'search', name: `phrase search over ${int(phrases)} phrases (words, shortcut, pinyin)`, base: 'plain', op: (q) => searchPhrases(index, q), times: [] },
  ];
  for (const c of cases) for (const q of QUERIES) c.op(q);
  for (let round = 1; round <= rounds; round++) {
    for (const c of cases) {
      for (const q of QUERIES) {
        const t = performance.now();
        c.op(q);
        c.times.push(performance.now() - t);
      }
    }
  }
  log(`  cs-phrases: index built in ${buildMs.toFixed(0)} ms; ${cases.map((c) => `${c.id} median ${ms(percentile([...c.times].sort((a, b) => a - b), 50))} ms`).join(', ')}`);
  const plainMedian = percentile([...cases[0].times].sort((a, b) => a - b), 50);
  return cases.map((c) => {
    const sorted = [...c.times].sort((a, b) => a - b);
    const median = percentile(sorted, 50);
    const vs = c.base ? `${ratio(median / plainMedian)} the substring filter's time; p99 ${ms(percentile(sorted, 99))} ms; budget 5 ms` : `baseline (${QUERIES.length} queries × ${rounds} rounds)`;
    return ['cs-phrases', c.name, `${ms(median)} ms a keystroke (median)`, vs];
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  installCleanup();
  console.log(formatTable(await runCsPhrases()));
}
