/**
 * Scores how well `query` matches `text` as an in-order subsequence (the VS Code palette's way):
 * consecutive letters and matches at word starts count more. Undefined when it does not match.
 * Works for Chinese too, where each character is a "word".
 *
 * @example
 * fuzzyScore('nwn', 'New note')  // a number
 * fuzzyScore('xyz', 'New note')  // undefined
 */
export function fuzzyScore(query: string, text: string): number | undefined {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (!q) return 0;
  const t = text.toLowerCase();
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const ch of q) {
    const at = t.indexOf(ch, from);
    if (at < 0) return undefined;
    score += 1;
    if (at === previous + 1) score += 3;
    if (at === 0 || /[\s._\-/:>]/.test(t[at - 1]!)) score += 2;
    previous = at;
    from = at + 1;
  }
  // Shorter texts with the same matches rank first.
  return score - t.length / 100;
}

/** Filters and sorts `items` by their best-scoring label. */
export function fuzzyFilter<T>(query: string, items: T[], labels: (item: T) => string[]): T[] {
  const scored: { item: T; score: number }[] = [];
  for (const item of items) {
    let best: number | undefined;
    for (const label of labels(item)) {
      const s = fuzzyScore(query, label);
      if (s !== undefined && (best === undefined || s > best)) best = s;
    }
    if (best !== undefined) scored.push({ item, score: best });
  }
  return scored.sort((a, b) => b.score - a.score).map((s) => s.item);
}
