import { decodeCsvInTurns, InputError, readCsvInTurns, type CsvColumns, type CsvRecord, type ImportFile, type Turns } from '@workbench/plugin-api';
import { ITEM_COLUMN_GROUPS, ITEM_REPORT_COLUMNS, ORDER_REPORT_COLUMNS, reportKind, type ReportKind } from './report-columns.js';
import type { Rejection } from './row-reasons.js';

/** One uploaded report, decoded and split into records. */
export interface ReportFile {
  name: string;
  /** Where it was in the upload. */
  index: number;
  records: CsvRecord[];
}

export interface ReportPair {
  orders: ReportFile;
  items: ReportFile;
  /** Rows no reader could get past (a quote never closed). */
  rejected: Rejection[];
}

const requiredOf = (columns: CsvColumns<string>) => Object.values(columns).filter((c) => c.required).length;
const NEEDED_COLUMNS: Record<ReportKind, number> = { orders: requiredOf(ORDER_REPORT_COLUMNS), items: requiredOf(ITEM_REPORT_COLUMNS) + ITEM_COLUMN_GROUPS.length };

const KIND_NAMES: Record<ReportKind, { 'zh-CN': string; en: string }> = {
  orders: { 'zh-CN': '订单报表', en: 'order report' },
  items: { 'zh-CN': '宝贝报表', en: 'item report' },
};

/**
 * Tells the order report from the item report by their headers, in whichever order they came (a
 * file whose header is neither is taken for the one its partner is not), and refuses an upload
 * that is not exactly one of each — in words that say what to send. Files are decoded and read
 * in slices (`turns`), so other requests are answered meanwhile.
 */
export async function pairReports(files: readonly ImportFile[], turns: Turns): Promise<ReportPair> {
  const found: Partial<Record<ReportKind, ReportFile>> = {};
  const rejected: Rejection[] = [];
  const unknown: ReportFile[] = [];
  for (const [index, file] of files.entries()) {
    const { records, problems } = await readCsvInTurns((await decodeCsvInTurns(file.bytes, turns)).text, turns);
    for (const problem of problems) rejected.push({ file: file.name, ...problem });
    const kind = reportKind(records[0]?.cells ?? []);
    if (!kind) {
      unknown.push({ name: file.name, index, records });
      continue;
    }
    const before = found[kind];
    if (before) {
      throw new InputError({
        'zh-CN': `“${before.name}”和“${file.name}”都是${KIND_NAMES[kind]['zh-CN']}：一次导入一个订单报表和一个宝贝报表`,
        en: `“${before.name}” and “${file.name}” are both ${KIND_NAMES[kind].en}s; import one order report with one item report`,
      });
    }
    found[kind] = { name: file.name, index, records };
  }
  // A header of another system's own names is the report its partner is not, so the import can
  // ask which of its columns hold the fields; two such files say nothing about which is which,
  // and a file with fewer columns than that report needs is something else.
  const other: ReportKind | undefined = found.orders && !found.items ? 'items' : found.items && !found.orders ? 'orders' : undefined;
  const fits = (file: ReportFile, kind: ReportKind) => (file.records[0]?.cells.filter((c) => c.trim() !== '').length ?? 0) >= NEEDED_COLUMNS[kind];
  if (unknown.length === 1 && files.length === 2 && other && fits(unknown[0]!, other)) found[other] = unknown[0];
  else if (unknown.length) {
    const file = unknown[0]!;
    throw new InputError({
      'zh-CN': `“${file.name}”既不是淘宝的订单报表也不是宝贝报表（认不出表头）：请上传从卖家中心导出的这两个 CSV 文件`,
      en: `“${file.name}” is neither a Taobao order report nor an item report (its header is not recognised); upload the two CSV files exported from the seller centre`,
    });
  }
  if (!found.items) {
    throw new InputError({
      'zh-CN': '只收到了订单报表，还缺宝贝报表：订单里买了哪些宝贝只在宝贝报表里，请从卖家中心把两个报表一起导出、一起上传',
      en: 'Only the order report arrived; the item report is missing. What each order bought is only in the item report — export both reports from the seller centre and upload them together',
    });
  }
  if (!found.orders) {
    throw new InputError({
      'zh-CN': '只收到了宝贝报表，还缺订单报表：请从卖家中心把两个报表一起导出、一起上传',
      en: 'Only the item report arrived; the order report is missing — export both reports from the seller centre and upload them together',
    });
  }
  return { orders: found.orders, items: found.items, rejected };
}
