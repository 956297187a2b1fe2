import { ID_PARAMS, NotFoundError, ref, type Disposable, type PluginContext, type Transaction } from '@workbench/plugin-api';
import { fulfillmentSettings } from '../settings.js';
import { WAREHOUSE_SCHEMAS } from './schemas.js';

export interface Reminder {
  id: number;
  kind: string;
  period: string;
  message: string;
  createdAt: string;
  dismissedAt: string | null;
}

const COLUMNS = 'id, kind, period, message, created_at AS createdAt, dismissed_at AS dismissedAt';

/** The month's stocktake reminder; a second run in the same month leaves the first one as it is. */
export async function remindStocktake(tx: Transaction, now: string): Promise<void> {
  const period = now.slice(0, 7);
  const month = Number(period.slice(5, 7));
  await tx.run(
    'INSERT INTO fulfillment_reminders (kind, period, message, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (kind, period) DO NOTHING',
    ['stocktake', period, `${month} 月盘点：请在月底前逐区盘点，账面与实物不符的库位写明原因后过账`, now],
  );
}

/**
 * The reminder job on the settings' day at 09:00. A cron is fixed when scheduled, so a changed day
 * schedules the job again; a month missed while the workbench was off is reminded at the next start.
 */
function scheduleStocktakeReminder(ctx: PluginContext, day: number): Disposable {
  return ctx.jobs.schedule({
    id: 'stocktake-reminder',
    title: { 'zh-CN': '月度盘点提醒', en: 'Monthly stocktake reminder' },
    schedule: { cron: `0 9 ${day} * *` },
    run: async ({ log }) => {
      await ctx.db.transaction((tx) => remindStocktake(tx, ctx.now()));
      log.info('stocktake reminder', { period: ctx.now().slice(0, 7) });
    },
  });
}

/** The monthly stocktake reminder (盘点 at month end), its list and dismissal. */
export function registerReminders(ctx: PluginContext): void {
  let day = fulfillmentSettings(ctx).stocktake.reminderDay;
  let job = scheduleStocktakeReminder(ctx, day);
  ctx.settings.onDidChange(() => {
    const next = fulfillmentSettings(ctx).stocktake.reminderDay;
    if (next === day) return;
    job.dispose();
    day = next;
    job = scheduleStocktakeReminder(ctx, day);
  });

  ctx.routes.add<Record<string, string>, { all?: boolean }, undefined, { items: Reminder[] }>({
    method: 'get',
    path: '/reminders',
    permission: 'fulfillment.stock.read',
    summary: { 'zh-CN': '待处理的提醒（如月度盘点）', en: 'Open reminders (e.g. the monthly stocktake)' },
    description: { 'zh-CN': 'all=true 连已关闭的一起列出', en: 'all=true includes dismissed ones' },
    query: { type: 'object', properties: { all: { type: 'boolean', default: false } } },
    response: { type: 'object', properties: { items: { type: 'array', items: ref(WAREHOUSE_SCHEMAS.reminder) } }, required: ['items'] },
    handler: async ({ query }) => ({
      items: await ctx.db.read((q) => q.all<Reminder>(`SELECT ${COLUMNS} FROM fulfillment_reminders ${query.all ? '' : 'WHERE dismissed_at IS NULL'} ORDER BY id DESC LIMIT 100`)),
    }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, Reminder>({
    method: 'post',
    path: '/reminders/:id/dismiss',
    permission: 'fulfillment.stock.manage',
    summary: { 'zh-CN': '关闭提醒', en: 'Dismiss a reminder' },
    params: ID_PARAMS,
    response: ref(WAREHOUSE_SCHEMAS.reminder),
    action: 'dismiss reminder',
    handler: ({ params }) =>
      ctx.db.transaction(async (tx) => {
        await tx.run('UPDATE fulfillment_reminders SET dismissed_at = COALESCE(dismissed_at, ?) WHERE id = ?', [ctx.now(), params.id]);
        const row = await tx.get<Reminder>(`SELECT ${COLUMNS} FROM fulfillment_reminders WHERE id = ?`, [params.id]);
        if (!row) throw new NotFoundError({ 'zh-CN': '提醒不存在', en: 'No such reminder' });
        return row;
      }),
  });
}
