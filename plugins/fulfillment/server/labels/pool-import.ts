import { InputError, isBlankCsvRecord, readCsv, readCsvHeader, type CsvColumns } from '@workbench/plugin-api';
import { expandRange, MAX_RANGE } from './tracking-pool.js';

/** What the shop brings: a range, a list, or a CSV of either (one number or one range a row). */
export interface PoolInput {
  from?: string;
  to?: string;
  numbers?: string[];
  csv?: string;
}

const COLUMNS = {
  trackingNo: { header: '运单号', also: ['快递单号', '物流单号', '单号'] },
  from: { header: '起始单号', also: ['开始单号', '起始号'] },
  to: { header: '结束单号', also: ['截止单号', '结束号'] },
} satisfies CsvColumns<'trackingNo' | 'from' | 'to'>;

const field = (path: string, message: string) => ({ errors: [{ path, in: 'body', message }] });

/** The numbers a CSV (read by the shared reader) lists: 运单号 rows, or 起始单号/结束单号 ranges. */
function numbersOfCsv(text: string): string[] {
  const { records, problems } = readCsv(text);
  if (problems.length) throw new InputError({ 'zh-CN': `单号文件第 ${problems[0]!.row} 行读不了（引号没有成对），请在表格软件里另存为 CSV 再导入`, en: `Row ${problems[0]!.row} of the number file cannot be read (a quote never closes); save it as CSV again and import it` }, field('/csv', 'csv'));
  const header = readCsvHeader<keyof typeof COLUMNS>(records[0]?.cells ?? [], COLUMNS, { oneOf: [['trackingNo', 'from']] });
  if (header.problems.length || (!header.has('trackingNo') && !(header.has('from') && header.has('to')))) {
    throw new InputError({ 'zh-CN': '单号文件要有“运单号”一列，或“起始单号”和“结束单号”两列', en: 'The number file needs a 运单号 column, or 起始单号 and 结束单号 columns' }, field('/csv', 'columns'));
  }
  const numbers: string[] = [];
  for (const record of records.slice(1)) {
    if (isBlankCsvRecord(record.cells)) continue;
    const single = header.cell(record.cells, 'trackingNo');
    const from = header.cell(record.cells, 'from');
    const to = header.cell(record.cells, 'to');
    if (from && to) numbers.push(...expandRange(from, to));
    else if (single) numbers.push(single);
    else throw new InputError({ 'zh-CN': `第 ${record.row} 行没有单号`, en: `Row ${record.row} has no number` }, field('/csv', `row ${record.row}`));
    if (numbers.length > MAX_RANGE) throw new InputError({ 'zh-CN': `一次最多导入 ${MAX_RANGE} 个单号，请分几次导入`, en: `At most ${MAX_RANGE} numbers at a time; import in parts` }, field('/csv', 'size'));
  }
  return numbers;
}

/** The numbers of one import: exactly one of a range (`from` and `to`), `numbers` or `csv`. */
export function poolNumbers(input: PoolInput): string[] {
  const ways = [input.from !== undefined || input.to !== undefined, input.numbers !== undefined, input.csv !== undefined].filter(Boolean).length;
  if (ways !== 1) {
    throw new InputError({ 'zh-CN': '请给一个号段（起始和结束单号）、一列单号或一个单号文件，三者选一', en: 'Give a range (from and to), a list of numbers or a CSV file — one of the three' }, field('', 'one of'));
  }
  if (input.csv !== undefined) return numbersOfCsv(input.csv);
  if (input.numbers !== undefined) return input.numbers;
  if (!input.from || !input.to) throw new InputError({ 'zh-CN': '号段要同时填起始单号和结束单号', en: 'A range needs both the start and the end number' }, field(input.from ? '/to' : '/from', 'required'));
  return expandRange(input.from, input.to);
}
