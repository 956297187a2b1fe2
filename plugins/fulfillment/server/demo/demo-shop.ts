import type { PluginContext, Transaction } from '@workbench/plugin-api';
import type { WaveClass } from '../../shared/state-names.js';
import { CatalogToken } from '../tokens.js';
import type { CatalogSku } from '../types.js';
import type { StockOps } from '../warehouse/stock-ops.js';
import { DEMO_STAFF, writeDemoOrder } from './demo-orders.js';
import { seeded } from './demo-people.js';
import { demoPlans, type DemoPlan } from './demo-plans.js';
import { fillWarehouse, type DemoBin } from './demo-warehouse.js';

/** Every SKU of the catalog that belongs to a product (stubs have none). */
async function catalogSkus(ctx: PluginContext): Promise<CatalogSku[]> {
  const catalog = ctx.services.get(CatalogToken);
  const all: CatalogSku[] = [];
  for (let page = await catalog.skuPage({ limit: 1000 }); page.length; page = await catalog.skuPage({ afterId: page.at(-1)!.id, limit: 1000 })) {
    all.push(...page.filter((s) => s.productId !== null));
  }
  return all;
}

function classOf(plan: DemoPlan, bins: Map<number, DemoBin>): WaveClass {
  if (plan.lines.length === 1) return 'single';
  return new Set(plan.lines.map((l) => bins.get(l.sku.id)?.zone)).size === 1 ? 'multi-one-zone' : 'multi-cross-zone';
}

async function writeWave(tx: Transaction, waveNo: string, status: 'picking' | 'picked', members: { id: number; plan: DemoPlan }[], bins: Map<number, DemoBin>, createdAt: string, pickedAt: string | null) {
  const { lastId: waveId } = await tx.run(
    'INSERT INTO fulfillment_waves (wave_no, status, created_by_name, created_at, picked_at) VALUES (?, ?, ?, ?, ?)',
    [waveNo, status, DEMO_STAFF.pick.name, createdAt, pickedAt],
  );
  for (const [slot, m] of members.entries()) {
    await tx.run('INSERT INTO fulfillment_wave_orders (wave_id, order_id, class, bulk_pick, slot) VALUES (?, ?, ?, 0, ?)', [waveId, m.id, classOf(m.plan, bins), slot + 1]);
    await tx.run('UPDATE fulfillment_orders SET wave_id = ? WHERE id = ?', [waveId, m.id]);
  }
}

/**
 * The demo shop's warehouse and orders, on top of listings' demo catalog: locations and stock for
 * every SKU, a month of shipped orders, then about 200 orders in every state (exceptions, a fraud case, unpaid ones, 新疆 and 西藏
 * addresses for the courier rules), a wave being picked, a wave picked and partly verified, and
 * the monthly stocktake due with a count started in zone C.
 */
export function registerDemoShop(ctx: PluginContext, stock: StockOps): void {
  ctx.demo.register((tx, { now }) => stock.batch(() => fillDemo(ctx, stock, tx, now)));
}

async function fillDemo(ctx: PluginContext, stock: StockOps, tx: Transaction, now: string): Promise<void> {
  const skus = await catalogSkus(ctx);
  if (skus.length < 10) return; // without listings' demo catalog there is nothing to sell
  const random = seeded(20261111);
  const empty = skus.slice(-3);
  const low = new Set(skus.slice(-7, -3).map((s) => s.id));
  const stocked = skus.slice(0, -3);
  const { sku: stub } = await ctx.services.get(CatalogToken).ensureSku('XW23K009-GY-L', { title: '旧款灰色卫衣 L 码', tx });
  const plans = demoPlans(random, stocked, empty, stub);

  // What the orders that reach the warehouse will reserve or take, so the opening stock covers it.
  const demand = new Map<number, number>();
  for (const plan of plans) {
    if (!['approved', 'picked', 'verified', 'shipped'].includes(plan.status)) continue;
    for (const l of plan.lines) demand.set(l.sku.id, (demand.get(l.sku.id) ?? 0) + l.qty);
  }
  // The opening stock came in before the month of orders that took from it.
  const opening = ctx.shopTime(Date.parse(now) - 31 * 86_400_000);
  const bins = await fillWarehouse(tx, stock, skus, demand, { now: opening, by: { id: null, name: '老周（仓管）' }, lowSkuIds: low, emptySkuIds: new Set(empty.map((s) => s.id)), random });

  const written: { id: number; plan: DemoPlan }[] = [];
  for (const plan of plans) written.push({ id: await writeDemoOrder(tx, { ctx, stock }, plan, now), plan });

  const day = now.slice(0, 10).replaceAll('-', '');
  const at = (hours: number) => ctx.shopTime(Date.parse(now) - hours * 3_600_000);
  await writeWave(tx, `BC${day}0001`, 'picked', written.filter((w) => w.plan.wave === 2), bins, at(4), at(3));
  await writeWave(tx, `BC${day}0002`, 'picking', written.filter((w) => w.plan.wave === 1), bins, at(0.5), null);

  // The monthly stocktake: the reminder is out and zone C's count sheet is started.
  const month = now.slice(0, 7);
  await tx.run('INSERT INTO fulfillment_reminders (kind, period, message, created_at) VALUES (?, ?, ?, ?)', ['stocktake', month, `${month} 月度盘点：请在月底前盘完各区库存，差异写明原因`, at(2)]);
  const { lastId: takeId } = await tx.run("INSERT INTO fulfillment_stocktakes (zone, status, created_by_name, created_at) VALUES ('C', 'counting', ?, ?)", ['老周（仓管）', at(1)]);
  await tx.run(
    `INSERT INTO fulfillment_stocktake_lines (stocktake_id, location_id, sku_id, book_qty)
     SELECT ?, s.location_id, s.sku_id, s.qty FROM fulfillment_stock s JOIN fulfillment_locations l ON l.id = s.location_id WHERE l.zone = 'C'`,
    [takeId],
  );
}
