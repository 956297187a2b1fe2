// A chat log export read into chat lines: time, buyer, agent, direction and text per row, in GBK or
// UTF-8. Pure apart from the CSV reader, so the messy files are unit-tested.
import { decodeCsv, isBlankCsvRecord, readCsv, readCsvHeader, type CsvColumns, type CsvHeader, type CsvProblem, type LocalizedText } from '@workbench/plugin-api';
import type { ChatLine } from '../kpis/kpi-rules.js';
import { agentCode } from './agent-code.js';

type Column = '时间' | '买家' | '客服' | '方向' | '内容';

const COLUMNS = {
  时间: { header: '时间', also: ['time', '发送时间', '消息时间', '聊天时间'], required: true },
  买家: { header: '买家', also: ['buyer', '买家昵称', '买家会员名', '顾客'], required: true },
  客服: { header: '客服', also: ['agent', '工号', '客服工号', '客服账号'], required: true },
  方向: { header: '方向', also: ['direction', '收发'], required: true },
  内容: { header: '内容', also: ['text', '消息内容', '聊天内容', '消息'], required: true },
} satisfies CsvColumns<Column>;

/** How each side of the talk may be written in the 方向 column. */
const DIRECTIONS: Record<string, 'in' | 'out'> = { in: 'in', 收: 'in', 买家: 'in', buyer: 'in', out: 'out', 发: 'out', 客服: 'out', agent: 'out', seller: 'out' };

/** One line of the file; `seq` tells apart identical lines of the same second (the 2nd `在吗` is seq 2). */
export interface ChatRow extends ChatLine {
  row: number;
  seq: number;
}

export interface ChatFileRead {
  rows: ChatRow[];
  problems: CsvProblem[];
}

export type ChatHeaderReader = (cells: readonly string[], columns: typeof COLUMNS) => CsvHeader<Column>;

/**
 * `2026-11-03 08:34:05`, `2026/11/3 8:34`, `2026-11-03T08:34:05+08:00`: the instant in shop time
 * (`offset` like `+08:00`, the shop's), or undefined.
 */
export function chatTime(text: string, offset: string): string | undefined {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?[ T]+(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((p) => Number(p ?? 0)) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  const zone = m[7] === undefined ? offset : m[7] === 'Z' ? 'Z' : m[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(`${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${zone}`);
  return Number.isNaN(ms) ? undefined : inOffset(ms, offset);
}

/** An instant written in the shop's offset, as `ctx.now()` writes it, so the log sorts as text. */
export function inOffset(ms: number, offset: string): string {
  const sign = offset.startsWith('-') ? -1 : 1;
  const [oh, om] = offset.slice(1).split(':').map(Number) as [number, number];
  return `${new Date(ms + sign * (oh * 60 + om) * 60_000).toISOString().slice(0, 23)}${offset}`;
}

/** The lines of a chat log file, or each row's problem (every one, in row order). */
export function readChatFile(bytes: Uint8Array, offset: string, readHeader: ChatHeaderReader = (cells, columns) => readCsvHeader(cells, columns)): ChatFileRead {
  const { records: [first, ...data], problems: unreadable } = readCsv(decodeCsv(bytes).text);
  const header = readHeader(first?.cells ?? [], COLUMNS);
  if (header.problems.length) return { rows: [], problems: header.problems };
  const problems: CsvProblem[] = [...unreadable];
  const rows: ChatRow[] = [];
  const seen = new Map<string, number>();
  for (const { cells, row } of data) {
    if (isBlankCsvRecord(cells)) continue;
    const before = problems.length;
    const refuse = (column: Column, reason: LocalizedText) => problems.push({ row, column: header.name(column), reason });
    const time = header.cell(cells, '时间');
    const at = chatTime(time, offset);
    if (!at) refuse('时间', { 'zh-CN': `“${time}”不是时间，请写成 2026-11-03 08:30:15 这样`, en: `“${time}” is not a time; write it like 2026-11-03 08:30:15` });
    const buyer = header.cell(cells, '买家').trim();
    if (!buyer) refuse('买家', { 'zh-CN': '没有填买家', en: 'The buyer is empty' });
    const agent = agentCode(header.cell(cells, '客服'));
    if (!agent) refuse('客服', { 'zh-CN': '没有填客服工号', en: "The agent's staff number is empty" });
    const said = header.cell(cells, '方向').trim();
    const direction = DIRECTIONS[said.toLowerCase()];
    if (!direction) refuse('方向', { 'zh-CN': `“${said}”不是方向，请写 in（买家发来）或 out（客服回复）`, en: `“${said}” is not a direction; write in (from the buyer) or out (the agent's reply)` });
    if (problems.length > before || !at || !direction) continue;
    const text = header.cell(cells, '内容');
    const key = [at, buyer, agent, direction, text].join('\u0000');
    const seq = (seen.get(key) ?? 0) + 1;
    seen.set(key, seq);
    rows.push({ at, buyer, agent, direction, text, row, seq });
  }
  return { rows, problems: problems.sort((a, b) => a.row - b.row) };
}
