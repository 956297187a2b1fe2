import type { Sku } from '@workbench/contracts/listings';
import { Turns, type PluginContext, type Queryable } from '@workbench/plugin-api';
import type { SuggestionSettings } from '../settings.js';
import { supplierItemStore, type SkuOffer } from '../suppliers/supplier-item-store.js';
import { CatalogToken, InventoryToken, OrdersToken } from '../tokens.js';
import { onOrderQuantities } from './on-order.js';
import { suggest, type SuggestResult } from './suggest-rules.js';

/** One SKU's reorder suggestion, with the figures behind it. */
export interface Suggestion extends SuggestResult {
  skuId: number;
  skuCode: string;
  productId: number;
  name: string;
  shipped: number;
  onHand: number;
  reserved: number;
  onOrder: number;
  leadTimeDays: number;
  minQuantity: number;
  isNew: boolean;
  supplier: { id: number; name: string; standing: SkuOffer['standing'] } | null;
  /** 分 a piece from the chosen supplier; null without one. */
  price: number | null;
  /** quantity × price, 分; null without a price. */
  amount: number | null;
}

export interface SuggestionRun {
  items: Suggestion[];
  /** The window of shipments the sales per day come from. */
  window: { from: string; to: string; days: number };
  settings: SuggestionSettings;
  /** False when fulfillment does not run: no stock, no sales, only new items' first batches. */
  fulfillment: boolean;
  /** SKUs left out because their product is delisted. */
  delisted: number;
}

/** The name a clerk knows a SKU by: product title and options. */
const skuName = (title: string, sku: Sku) => [title, ...Object.values(sku.attributes)].join(' ').trim();

/**
 * Reorder suggestions for every SKU of the catalogue that is not delisted and not a stub: sales per
 * day from fulfillment's shipped quantities, stock from its inventory, lead time and minimum from
 * the cheapest valid supplier offer, on order from the purchase orders.
 */
export async function reorderSuggestions(ctx: PluginContext, settings: SuggestionSettings, options: { all?: boolean; q: Queryable }): Promise<SuggestionRun> {
  const catalog = ctx.services.get(CatalogToken);
  const orders = ctx.services.optional(OrdersToken);
  const inventory = ctx.services.optional(InventoryToken);
  const turns = new Turns();

  const skus: Sku[] = [];
  for (let afterId = 0; ;) {
    const page = await catalog.skuPage({ afterId, limit: 1000 });
    skus.push(...page.filter((s) => !s.needsCompleting && s.productId !== null));
    if (page.length < 1000) break;
    afterId = page.at(-1)!.id;
  }
  const products = new Map<number, { title: string; delisted: boolean }>();
  for (const id of new Set(skus.map((s) => s.productId!))) {
    await turns.pause();
    const product = await catalog.product(id);
    if (product) products.set(id, { title: product.title, delisted: product.status === 'delisted' });
  }
  const live = skus.filter((s) => products.get(s.productId!)?.delisted === false);

  const now = ctx.now();
  const from = ctx.shopTime(Date.parse(now) - settings.windowDays * 86_400_000);
  const ids = live.map((s) => s.id);
  const codes = live.map((s) => s.code);
  const [shipped, onHand, reserved, offers, onOrder] = await Promise.all([
    orders ? orders.shippedQuantities(ids, from, now) : Promise.resolve(new Map<number, number>()),
    inventory ? inventory.onHand(ids) : Promise.resolve(new Map<number, number>()),
    inventory ? inventory.reserved(ids) : Promise.resolve(new Map<number, number>()),
    supplierItemStore(options.q).offers(codes, now.slice(0, 10)),
    onOrderQuantities(options.q, codes),
  ]);

  const items: Suggestion[] = [];
  for (const sku of live) {
    await turns.pause();
    const offer = offers.get(sku.code)?.[0];
    const figures = {
      shipped: shipped.get(sku.id) ?? 0,
      onHand: onHand.get(sku.id) ?? 0,
      reserved: reserved.get(sku.id) ?? 0,
      onOrder: onOrder.get(sku.code) ?? 0,
      leadTimeDays: offer?.leadTimeDays ?? settings.defaultLeadTimeDays,
      minQuantity: offer?.minQuantity ?? 1,
    };
    // Never stocked (absent from inventory), never shipped, nothing coming: its first batch.
    const isNew = inventory !== undefined && !onHand.has(sku.id) && figures.shipped === 0 && figures.onOrder === 0;
    const result = suggest({ ...figures, windowDays: settings.windowDays, safetyDays: settings.safetyDays, leadTimeFrom: offer ? 'supplier' : 'setting', isNew, firstBatchMax: settings.firstBatchMax });
    if (result.quantity === 0 && !options.all) continue;
    items.push({
      ...result,
      ...figures,
      skuId: sku.id,
      skuCode: sku.code,
      productId: sku.productId!,
      name: skuName(products.get(sku.productId!)!.title, sku),
      isNew,
      supplier: offer ? { id: offer.supplierId, name: offer.supplierName, standing: offer.standing } : null,
      price: offer?.price ?? null,
      amount: offer ? offer.price * result.quantity : null,
    });
  }
  // Soonest out of stock first; new items (no pace yet) after those that sell, then by code.
  items.sort((a, b) => (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) || b.quantity - a.quantity || a.skuCode.localeCompare(b.skuCode));
  return { items, window: { from, to: now, days: settings.windowDays }, settings, fulfillment: inventory !== undefined && orders !== undefined, delisted: skus.length - live.length };
}
