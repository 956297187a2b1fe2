import { isBlankCsvRecord, moneyCellReason, parseYuan, readCsvHeader, readCsvInTurns, Turns, unwrapCsvCell, type CsvColumns, type CsvHeader, type CsvProblem, type LocalizedText } from '@workbench/plugin-api';
import type { CourierSetting, FulfillmentSettings } from '../settings.js';
import { courierFromText, courierNames, normaliseTracking } from './courier-rules.js';
import { headerInGrams, parseWeight, WEIGHT_REASONS } from './weight-cells.js';

/** How the header is read: the importer's `readHeader` (with the clerk's saved mapping), or the plain reader. */
type HeaderReader = <K extends string>(cells: readonly string[], columns: CsvColumns<K>) => CsvHeader<K>;

type Column = '运单号' | '重量' | '运费' | '日期' | '快递公司';

/** The columns by the headers couriers' statements use; a column named twice is read from its first. */
const COLUMNS = {
  运单号: { header: '运单号', also: ['快递单号', '单号', '运单编号', '物流单号'], required: true },
  重量: { header: '重量', also: [/^(计费|结算|实际)?重量/], required: true },
  运费: { header: '运费', also: [/^(运费|快递费|费用|金额|应付金额|结算金额)/], required: true },
  日期: { header: '日期', also: [/日期|时间/] },
  快递公司: { header: '快递公司', also: ['物流公司', '快递'] },
} satisfies CsvColumns<Column>;

/** One billed parcel. */
export interface StatementLine {
  row: number;
  trackingNo: string;
  weightGrams: number;
  fee: number;
  /** The shop day the courier dated it, YYYY-MM-DD. */
  day?: string;
  courier?: CourierSetting;
}

/** `2026-11-03`, `2026/11/3`, `2026.11.03 14:20`, `20261103` → `2026-11-03`. */
export function dayOf(cell: string): string | undefined {
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?(?:[ T].*)?$/.exec(cell.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Reads a courier's statement by its headers: 运单号, 重量 (kg unless the header says 克), 运费 in 元,
 * and optionally 日期 and 快递公司. Unreadable cells become problems naming row and column. Read
 * in slices of `turns`, so the server answers others meanwhile.
 */
export async function readStatement(settings: FulfillmentSettings, text: string, turns = new Turns(), readHeader: HeaderReader = readCsvHeader): Promise<{ lines: StatementLine[]; problems: CsvProblem[] }> {
  const { records: [first, ...data], problems: unreadable } = await readCsvInTurns(text, turns);
  const header = readHeader(first?.cells ?? [], COLUMNS);
  const problems: CsvProblem[] = [...header.problems];
  if (problems.length) return { lines: [], problems };
  problems.push(...unreadable);
  const grams = headerInGrams(header.found('重量')!);
  const lines: StatementLine[] = [];
  for (const { cells: record, row } of data) {
    await turns.pause();
    const cell = (column: Column) => header.cell(record, column);
    if (isBlankCsvRecord(record)) continue;
    // A total line at the foot of the sheet (合计 / 总计) bills no parcel.
    if (/^(合计|总计|小计)/.test(record.map(unwrapCsvCell).find((c) => c !== '') ?? '')) continue;
    const before = problems.length;
    const refuse = (column: Column, reason: LocalizedText) => problems.push({ row, column, reason });
    const trackingNo = normaliseTracking(cell('运单号'));
    if (!trackingNo) refuse('运单号', { 'zh-CN': '没有填运单号', en: 'The tracking number is empty' });
    const weight = parseWeight(cell('重量'), grams);
    if ('problem' in weight) refuse('重量', WEIGHT_REASONS[weight.problem](cell('重量')));
    const fee = parseYuan(cell('运费'));
    if ('problem' in fee) refuse('运费', moneyCellReason('运费', cell('运费'), fee.problem));
    const dayCell = cell('日期');
    const day = dayCell ? dayOf(dayCell) : undefined;
    if (dayCell && !day) refuse('日期', { 'zh-CN': `“${dayCell}”不是日期，请写成 2026-11-03`, en: `“${dayCell}” is not a date; write 2026-11-03` });
    const courierCell = cell('快递公司');
    const courier = courierCell ? courierFromText(settings, courierCell) : undefined;
    if (courierCell && !courier) refuse('快递公司', { 'zh-CN': `认不出快递公司“${courierCell}”，可写：${courierNames(settings)}`, en: `Unknown courier “${courierCell}”; write one of ${courierNames(settings)}` });
    if (problems.length > before || 'problem' in weight || 'problem' in fee) continue;
    lines.push({ row, trackingNo, weightGrams: weight.grams, fee: fee.fen, ...(day ? { day } : {}), ...(courier ? { courier } : {}) });
  }
  return { lines, problems };
}
