import type { LocalizedText } from '@workbench/plugin-api';
import { parseYuan, Turns, type MoneyProblem } from '@workbench/plugin-api';
import type { CourierSetting, FulfillmentSettings } from '../settings.js';
import { courierFromText, courierNames, normaliseTracking } from './courier-rules.js';
import { csvRecordsInTurns } from './csv-in-turns.js';
import { columnIndex, headerInGrams, parseWeight, unwrapCell, WEIGHT_REASONS, type RowProblem } from './csv-cells.js';

type Column = '运单号' | '重量' | '运费' | '日期' | '快递公司';

/** The columns by the headers couriers' statements use. */
function columnOf(header: string): Column | undefined {
  if (['运单号', '快递单号', '单号', '运单编号', '物流单号'].includes(header)) return '运单号';
  if (/^(计费|结算|实际)?重量/.test(header)) return '重量';
  if (/^(运费|快递费|费用|金额|应付金额|结算金额)/.test(header)) return '运费';
  if (/日期|时间/.test(header)) return '日期';
  if (header === '快递公司' || header === '物流公司' || header === '快递') return '快递公司';
  return undefined;
}

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

const MONEY_REASONS: Record<MoneyProblem, (cell: string) => LocalizedText> = {
  'not-a-number': (cell) => ({ 'zh-CN': `“${cell}”不是金额，请写成 5.00 这样的元`, en: `“${cell}” is not an amount; write yuan like 5.00` }),
  negative: (cell) => ({ 'zh-CN': `运费不能是负数（${cell}）`, en: `The fee cannot be negative (${cell})` }),
  'too-precise': (cell) => ({ 'zh-CN': `运费最多两位小数（${cell}）`, en: `Fees have at most two decimals (${cell})` }),
  'too-large': (cell) => ({ 'zh-CN': `运费太大了（${cell}）`, en: `The fee is too large (${cell})` }),
};

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
export async function readStatement(settings: FulfillmentSettings, text: string, turns = new Turns()): Promise<{ lines: StatementLine[]; problems: RowProblem[] }> {
  const [header = [], ...data] = await csvRecordsInTurns(text, turns);
  const index = columnIndex(header, columnOf);
  const problems: RowProblem[] = [];
  for (const required of ['运单号', '重量', '运费'] as const) {
    if (!index.has(required)) problems.push({ row: 1, column: required, reason: { 'zh-CN': `表头里没有“${required}”这一列`, en: `The header has no “${required}” column` } });
  }
  if (problems.length) return { lines: [], problems };
  const grams = headerInGrams(index.get('重量')!.header);
  const lines: StatementLine[] = [];
  for (const [i, record] of data.entries()) {
    await turns.pause();
    const row = i + 2;
    const cell = (column: Column) => {
      const at = index.get(column)?.at;
      return at === undefined ? '' : unwrapCell(record[at] ?? '');
    };
    if (record.every((c) => unwrapCell(c) === '')) continue;
    // A total line at the foot of the sheet (合计 / 总计) bills no parcel.
    if (/^(合计|总计|小计)/.test(record.map(unwrapCell).find((c) => c !== '') ?? '')) continue;
    const before = problems.length;
    const refuse = (column: Column, reason: LocalizedText) => problems.push({ row, column, reason });
    const trackingNo = normaliseTracking(cell('运单号'));
    if (!trackingNo) refuse('运单号', { 'zh-CN': '没有填运单号', en: 'The tracking number is empty' });
    const weight = parseWeight(cell('重量'), grams);
    if ('problem' in weight) refuse('重量', WEIGHT_REASONS[weight.problem](cell('重量')));
    const fee = parseYuan(cell('运费'));
    if ('problem' in fee) refuse('运费', MONEY_REASONS[fee.problem](cell('运费')));
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
