import type { CatalogView } from '../types.js';

/**
 * What the warehouse calls a SKU: the catalogue's product title with the SKU's options (colour,
 * size …) — `加绒卫衣 红色 M` — rather than the platform title a listing happened to carry, which
 * names the product but not which piece to take. Read from listings each time, so a renamed
 * product shows its new name at once. A SKU listings does not know (or a stub without a product)
 * has no name here: the caller shows the platform title instead.
 */
export async function catalogNames(catalog: CatalogView, skuIds: Iterable<number | null>): Promise<Map<number, string>> {
  const products = new Map<number, string>();
  const names = new Map<number, string>();
  for (const id of new Set(skuIds)) {
    if (id === null) continue;
    const sku = await catalog.skuById(id);
    if (!sku || sku.productId === null) continue;
    if (!products.has(sku.productId)) products.set(sku.productId, (await catalog.product(sku.productId))?.title ?? '');
    const title = products.get(sku.productId)!;
    if (!title) continue;
    names.set(id, [title, ...Object.values(sku.attributes).filter(Boolean)].join(' '));
  }
  return names;
}

/** Adds `catalogName` (null without one) to each line that has a `skuId`. */
export async function withCatalogNames<T extends { skuId: number | null }>(catalog: CatalogView, lines: T[]): Promise<(T & { catalogName: string | null })[]> {
  const names = await catalogNames(catalog, lines.map((l) => l.skuId));
  return lines.map((l) => ({ ...l, catalogName: l.skuId === null ? null : (names.get(l.skuId) ?? null) }));
}
