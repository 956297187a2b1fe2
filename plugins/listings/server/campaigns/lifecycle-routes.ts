import { ConflictError, type PluginContext } from '@workbench/plugin-api';
import { campaignStore } from './campaign-store.js';
import { assertStatus } from './campaign-status.js';
import { stackingPolicy } from '../promotions/settings.js';
import { CAMPAIGN_SCHEMAS } from './campaign-schemas.js';
import { def, ID_PARAMS, ref } from '../shared/schema-refs.js';
import { runChecks } from './checks/run-checks.js';
import { endCampaign, runSchedule, type ScheduleRun } from './schedule.js';
import type { Campaign, CampaignChecks } from './campaign-types.js';

const PERMISSION = 'listings.campaigns.run';
const VERSION_BODY = { type: 'object', properties: { version: def('version') }, required: ['version'], additionalProperties: false };

/** Pre-launch checks, scheduling, the schedule job and ending a campaign early. */
export function addLifecycleRoutes(ctx: PluginContext): void {
  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, CampaignChecks>({
    method: 'get',
    path: '/campaigns/:id/checks',
    permission: PERMISSION,
    summary: { 'zh-CN': '上线前检查（时限、页面、优惠券、优惠叠加）', en: 'Pre-launch checks (window, pages, coupons, stacking)' },
    params: ID_PARAMS,
    response: ref(CAMPAIGN_SCHEMAS.checks),
    handler: ({ params }) => ctx.db.read(async (q) => runChecks(q, await campaignStore(q).require(params.id), stackingPolicy(ctx), ctx.now())),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { version: number }, Campaign>({
    method: 'post',
    path: '/campaigns/:id/schedule',
    permission: PERMISSION,
    summary: { 'zh-CN': '排期（上线前检查须全部通过）', en: 'Schedule (every pre-launch check must pass)' },
    params: ID_PARAMS,
    body: VERSION_BODY,
    response: ref(CAMPAIGN_SCHEMAS.campaign),
    action: 'schedule campaign',
    handler: ({ params, body, locale }) =>
      ctx.db.transaction(async (tx) => {
        const campaign = await campaignStore(tx).require(params.id);
        assertStatus(campaign, ['checked'], { 'zh-CN': '排期', en: 'be scheduled' });
        const result = await runChecks(tx, campaign, stackingPolicy(ctx), ctx.now());
        const failing = result.checks.filter((c) => !c.passed);
        if (failing.length > 0) {
          const zh = failing.map((c) => c.title['zh-CN']).join('、');
          const en = failing.map((c) => c.title.en).join(', ');
          throw new ConflictError(
            { 'zh-CN': `还有 ${failing.length} 项上线前检查没通过：${zh}。处理好再排期`, en: `${failing.length} pre-launch check(s) failed: ${en}. Fix them, then schedule` },
            {
              errors: failing.map((c) => ({
                path: `/checks/${c.id}`,
                message: c.details.map((d) => (typeof d.message === 'string' ? d.message : locale === 'en' ? d.message.en ?? d.message['zh-CN'] : d.message['zh-CN'])).join('；'),
              })),
            },
          );
        }
        await tx.updateVersioned('listings_campaigns', { id: params.id, version: body.version }, { status: 'scheduled', updated_at: ctx.now() });
        return campaignStore(tx).require(params.id);
      }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { version: number }, Campaign>({
    method: 'post',
    path: '/campaigns/:id/unschedule',
    permission: PERMISSION,
    summary: { 'zh-CN': '取消排期（开始前），回到“价格已核对”', en: 'Unschedule (before the start), back to prices checked' },
    params: ID_PARAMS,
    body: VERSION_BODY,
    response: ref(CAMPAIGN_SCHEMAS.campaign),
    action: 'unschedule campaign',
    handler: ({ params, body }) =>
      ctx.db.transaction(async (tx) => {
        assertStatus(await campaignStore(tx).require(params.id), ['scheduled'], { 'zh-CN': '取消排期', en: 'be unscheduled' });
        await tx.updateVersioned('listings_campaigns', { id: params.id, version: body.version }, { status: 'checked', updated_at: ctx.now() });
        return campaignStore(tx).require(params.id);
      }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { version: number }, Campaign>({
    method: 'post',
    path: '/campaigns/:id/end',
    permission: PERMISSION,
    summary: { 'zh-CN': '提前结束进行中的活动', en: 'End a running campaign early' },
    params: ID_PARAMS,
    body: VERSION_BODY,
    response: ref(CAMPAIGN_SCHEMAS.campaign),
    action: 'end campaign',
    handler: ({ params, body }) =>
      ctx.db.transaction(async (tx) => {
        const campaign = await campaignStore(tx).require(params.id);
        assertStatus(campaign, ['running'], { 'zh-CN': '结束', en: 'be ended' });
        await endCampaign(ctx, tx, params.id, body.version);
        return campaignStore(tx).require(params.id);
      }),
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, undefined, ScheduleRun>({
    method: 'post',
    path: '/campaigns/run-schedule',
    permission: PERMISSION,
    summary: { 'zh-CN': '立即按时间开始或结束活动（与定时任务相同）', en: 'Start and end campaigns that are due now (what the job does)' },
    response: ref(CAMPAIGN_SCHEMAS.schedule),
    action: 'run campaign schedule',
    handler: () => runSchedule(ctx),
  });

  ctx.jobs.schedule({
    id: 'campaign-schedule',
    title: { 'zh-CN': '按时开始和结束活动', en: 'Start and end campaigns on time' },
    schedule: { every: '1m' },
    run: async ({ log }) => {
      const run = await runSchedule(ctx);
      if (run.started.length || run.ended.length) log.info('campaigns moved', { started: run.started.join(','), ended: run.ended.join(',') });
    },
  });
}
