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
