/** Spells Chinese text in Latin letters for matching: full pinyin and initials, without tones. */
export type Spell = (text: string) => string[];

let loading: Promise<Spell> | undefined;

/**
 * Loads pinyin-pro (about 140 KB gzipped, with its dictionary) the first time someone needs it,
 * so it stays out of the shell's first download, and answers a `spell` function for matching
 * labels: `fht` and `fahuo` then find 发货台. Latin parts of a label (SKU codes, English words)
 * stay as they are. Text without Chinese spells to nothing, as it matches on its own.
 *
 * @example
 * const spell = await loadPinyin();
 * spell('打开发货台');  // ['dakaifahuotai', 'dkfht']
 * fuzzyFilter(query, items, (i) => [i.label, ...spell(i.label)]);
 */
export function loadPinyin(): Promise<Spell> {
  loading ??= import('pinyin-pro').then(({ pinyin }) => {
    const cache = new Map<string, string[]>();
    return (text: string) => {
      let spelled = cache.get(text);
      if (!spelled) {
        spelled = /[\u3400-\u9fff]/.test(text) ? spellWith(pinyin, text) : [];
        cache.set(text, spelled);
      }
      return spelled;
    };
  });
  return loading;
}

type PinyinFn = typeof import('pinyin-pro').pinyin;

function spellWith(pinyin: PinyinFn, text: string): string[] {
  const options = { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true } as const;
  const full = pinyin(text, options);
  const first = pinyin(text, { ...options, pattern: 'first' });
  // Latin runs keep their spaces and punctuation, which mark word starts for the scorer.
  const join = (parts: string[]) => parts.map((p) => p.toLowerCase()).join('');
  return [join(full), join(first)];
}
