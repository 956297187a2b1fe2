/**
 * The placeholders a phrase may hold, written `{订单号}` (or by the English key, `{orderNo}`), and
 * the parser that finds them. Pure: the server fills them, the editor checks as one types.
 */
export type PlaceholderKey =
  | 'agentNo' | 'agent' | 'agentName' | 'shop'
  | 'orderNo' | 'items' | 'amount' | 'courier' | 'courierReason' | 'trackingNo' | 'orderState'
  | 'buyer' | 'quote' | 'sfExtra' | 'remoteExtra' | 'remoteRegions';

/** Where a placeholder's value comes from, so a missing source can be named. */
export type PlaceholderSource = 'agent' | 'shop' | 'order' | 'buyer' | 'quote' | 'shipping';

export interface PlaceholderInfo {
  key: PlaceholderKey;
  /** The name written in phrases, `{订单号}`. */
  name: string;
  source: PlaceholderSource;
  /** What it becomes, in both languages (shown in the editor's list). */
  help: { 'zh-CN': string; en: string };
}

export const PLACEHOLDERS: readonly PlaceholderInfo[] = [
  { key: 'agentNo', name: '工号', source: 'agent', help: { 'zh-CN': '客服工号，如 1', en: 'The agent number, e.g. 1' } },
  { key: 'agent', name: '客服', source: 'agent', help: { 'zh-CN': '客服称呼，如 1号客服', en: 'How the agent signs, e.g. 1号客服' } },
  { key: 'agentName', name: '客服姓名', source: 'agent', help: { 'zh-CN': '客服的名字', en: "The agent's name" } },
  { key: 'shop', name: '店铺', source: 'shop', help: { 'zh-CN': '店铺名称', en: 'The shop name' } },
  { key: 'orderNo', name: '订单号', source: 'order', help: { 'zh-CN': '订单编号', en: 'The order number' } },
  { key: 'items', name: '商品', source: 'order', help: { 'zh-CN': '订单里的商品和件数', en: 'The items of the order, with quantities' } },
  { key: 'amount', name: '金额', source: 'order', help: { 'zh-CN': '实付金额（元）', en: 'The amount paid (元)' } },
  { key: 'courier', name: '快递', source: 'order', help: { 'zh-CN': '发的快递', en: 'The courier' } },
  { key: 'courierReason', name: '快递原因', source: 'order', help: { 'zh-CN': '为什么是这家快递', en: 'Why that courier' } },
  { key: 'trackingNo', name: '运单号', source: 'order', help: { 'zh-CN': '快递单号', en: 'The tracking number' } },
  { key: 'orderState', name: '订单状态', source: 'order', help: { 'zh-CN': '订单走到哪一步了', en: 'Where the order stands' } },
  { key: 'buyer', name: '买家', source: 'buyer', help: { 'zh-CN': '买家昵称', en: "The buyer's nickname" } },
  { key: 'quote', name: '报价', source: 'quote', help: { 'zh-CN': '活动价和怎么算的，一句话', en: 'The promotional price and how it came about, in one line' } },
  { key: 'sfExtra', name: '顺丰加价', source: 'shipping', help: { 'zh-CN': '改发顺丰要补的钱', en: 'What switching to 顺丰 costs extra' } },
  { key: 'remoteExtra', name: '偏远加价', source: 'shipping', help: { 'zh-CN': '偏远地区要补的运费', en: 'The extra for remote regions' } },
  { key: 'remoteRegions', name: '偏远地区', source: 'shipping', help: { 'zh-CN': '哪些地区算偏远', en: 'Which regions count as remote' } },
];

const BY_NAME = new Map<string, PlaceholderInfo>(PLACEHOLDERS.flatMap((p) => [[p.name, p], [p.key, p]] as const));

/** A piece of a phrase: plain text, or a placeholder to fill. */
export type PhrasePart = { text: string } | { placeholder: PlaceholderInfo; raw: string };

/** An unknown `{…}`: its name, and where it starts (1-based character, line and column, as a person counts). */
export interface UnknownPlaceholder {
  name: string;
  position: number;
  line: number;
  column: number;
}

export type ParsedPhrase = { ok: true; parts: PhrasePart[] } | { ok: false; unknown: UnknownPlaceholder[] };

// Short names only: a brace around a long run is prose (a customer's {…} quote), not a placeholder.
const TOKEN = /\{([^{}\s]{1,16})\}/gu;

/** Splits a phrase into text and placeholders; any `{name}` not in PLACEHOLDERS is reported. */
export function parsePhrase(text: string): ParsedPhrase {
  const parts: PhrasePart[] = [];
  const unknown: UnknownPlaceholder[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const name = m[1] ?? '';
    const info = BY_NAME.get(name);
    if (!info) {
      unknown.push({ name, ...positionOf(text, m.index) });
      continue;
    }
    if (m.index > last) parts.push({ text: text.slice(last, m.index) });
    parts.push({ placeholder: info, raw: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return unknown.length > 0 ? { ok: false, unknown } : { ok: true, parts };
}

function positionOf(text: string, index: number): { position: number; line: number; column: number } {
  const before = [...text.slice(0, index)];
  const lineStart = before.lastIndexOf('\n') + 1;
  return { position: before.length + 1, line: before.filter((c) => c === '\n').length + 1, column: before.length - lineStart + 1 };
}

/** The sources a parsed phrase needs (an order, a quote…), so the panel asks only for those. */
export function sourcesOf(parts: PhrasePart[]): Set<PlaceholderSource> {
  return new Set(parts.flatMap((p) => ('placeholder' in p ? [p.placeholder.source] : [])));
}
