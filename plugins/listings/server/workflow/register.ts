import type { PluginContext } from '@workbench/plugin-api';
import { addWorkflowRoutes } from './routes.js';
import { runDueSchedules } from './schedule.js';
import { addWorkflowSchemas } from './schemas.js';

/**
 * The listing workflow: draft → 待审核 → 已上架 → 已下架, the review by a second person, the
 * checklist, and the every-minute job that carries out scheduled 上架/下架.
 */
export function registerWorkflow(ctx: PluginContext): void {
  addWorkflowSchemas(ctx);
  addWorkflowRoutes(ctx);
  ctx.jobs.schedule({
    id: 'schedule',
    title: { 'zh-CN': '定时上下架', en: 'Scheduled listing and delisting' },
    schedule: { every: '1m' },
    run: async ({ log }) => {
      const result = await runDueSchedules(ctx);
      if (result.listed.length || result.delisted.length) log.info('scheduled moves done', { listed: result.listed.length, delisted: result.delisted.length });
      // The run is recorded as failed so GET /api/jobs shows that some product did not move.
      if (result.failed.length) throw new Error(`${result.failed.length} scheduled moves failed: ${result.failed.map((f) => `#${f.productId} ${f.message}`).join('; ')}`);
    },
  });
}
