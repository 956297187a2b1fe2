import type { ImportRequest, Locale, LocalizedText, PluginContext } from '@workbench/plugin-api';
import { readChatFile } from './chat-file.js';
import { chatStore } from './chat-store.js';

/** What the browser shows after a chat log: counts, or every refused row and nothing imported. */
export interface ChatImportReport {
  imported: number;
  /** Lines already there (the same file sent twice, or an overlapping export). */
  skipped: number;
  rejected: { row: number; column: string; reason: string }[];
}

const inLocale = (text: LocalizedText, locale: Locale): string => (typeof text === 'string' ? text : (text[locale] ?? text['zh-CN']));

/**
 * The `chat-log` importer: 时间, 买家, 客服, 方向, 内容 per row, GBK or UTF-8. One refused row and
 * nothing is imported; lines already stored are skipped and counted.
 */
export function registerChatImport(ctx: PluginContext): void {
  ctx.importers.register('chat-log', async ({ file, actor, locale, progress, readHeader }: ImportRequest): Promise<ChatImportReport> => {
    // A header not declared in the columns asks the clerk which column is which, once per layout.
    const { rows, problems } = readChatFile(file.bytes, ctx.now().slice(-6), (cells, columns) => readHeader(cells, columns));
    const rejected = problems.map((p) => ({ row: p.row, column: p.column, reason: inLocale(p.reason, locale) }));
    if (rejected.length) return { imported: 0, skipped: 0, rejected };
    const message = { 'zh-CN': '条聊天记录', en: 'chat lines' };
    progress.report({ done: 0, total: rows.length, message });
    const imported = await ctx.db.transaction((tx) => chatStore(tx).addMany(rows, actor?.id ?? null, ctx.now()));
    progress.report({ done: rows.length, total: rows.length, message });
    return { imported, skipped: rows.length - imported, rejected: [] };
  });
}
