import type { PluginContext } from '@workbench/plugin-api';
import { scorecardStore } from '../scorecard/scorecard-store.js';
import { settingsOf } from '../settings.js';
import { supplierItemStore } from '../suppliers/supplier-item-store.js';
import { supplierStore } from '../suppliers/supplier-store.js';
import { CatalogToken } from '../tokens.js';
import { fillDemoOrders, type DemoSupplier } from './demo-orders.js';

/** The demo shop's suppliers: who they are, what they offer at what price. */
const SUPPLIERS = [
  { name: '义乌织梦服饰有限公司', contact: '王经理', phone: '13957900001', categories: ['睡衣', '家居服'], leadTimeDays: 5, paymentTerms: '月结 30 天', cost: 1.0, min: 10 },
  { name: '杭州四季青暖绒厂', contact: '陈姐', phone: '13857100002', categories: ['睡衣', '珊瑚绒'], leadTimeDays: 3, paymentTerms: '款到发货', cost: 1.08, min: 5 },
  { name: '广州白马档口 138 号', contact: '阿强', phone: '13602000003', categories: ['家居服', '配饰'], leadTimeDays: 7, paymentTerms: '现结', cost: 0.95, min: 20 },
];

/**
 * On top of listings' demo catalogue: three suppliers with price lists for most SKUs (valid to the
 * end of next year), and a scorecard on the last one — late, short, two failed inspections: 60 points,
 * so its new orders wait for the owner; then the month's purchase orders (demo-orders.ts).
 */
export function registerDemo(ctx: PluginContext): void {
  ctx.demo.register(async (tx, { now }) => {
    const catalog = ctx.services.get(CatalogToken);
    const skus = [];
    for (let page = await catalog.skuPage({ limit: 1000 }); page.length; page = await catalog.skuPage({ afterId: page.at(-1)!.id, limit: 1000 })) {
      skus.push(...page.filter((s) => s.productId !== null && !s.needsCompleting));
    }
    const validUntil = `${Number(now.slice(0, 4)) + 1}-12-31`;
    const suppliers = supplierStore(tx);
    const items = supplierItemStore(tx);
    const made = [];
    const offers: DemoSupplier[] = [];
    for (const [n, s] of SUPPLIERS.entries()) {
      const supplier = await suppliers.add(s, now);
      made.push(supplier);
      const offer: DemoSupplier = { id: supplier.id, items: [] };
      offers.push(offer);
      // Each offers two SKUs in three, so some SKUs have a choice and a few have none.
      for (const [i, sku] of skus.entries()) {
        if ((i + n) % 3 === 2) continue;
        const price = Math.round((sku.cost || 3000) * s.cost);
        await items.put(supplier.id, { skuCode: sku.code, price, minQuantity: s.min, validUntil }, now);
        offer.items.push({ skuId: sku.id, skuCode: sku.code, barcode: sku.barcode, title: [sku.code, ...Object.values(sku.attributes)].join(' '), price });
      }
    }
    const scorecard = scorecardStore(tx, settingsOf(ctx)().scorecard);
    const last = made.at(-1)!;
    for (const [kind, reference] of [['late-delivery', 'PO-DEMO-01'], ['short-delivery', 'PO-DEMO-01'], ['quality-failure', 'PO-DEMO-02'], ['quality-failure', 'PO-DEMO-03']] as const) {
      await scorecard.recordBreach(last.id, { kind, reference, source: 'receiving' }, now);
    }
    await fillDemoOrders(ctx, tx, offers, now, ctx.demo.owner());
  });
}
