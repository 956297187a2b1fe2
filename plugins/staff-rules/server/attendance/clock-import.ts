import { type ImportRequest, type PluginContext } from '@workbench/plugin-api';
import { staffStore } from '../staff/staff-store.js';
import { inLocale } from './attendance-routes.js';
import { readClockFile, type StaffByCode } from './clock-file.js';
import { clockStore } from './clock-store.js';

/** What the browser shows after a time clock's file: counts, or every refused row and nothing imported. */
export interface ClockImportReport {
  imported: number;
  /** Rows already there (the same file sent twice, or a clock repeated within it). */
  skipped: number;
  rejected: { row: number; column: string; reason: string }[];
}

/**
 * The `time-clock` importer: 工号 and 时间 per row (a day column beside a bare time is read too),
 * GBK or UTF-8. One refused row and nothing is imported.
 */
export function registerClockImport(ctx: PluginContext): void {
  ctx.importers.register('time-clock', async ({ file, actor, locale, progress }: ImportRequest): Promise<ClockImportReport> => {
    const staff: StaffByCode = new Map((await ctx.db.read((q) => staffStore(q).list({ includeLeft: true }))).map((m) => [m.code, { id: m.id, leftOn: m.leftOn }]));
    const { rows, problems } = readClockFile(file.bytes, staff, ctx.now().slice(-6));
    const rejected = problems.map((p) => ({ row: p.row, column: p.column, reason: inLocale(p.reason, locale) }));
    if (rejected.length) return { imported: 0, skipped: 0, rejected };
    progress.report({ done: 0, total: rows.length, message: { 'zh-CN': '条打卡记录', en: 'clocks' } });
    const imported = await ctx.db.transaction((tx) => clockStore(tx).addMany(rows, actor?.id ?? null, ctx.now()));
    progress.report({ done: rows.length, total: rows.length, message: { 'zh-CN': '条打卡记录', en: 'clocks' } });
    return { imported, skipped: rows.length - imported, rejected: [] };
  });
}
