/**
 * Search as one types over the whole library, in the panel: by the words of the text, by
 * shortcut (`:ship`, or `ship` alone), and by pinyin — full or initials (`wlts` finds 物流投诉) —
 * spelled by the same pinyin-pro helper as the command palette (`loadPinyin` of the UI kit).
 * The index is built once per library load; each keystroke is then a pass of substring tests.
 */
export type Spell = (text: string) => string[];

export interface SearchablePhrase {
  id: number;
  text: string;
  shortcut: string | null;
  tags: string[];
  favourite: boolean;
  uses: number;
}

interface Entry<T> {
  phrase: T;
  /** Text and tags in small letters, then their pinyin spellings: one string per way of writing it. */
  haystacks: string[];
  shortcut: string;
}

export interface PhraseIndex<T extends SearchablePhrase> {
  entries: Entry<T>[];
}

/** Starred first, then the most used: the order the panel shows before anything is typed. */
export function buildIndex<T extends SearchablePhrase>(phrases: T[], spell: Spell): PhraseIndex<T> {
  const sorted = [...phrases].sort((a, b) => Number(b.favourite) - Number(a.favourite) || b.uses - a.uses || a.id - b.id);
  return {
    entries: sorted.map((phrase) => {
      const words = [phrase.text, ...phrase.tags].join(' ');
      return { phrase, shortcut: phrase.shortcut ?? '', haystacks: [words.toLowerCase(), ...spell(words)] };
    }),
  };
}

/**
 * The phrases matching what was typed, best first, at most `limit`. Words separated by spaces must
 * each match (in any of the ways of writing). `:ship` looks at shortcuts only; a shortcut typed in
 * full comes first whichever way it was typed.
 */
export function searchPhrases<T extends SearchablePhrase>(index: PhraseIndex<T>, query: string, limit = 50): T[] {
  const q = query.trim().toLowerCase();
  if (q === '') return index.entries.slice(0, limit).map((e) => e.phrase);
  if (/^[:：]/u.test(q)) {
    const code = q.slice(1);
    const hits = index.entries.filter((e) => e.shortcut !== '' && e.shortcut.startsWith(code));
    return hits.sort((a, b) => Number(b.shortcut === code) - Number(a.shortcut === code)).slice(0, limit).map((e) => e.phrase);
  }
  const words = q.split(/\s+/u);
  const exact: T[] = [];
  const rest: T[] = [];
  for (const e of index.entries) {
    if (e.shortcut === q) {
      exact.push(e.phrase);
      continue;
    }
    if (rest.length >= limit) continue;
    if (words.every((w) => e.shortcut.startsWith(w) || e.haystacks.some((h) => h.includes(w)))) rest.push(e.phrase);
  }
  return [...exact, ...rest].slice(0, limit);
}
