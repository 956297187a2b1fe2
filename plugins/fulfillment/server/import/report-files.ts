import { decodeCsvInTurns, InputError, readCsvInTurns, type CsvRecord, type ImportFile, type Turns } from '@workbench/plugin-api';
import { reportKind, type ReportKind } from './report-columns.js';
import type { Rejection } from './row-reasons.js';

/** One uploaded report, decoded and split into records. */
export interface ReportFile {
  name: string;
  records: CsvRecord[];
}

export interface ReportPair {
  orders: ReportFile;
  items: ReportFile;
  /** Rows no reader could get past (a quote never closed). */
  rejected: Rejection[];
}

const KIND_NAMES: Record<ReportKind, { 'zh-CN': string; en: string }> = {
  orders: { 'zh-CN': '订单报表', en: 'order report' },
  items: { 'zh-CN': '宝贝报表', en: 'item report' },
};

/**
 * Tells the order report from the item report by their headers, in whichever order they came,
 * and refuses an upload that is not exactly one of each — in words that say what to send. Files
 * are decoded and read in slices (`turns`), so other requests are answered meanwhile.
 */
export async function pairReports(files: readonly ImportFile[], turns: Turns): Promise<ReportPair> {
  const found: Partial<Record<ReportKind, ReportFile>> = {};
  const rejected: Rejection[] = [];
  for (const file of files) {
    const { records, problems } = await readCsvInTurns((await decodeCsvInTurns(file.bytes, turns)).text, turns);
    const kind = reportKind(records[0]?.cells ?? []);
    if (!kind) {
      throw new InputError({
        'zh-CN': `“${file.name}”既不是淘宝的订单报表也不是宝贝报表（认不出表头）：请上传从卖家中心导出的这两个 CSV 文件`,
        en: `“${file.name}” is neither a Taobao order report nor an item report (its header is not recognised); upload the two CSV files exported from the seller centre`,
      });
    }
    const before = found[kind];
    if (before) {
      throw new InputError({
        'zh-CN': `“${before.name}”和“${file.name}”都是${KIND_NAMES[kind]['zh-CN']}：一次导入一个订单报表和一个宝贝报表`,
        en: `“${before.name}” and “${file.name}” are both ${KIND_NAMES[kind].en}s; import one order report with one item report`,
      });
    }
    found[kind] = { name: file.name, records };
    for (const problem of problems) rejected.push({ file: file.name, ...problem });
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
