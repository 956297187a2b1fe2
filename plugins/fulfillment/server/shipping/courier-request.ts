import type { FulfillmentSettings } from '../settings.js';

/** Where a courier word was written; the seller's remark is read first, being the shop's last word. */
export type RequestSource = 'sellerRemark' | 'buyerMessage' | 'shippingMethod';

export interface RequestTexts {
  sellerRemark: string;
  buyerMessage: string;
  shippingMethod: string;
}

/** One courier or urgency word in an order's texts, read with the words around it. */
export interface CourierMention {
  /** The courier the word names (settings' code), or none for an urgency word such as 加急. */
  code?: string;
  /** The word is one of `priority.expressWords`. */
  urgent: boolean;
  /** False when the buyer turns it down: 不要发顺丰, 顺丰太贵, 韵达不到我们这. */
  wanted: boolean;
  /** The words that decided it, as written, for the reason shown to the clerk. */
  words: string;
  source: RequestSource;
}

export interface CourierRequest {
  /** The first courier asked for (remark, then message, then shipping method). */
  wanted?: CourierMention;
  /** Couriers turned down, each once. */
  refused: CourierMention[];
  /** The first urgency word not turned down (加急, 顺丰 …). */
  urgent?: CourierMention;
}

// A clause ends at punctuation or a line break; 、 and spaces do not end it (不要中通、韵达).
const CLAUSE = /[，,。.!！?？;；\n\r]+/u;
// Words before a courier that turn it down. 能不能 / 可不可以 / 要不要 ask rather than refuse, so
// they are taken out first: 能不能发顺丰 asks for 顺丰.
const ASKING = /能不能|可不可以|可以不可以|要不要|行不行|是不是|有没有/gu;
const REFUSING_BEFORE = /不要|不用|不需要|不必|不想|不能|不可以|不发|不走|不寄|不选|不一定|别|勿|禁止|拒绝|除了|没必要|甭|莫/u;
// Words after a courier that judge it badly: 顺丰太贵, 韵达不到我们这, 中通就算了.
const REFUSING_AFTER = /太贵|贵了|好贵|太慢|很慢|慢死|不到|到不了|送不到|不送|不行|不要|不用|不需要|不好|不给力|算了|除外|不考虑|丢件|不靠谱|没有网点|没网点|去不了|发不了/u;
// Between two couriers only a list word: the second shares the first one's answer (不要中通或韵达).
const LIST_ONLY = /^(?:[\s、/／&＆]|和|与|及|或者|或|跟|还是)*$/u;

interface Word {
  text: string;
  code?: string;
  urgent: boolean;
}

// Built once per settings object: an import reads 100,000 orders' texts, and a review each order
// of a slice, under the same settings.
const vocabularies = new WeakMap<FulfillmentSettings, Word[]>();

/** The words to look for: request words, courier names and urgency words, longest first. */
function vocabulary(settings: FulfillmentSettings): Word[] {
  let words = vocabularies.get(settings);
  if (!words) vocabularies.set(settings, (words = wordsOf(settings)));
  return words;
}

function wordsOf(settings: FulfillmentSettings): Word[] {
  const known = new Set(settings.couriers.map((c) => c.code));
  const byText = new Map<string, Word>();
  const add = (text: string, patch: Partial<Word>) => {
    const key = text.toLowerCase();
    if (!key) return;
    const word = byText.get(key) ?? { text: key, urgent: false };
    byText.set(key, { ...word, ...patch });
  };
  for (const c of settings.couriers) add(c.name, { code: c.code });
  for (const [text, code] of Object.entries(settings.shipping.requestWords)) if (known.has(code)) add(text, { code });
  for (const text of settings.priority.expressWords) add(text, { urgent: true });
  return [...byText.values()].sort((a, b) => b.text.length - a.text.length);
}

interface Hit {
  word: Word;
  start: number;
  end: number;
}

const LATIN = /[a-z]/;
/** A Latin word (EMS, SF) counts only as a word of its own, not inside another (items, systems). */
function standsAlone(text: string, word: string, at: number): boolean {
  if (!LATIN.test(word)) return true;
  return !LATIN.test(text.charAt(at - 1)) && !LATIN.test(text.charAt(at + word.length));
}

/** The words of `clause`, left to right, a longer word winning over a shorter one inside it (邮政EMS). */
function hits(clause: string, words: Word[]): Hit[] {
  const lower = clause.toLowerCase();
  const found: Hit[] = [];
  let at = 0;
  while (at < lower.length) {
    const word = words.find((w) => lower.startsWith(w.text, at) && standsAlone(lower, w.text, at));
    if (word) {
      found.push({ word, start: at, end: at + word.text.length });
      at += word.text.length;
    } else at += 1;
  }
  return found;
}

function readClause(clause: string, words: Word[], source: RequestSource): CourierMention[] {
  const found = hits(clause, words);
  const mentions: CourierMention[] = [];
  found.forEach((hit, i) => {
    const before = clause.slice(i === 0 ? 0 : found[i - 1]!.end, hit.start);
    const next = found[i + 1];
    const after = clause.slice(hit.end, next ? next.start : clause.length);
    const previous = mentions[i - 1];
    let wanted: boolean;
    let words: string;
    if (previous && LIST_ONLY.test(before)) {
      wanted = previous.wanted;
      words = `${previous.words}${before}${clause.slice(hit.start, hit.end)}`;
    } else {
      wanted = !REFUSING_BEFORE.test(before.replace(ASKING, ''));
      words = clause.slice(hit.start - before.length, hit.end);
    }
    // A refusing word between two couriers belongs to the second (发顺丰不要韵达); after the last
    // one of a clause, or when it only judges (顺丰太贵申通吧), it turns the first one down.
    const judged = REFUSING_AFTER.test(after) && (!next || !REFUSING_BEFORE.test(after.replace(ASKING, '')));
    if (judged) {
      wanted = false;
      words += after;
    } else if (!next) {
      // A short tail (就行, 可以吗, 到付可以吗) shows how it was asked.
      words += after.length <= 6 ? after : '';
    }
    mentions.push({ ...(hit.word.code ? { code: hit.word.code } : {}), urgent: hit.word.urgent, wanted, words: words.trim(), source });
  });
  // A list of couriers turned down at its end (中通、韵达都不要) turns down all of them.
  const last = mentions.at(-1);
  if (last && !last.wanted) {
    for (let i = mentions.length - 2; i >= 0; i--) {
      const between = clause.slice(found[i]!.end, found[i + 1]!.start);
      if (!LIST_ONLY.test(between) && !/^都?$/u.test(between)) break;
      mentions[i]!.wanted = false;
    }
  }
  return mentions;
}

/**
 * Reads which courier an order asks for, and whether it is urgent, from the seller's remark, the
 * buyer's message and the shipping method, with the words around each courier: 不要发顺丰, 别发顺丰,
 * 顺丰太贵 and 韵达不到我们这 turn a courier down; 发申通就行, 能发顺丰吗 and 顺丰到付可以吗 ask for it.
 * The courier rules and the peak-day priority both read it, so they never disagree.
 * @example readCourierRequest(settings, { sellerRemark: '', buyerMessage: '顺丰太贵，发申通就行', shippingMethod: '快递' })
 *   // wanted: { code: 'STO', words: '发申通就行' }, refused: [{ code: 'SF', words: '顺丰太贵' }]
 */
export function readCourierRequest(settings: FulfillmentSettings, texts: RequestTexts): CourierRequest {
  const words = vocabulary(settings);
  const mentions: CourierMention[] = [];
  for (const source of ['sellerRemark', 'buyerMessage', 'shippingMethod'] as const) {
    for (const clause of texts[source].split(CLAUSE)) mentions.push(...readClause(clause, words, source));
  }
  // A courier turned down earlier (the remark before the message) is not asked for later.
  const wanted = mentions.find((m, i) => m.code && m.wanted && !mentions.slice(0, i).some((x) => x.code === m.code && !x.wanted));
  const refused = mentions.filter((m, i) => m.code && !m.wanted && m.code !== wanted?.code && mentions.findIndex((x) => x.code === m.code && !x.wanted) === i);
  const urgent = mentions.find((m) => m.urgent && m.wanted);
  return { ...(wanted ? { wanted } : {}), refused, ...(urgent ? { urgent } : {}) };
}
