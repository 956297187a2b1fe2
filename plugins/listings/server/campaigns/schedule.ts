import type { PluginContext, Transaction } from '@workbench/plugin-api';
import { InventoryToken } from '../tokens.js';
import { type CampaignRow, campaignStore } from './campaign-store.js';

export interface ScheduleRun {
  started: number[];
  ended: number[];
}

/** running → ended, with the event other areas listen to (e.g. to tell customer service). */
export async function endCampaign(ctx: PluginContext, tx: Transaction, campaignId: number, version?: number): Promise<void> {
  const now = ctx.now();
  if (version === undefined) {
    await tx.run("UPDATE listings_campaigns SET status = 'ended', ended_at = ?, updated_at = ?, version = version + 1 WHERE id = ?", [now, now, campaignId]);
  } else {
    await tx.updateVersioned('listings_campaigns', { id: campaignId, version }, { status: 'ended', ended_at: now, updated_at: now });
  }
  await ctx.events.emit('listings.campaign.ended', { campaignId });
}

/** Stock of the campaign's SKUs right now, when fulfillment's inventory runs; empty otherwise. */
async function stockNow(ctx: PluginContext, campaignId: number): Promise<Map<number, number>> {
  const inventory = ctx.services.optional(InventoryToken);
  if (!inventory) return new Map();
  const skus = await ctx.db.read(async (q) => campaignStore(q).skus(await campaignStore(q).productIds(campaignId)));
  return inventory.available(skus.map((s) => s.skuId));
}

/**
 * Starts scheduled campaigns whose start has come and ends running ones whose end has passed
 * (a campaign whose whole window went by while the workbench was off is started and ended in the
 * same run, so both events are still sent). Each campaign moves in its own transaction, so one
 * that fails does not hold the others back; the first failure is raised once all were tried.
 */
export async function runSchedule(ctx: PluginContext): Promise<ScheduleRun> {
  const now = Date.parse(ctx.now());
  const due = await ctx.db.read((q) =>
    q.all<CampaignRow>("SELECT * FROM listings_campaigns WHERE status IN ('scheduled', 'running') ORDER BY starts_at, id"),
  );
  const run: ScheduleRun = { started: [], ended: [] };
  let failure: unknown;
  for (const candidate of due) {
    const starting = candidate.status === 'scheduled' && Date.parse(candidate.starts_at) <= now;
    const ending = Date.parse(candidate.ends_at) <= now && (candidate.status === 'running' || starting);
    if (!starting && !ending) continue;
    try {
      // Asked before the transaction: another plugin's service must not hold up every other write.
      const stock = starting ? await stockNow(ctx, candidate.id) : new Map<number, number>();
      const moved = await ctx.db.transaction(async (tx) => {
        const row = await campaignStore(tx).row(candidate.id);
        if (!row || row.status !== candidate.status) return false;
        if (starting) {
          await tx.run("UPDATE listings_campaigns SET status = 'running', updated_at = ?, version = version + 1 WHERE id = ?", [ctx.now(), row.id]);
          for (const [skuId, qty] of stock) {
            await tx.run('INSERT OR REPLACE INTO listings_campaign_stock (campaign_id, sku_id, stock_at_start) VALUES (?, ?, ?)', [row.id, skuId, qty]);
          }
          await ctx.events.emit('listings.campaign.started', { campaignId: row.id });
        }
        if (ending) await endCampaign(ctx, tx, row.id);
        return true;
      });
      // Counted only once committed, so the answer never names a move that was rolled back.
      if (moved && starting) run.started.push(candidate.id);
      if (moved && ending) run.ended.push(candidate.id);
    } catch (error) {
      ctx.log.error('campaign could not move on schedule', { campaignId: candidate.id, error });
      failure ??= error;
    }
  }
  if (failure !== undefined) throw failure;
  return run;
}
