import type { MoneyProblem } from '../../schemas/money.js';
import type { LocalizedText } from '../i18n/localized-text.js';

/**
 * Why a row of a CSV file could not be read: `row` as Excel numbers it (the header is row 1),
 * `column` as the header names it ('' for the row as a whole), `reason` in both languages so the
 * caller answers in the uploader's.
 */
export interface CsvProblem {
  row: number;
  column: string;
  reason: LocalizedText;
}

export const CSV_REASONS = {
  missingColumn: (header: string): LocalizedText => ({ 'zh-CN': `表头里没有“${header}”这一列`, en: `The header has no “${header}” column` }),
  unclosedQuote: (): LocalizedText => ({
    'zh-CN': '这一行的引号没有配对，从这里起读不出来：请用 Excel 打开后另存为 CSV 再导入',
    en: 'A quote in this row is never closed, so the file cannot be read from here on; open it in Excel, save it as CSV again and re-import',
  }),
} as const;

const MONEY_WORDS: Record<MoneyProblem, { 'zh-CN': string; en: string }> = {
  'not-a-number': { 'zh-CN': '不是金额，请写成 129.00 这样的元', en: 'is not an amount; write yuan like 129.00' },
  negative: { 'zh-CN': '不能是负数', en: 'cannot be negative' },
  'too-precise': { 'zh-CN': '最多两位小数', en: 'has at most two decimals' },
  'too-large': { 'zh-CN': '太大了', en: 'is too large' },
};

/**
 * Why a money cell could not be read, naming the column and the cell as written.
 *
 * @example
 * const read = parseYuan(value);
 * if ('problem' in read) problems.push({ row, column: '运费', reason: moneyCellReason('运费', value, read.problem) });
 */
export function moneyCellReason(column: string, value: string, problem: MoneyProblem): LocalizedText {
  const words = MONEY_WORDS[problem];
  return { 'zh-CN': `${column}“${value}”${words['zh-CN']}`, en: `${column} “${value}” ${words.en}` };
}
