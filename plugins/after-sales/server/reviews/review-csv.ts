// Reading a review export (CSV, GBK or UTF-8) into rows, with every problem at its row and column;
// the route imports the rows only when there is none, so a file is never half taken.
import { decodeCsv, isBlankCsvRecord, readCsv, readCsvHeader, type CsvColumns, type CsvProblem } from '@workbench/plugin-api';
import { readRating, readReviewDay, type Rating } from './review-rules.js';

const COLUMNS = {
  orderNo: { header: '订单编号', also: ['订单号', '主订单编号', '子订单编号', 'order', 'order no'], required: true },
  rating: { header: '评价', also: ['评价结果', '评分', '评价等级', 'rating'], required: true },
  text: { header: '评价内容', also: ['内容', '评论', 'text', 'review'] },
  date: { header: '评价时间', also: ['评价日期', '日期', '时间', 'date'], required: true },
} satisfies CsvColumns<'orderNo' | 'rating' | 'text' | 'date'>;

export interface ReviewRow {
  row: number;
  orderNo: string;
  rating: Rating;
  text: string;
  reviewedOn: string;
}

export interface ReviewFile {
  rows: ReviewRow[];
  problems: CsvProblem[];
}

export function readReviewFile(bytes: Uint8Array): ReviewFile {
  const { records, problems } = readCsv(decodeCsv(bytes).text);
  const [first, ...data] = records;
  const header = readCsvHeader(first?.cells ?? [], COLUMNS);
  if (header.problems.length > 0) return { rows: [], problems: [...problems, ...header.problems] };
  const column = (key: keyof typeof COLUMNS) => header.name(key);
  const rows: ReviewRow[] = [];
  for (const { cells, row } of data) {
    if (isBlankCsvRecord(cells)) continue;
    const orderNo = header.cell(cells, 'orderNo').replace(/^'/, '');
    const ratingCell = header.cell(cells, 'rating');
    const dateCell = header.cell(cells, 'date');
    const rating = readRating(ratingCell);
    const reviewedOn = readReviewDay(dateCell);
    if (!/^\d{6,30}$/.test(orderNo)) problems.push({ row, column: column('orderNo'), reason: { 'zh-CN': `订单编号“${orderNo}”应是一串数字`, en: `Order number "${orderNo}" should be digits` } });
    if (!rating) problems.push({ row, column: column('rating'), reason: { 'zh-CN': `评价“${ratingCell}”应是 好评、中评 或 差评（或 GOOD、NORMAL、BAD）`, en: `Rating "${ratingCell}" should be 好评, 中评 or 差评 (or GOOD, NORMAL, BAD)` } });
    if (!reviewedOn) problems.push({ row, column: column('date'), reason: { 'zh-CN': `评价时间“${dateCell}”不是日期，请写成 2026-11-20`, en: `Review date "${dateCell}" is not a date; write it as 2026-11-20` } });
    if (rating && reviewedOn && /^\d{6,30}$/.test(orderNo)) rows.push({ row, orderNo, rating, text: header.cell(cells, 'text').trim().slice(0, 2000), reviewedOn });
  }
  return { rows, problems };
}
