import { ConflictError, InputError, type Actor, type PluginContext } from '@workbench/plugin-api';
import { productStore, type ProductDetail } from '../catalog/product-store.js';
import type { Product } from '../types.js';
import { delistProduct, listProduct, moveProduct, requireVersion } from './moves.js';
import { isApprovedAwaitingSchedule } from './states.js';

/** The reason a scheduled 下架 carries in history and in `listings.product.delisted`. */
export const SCHEDULED_DELIST_REASON = '定时下架';

export interface ScheduleBody {
  version: number;
  /** Absent leaves it as it is; null clears it. */
  listAt?: string | null;
  delistAt?: string | null;
}

export interface ScheduleRunResult {
  listed: number[];
  delisted: number[];
  failed: { productId: number; message: string }[];
}

const due = (at: string | null, now: string) => at === null || Date.parse(at) <= Date.parse(now);

/**
 * Sets or clears the scheduled 上架/下架 times. A listing time never bypasses review: it only
 * holds an approved product back until then. A time already past counts as due at the next run.
 */
export function setSchedule(ctx: PluginContext, actor: Actor, id: number, body: ScheduleBody): Promise<ProductDetail> {
  return ctx.db.transaction(async (tx) => {
    const product = await productStore(tx).require(id);
    requireVersion(product, body.version);
    const pick = (given: string | null | undefined, current: string | null) => (given === undefined ? current : given === null ? null : ctx.shopTime(given));
    const listAt = pick(body.listAt, product.scheduledListAt);
    const delistAt = pick(body.delistAt, product.scheduledDelistAt);
    if (listAt !== null && product.status === 'listed') {
      throw new ConflictError({
        'zh-CN': `商品 #${id} 已经是「已上架」，不需要定时上架；要定时下架，只填下架时间即可`,
        en: `Product #${id} is already listed and needs no listing time; to delist it later, set only the delisting time`,
      });
    }
    if (listAt !== null && delistAt !== null && Date.parse(delistAt) <= Date.parse(listAt)) {
      throw new InputError(
        { 'zh-CN': '定时下架的时间要晚于定时上架的时间', en: 'The delisting time must come after the listing time' },
        { errors: [{ path: '/delistAt', in: 'body', message: '要晚于上架时间' }] },
      );
    }
    const note = `定时上架：${listAt ?? '无'}；定时下架：${delistAt ?? '无'}`;
    await moveProduct(ctx, tx, product, { action: 'schedule', actor, note, columns: { scheduled_list_at: listAt, scheduled_delist_at: delistAt } });
    return productStore(tx).requireDetail(id);
  });
}

/** Lists or delists one product if it is (still) due; answers what it did. */
async function runOne(ctx: PluginContext, id: number, actor: Actor | undefined): Promise<'listed' | 'delisted' | undefined> {
  return ctx.db.transaction(async (tx) => {
    // Read again inside the transaction: a person may have moved it since the candidates were read.
    const product: Product = await productStore(tx).require(id);
    const now = ctx.now();
    if (isApprovedAwaitingSchedule(product) && due(product.scheduledListAt, now)) {
      await listProduct(ctx, tx, product, { action: 'list', actor, note: product.scheduledListAt ? `定时上架（${product.scheduledListAt}）` : '定时上架' });
      return 'listed';
    }
    if (product.status === 'listed' && product.scheduledDelistAt !== null && due(product.scheduledDelistAt, now)) {
      await delistProduct(ctx, tx, product, { actor, reason: SCHEDULED_DELIST_REASON });
      return 'delisted';
    }
    return undefined;
  });
}

/**
 * Lists approved products whose 上架 time has come and delists listed ones whose 下架 time has.
 * Each product moves in its own transaction, so one that fails (say, a listener refuses) does not
 * hold back the others; failures are returned and logged.
 */
export async function runDueSchedules(ctx: PluginContext, actor?: Actor): Promise<ScheduleRunResult> {
  const candidates = await ctx.db.read((q) =>
    q.all<{ id: number }>(
      `SELECT id FROM listings_products
        WHERE (status = 'submitted' AND reviewed_at IS NOT NULL) OR (status = 'listed' AND scheduled_delist_at IS NOT NULL)
        ORDER BY id`,
    ),
  );
  const result: ScheduleRunResult = { listed: [], delisted: [], failed: [] };
  for (const { id } of candidates) {
    try {
      // A product due for both moves lists first; its delisting follows in the same run.
      for (let step = 0; step < 2; step++) {
        const moved = await runOne(ctx, id, actor);
        if (moved === undefined) break;
        result[moved].push(id);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      ctx.log.error('a scheduled listing move failed', { productId: id, error: message });
      result.failed.push({ productId: id, message });
    }
  }
  return result;
}
