// The seller's answer deadline: warn when 48 h and 24 h are left (settings), once per mark.
import type { PluginContext } from '@workbench/plugin-api';
import { caseNo } from './case-record.js';
import { caseStore } from './case-store.js';
import { settingsOf } from './settings.js';

export function scheduleDeadlineWarnings(ctx: PluginContext): void {
  const settings = settingsOf(ctx);
  ctx.jobs.schedule({
    id: 'answer-deadlines',
    title: { 'zh-CN': '售后处理时限提醒', en: 'After-sales answer deadline warnings' },
    schedule: { every: '1h' },
    run: async () => {
      const now = ctx.now();
      // Widest mark first, so a case first seen with 20 h left gets both, in order.
      const marks = [...settings().warnHoursLeft].sort((a, b) => b - a);
      await ctx.db.transaction(async (tx) => {
        const store = caseStore(tx);
        for (const hours of marks) {
          for (const due of await store.dueForWarning(hours, now)) {
            await store.recordWarning(due.id, hours, now);
            ctx.log.warn('after-sales case nearing its answer deadline', { caseNo: caseNo(due.id), orderNo: due.orderNo, dueAt: due.dueAt, hoursLeft: hours });
          }
        }
      });
    },
  });
}
