// A time clock's export read into clocks: 工号 and a time per row, in GBK or UTF-8. Pure apart
// from the CSV reader, so the messy files are unit-tested.
import { decodeCsv, isBlankCsvRecord, readCsv, readCsvHeader, type CsvColumns, type CsvProblem, type LocalizedText } from '@workbench/plugin-api';

type Column = '工号' | '时间' | '日期';

/** The headers time clocks write; some split the day and the time into two columns. */
const COLUMNS = {
  工号: { header: '工号', also: ['员工编号', '考勤号', '考勤号码', '编号', '人员编号', 'ID', 'No.'], required: true },
  时间: { header: '时间', also: ['打卡时间', '签到时间', '刷卡时间', '考勤时间', '日期时间'], required: true },
  日期: { header: '日期', also: ['打卡日期', '考勤日期'] },
} satisfies CsvColumns<Column>;

/** The people a file may name, by 工号. */
export type StaffByCode = Map<string, { id: number; leftOn: string | null }>;

export interface ClockFileRead {
  rows: { staffId: number; at: string; row: number }[];
  problems: CsvProblem[];
}

/**
 * `2026-11-03 08:34`, `2026/11/3 8:34:05`, `2026-11-03T08:34:00+08:00`, or a time alone when a day
 * column gives the day: the instant in shop time (`offset` like `+08:00`), or undefined.
 */
export function clockTime(text: string, day: string, offset: string): string | undefined {
  const full = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?[ T]+(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  const alone = /^(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?$/.exec(text.trim());
  const date = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(day.trim());
  let parts: string[];
  let zone: string | undefined;
  if (full) {
    parts = full.slice(1, 7).map((p) => p ?? '0');
    zone = full[7];
  } else if (alone && date) {
    parts = [...date.slice(1, 4), ...alone.slice(1, 4).map((p) => p ?? '0')] as string[];
  } else return undefined;
  const [y, mo, d, h, mi, s] = parts.map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
  const ms = Date.parse(`${local}${zone ? (zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : offset}`);
  // 2 月 30 日 rolls over in Date: refuse a day the calendar does not have.
  if (Number.isNaN(ms) || (!zone && new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d)) return undefined;
  return inOffset(ms, offset);
}

/** An instant written in the shop's offset, as `ctx.now()` writes it. */
export function inOffset(ms: number, offset: string): string {
  const sign = offset.startsWith('-') ? -1 : 1;
  const [oh, om] = offset.slice(1).split(':').map(Number) as [number, number];
  const shifted = new Date(ms + sign * (oh * 60 + om) * 60_000).toISOString();
  return `${shifted.slice(0, 23)}${offset}`;
}

/** The rows of a time clock's file, or each row's problem: an unknown 工号, a time that is not one. */
export function readClockFile(bytes: Uint8Array, staff: StaffByCode, offset: string): ClockFileRead {
  const { records: [first, ...data], problems: unreadable } = readCsv(decodeCsv(bytes).text);
  const header = readCsvHeader(first?.cells ?? [], COLUMNS);
  if (header.problems.length) return { rows: [], problems: header.problems };
  const problems: CsvProblem[] = [...unreadable];
  const rows: ClockFileRead['rows'] = [];
  for (const { cells, row } of data) {
    if (isBlankCsvRecord(cells)) continue;
    const refuse = (column: Column, reason: LocalizedText) => problems.push({ row, column: header.name(column), reason });
    const code = header.cell(cells, '工号');
    const person = staff.get(code);
    if (!code) refuse('工号', { 'zh-CN': '没有填工号', en: 'The staff number is empty' });
    else if (!person) refuse('工号', { 'zh-CN': `没有工号为 ${code} 的员工，请先在员工名单里添加`, en: `No staff member has the number ${code}; add them to the staff list first` });
    const text = header.cell(cells, '时间');
    const at = clockTime(text, header.cell(cells, '日期'), offset);
    if (!at) refuse('时间', { 'zh-CN': `“${text}”不是打卡时间，请写成 2026-11-03 08:30 这样`, en: `“${text}” is not a clock time; write it like 2026-11-03 08:30` });
    else if (person?.leftOn && at.slice(0, 10) > person.leftOn) {
      refuse('时间', { 'zh-CN': `工号 ${code} 已于 ${person.leftOn} 离职，之后不能再打卡`, en: `Staff number ${code} left on ${person.leftOn} and cannot clock after that` });
    }
    if (person && at && !problems.some((p) => p.row === row)) rows.push({ staffId: person.id, at, row });
  }
  return { rows, problems: problems.sort((a, b) => a.row - b.row) };
}
