import type { Locale, PluginContext } from '@workbench/plugin-api';
import type { WaveClass } from '../../shared/state-names.js';
import type { OrderRow } from '../orders/order-record.js';
import { fulfillmentSettings } from '../settings.js';
import { courierChoiceFor } from '../shipping/ship-order.js';
import { CANDIDATE, placeOrders, QUEUE, type CandidateRow } from './wave-create.js';
import type { SkippedOrder } from './wave-types.js';

/** An order a new wave could take, as the preview lists it. */
export interface PreviewOrder {
  orderId: number;
  orderNo: string;
  class: WaveClass;
  courier: string | null;
  courierName: string | null;
  pieces: number;
  priority: number;
  placedAt: string;
}

export interface WavePreview {
  /** `waves.maxOrdersPerWave`: how many one wave takes. */
  max: number;
  orders: PreviewOrder[];
  skipped: SkippedOrder[];
  classes: Record<WaveClass, number>;
  couriers: { code: string | null; name: string | null; count: number }[];
}

/** At most this many waiting orders are looked at: a preview is for choosing, not for paging. */
const LOOKED_AT = 2000;

/**
 * What 新建波次 would take, before anything is made: the approved orders outside a wave in queue
 * order, each with its class and the courier the rules choose, counted by class and by courier,
 * and those that cannot be picked with the reason. The clerk chooses which go (POST /waves with
 * `orderIds`); nothing here is held, so the wave is checked afresh when made.
 */
export async function previewWave(ctx: PluginContext, locale: Locale): Promise<WavePreview> {
  const settings = fulfillmentSettings(ctx);
  return ctx.db.read(async (q) => {
    const candidates = await q.all<CandidateRow>(`${CANDIDATE} WHERE o.status = 'approved' AND o.wave_id IS NULL ${QUEUE} LIMIT ${LOOKED_AT}`);
    const { members, skipped } = await placeOrders(q, candidates, candidates.length, locale);
    const rows = new Map(
      (await q.all<OrderRow>('SELECT * FROM fulfillment_orders WHERE id IN (SELECT value FROM json_each(?))', [JSON.stringify(members.map((m) => m.order.id))])).map((r) => [r.id, r]),
    );
    const orders: PreviewOrder[] = members.map((m) => {
      const row = rows.get(m.order.id)!;
      const courier = courierChoiceFor(settings, row).courier;
      return { orderId: row.id, orderNo: row.order_no, class: m.class, courier: courier?.code ?? null, courierName: courier?.name ?? null, pieces: row.item_count, priority: row.priority, placedAt: row.placed_at };
    });
    const classes: Record<WaveClass, number> = { single: 0, 'multi-one-zone': 0, 'multi-cross-zone': 0 };
    const couriers = new Map<string | null, { code: string | null; name: string | null; count: number }>();
    for (const o of orders) {
      classes[o.class]++;
      const c = couriers.get(o.courier) ?? { code: o.courier, name: o.courierName, count: 0 };
      c.count++;
      couriers.set(o.courier, c);
    }
    return { max: settings.waves.maxOrdersPerWave, orders, skipped, classes, couriers: [...couriers.values()].sort((a, b) => b.count - a.count) };
  });
}
