import { InputError, type PluginContext } from '@workbench/plugin-api';
import { CatalogToken } from '../tokens.js';
import type { CatalogSku } from '../types.js';

/** A SKU as warehouse answers and printables name it. */
export interface SkuName {
  code: string;
  title: string;
}

/**
 * SKU codes and product titles from listings' catalog, for the SKU ids a page of answers holds.
 * The warehouse keeps only SKU ids, so a code renamed in listings shows its new name at once.
 */
export async function skuNames(ctx: PluginContext, skuIds: Iterable<number>): Promise<Map<number, SkuName>> {
  const catalog = ctx.services.get(CatalogToken);
  const names = new Map<number, SkuName>();
  const titles = new Map<number, string>();
  for (const id of new Set(skuIds)) {
    const sku = await catalog.skuById(id);
    if (!sku) {
      names.set(id, { code: `#${id}`, title: '' });
      continue;
    }
    names.set(id, { code: sku.code, title: await productTitle(ctx, sku, titles) });
  }
  return names;
}

async function productTitle(ctx: PluginContext, sku: CatalogSku, cache: Map<number, string>): Promise<string> {
  if (sku.productId === null) return '';
  if (!cache.has(sku.productId)) cache.set(sku.productId, (await ctx.services.get(CatalogToken).product(sku.productId))?.title ?? '');
  return cache.get(sku.productId)!;
}

/** The catalog's SKU for a 商家编码, or a 400 naming the code and where it was written. */
export async function requireSkuByCode(ctx: PluginContext, code: string, path: string): Promise<CatalogSku> {
  const sku = await ctx.services.get(CatalogToken).skuByCode(code);
  if (!sku) {
    throw new InputError(
      { 'zh-CN': `商家编码 ${code} 在商品资料里找不到：请先在商品中建好这个 SKU，或检查编码是否写错`, en: `No SKU with code ${code} in the catalog: create it in listings first, or check the code` },
      { errors: [{ path, in: 'body', message: code }] },
    );
  }
  return sku;
}

/** The catalog's SKU for an id, or a 400 saying the SKU is unknown. */
export async function requireSkuById(ctx: PluginContext, id: number, path: string): Promise<CatalogSku> {
  const sku = await ctx.services.get(CatalogToken).skuById(id);
  if (!sku) {
    throw new InputError(
      { 'zh-CN': `SKU ${id} 在商品资料里找不到，请检查`, en: `SKU ${id} is not in the catalog; check it` },
      { errors: [{ path, in: 'body', message: String(id) }] },
    );
  }
  return sku;
}
