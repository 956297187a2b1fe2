import { InputError, type PluginContext, type Queryable } from '@workbench/plugin-api';
import { CatalogToken } from '../tokens.js';
import type { PoInput } from './order-model.js';

/** A line as a clerk gives it: the SKU by 商家编码; the price from the supplier's list when left out. */
export interface LineInput {
  skuCode: string;
  qty: number;
  price?: number;
  expectedDate?: string | null;
}

/**
 * The order's lines with the catalog's SKU and a readable title, and each price from the
 * supplier's valid price list unless given. Every unknown code and missing price is named at once.
 */
export async function resolveLines(ctx: PluginContext, q: Queryable, supplierId: number, lines: readonly LineInput[], day: string): Promise<PoInput['lines']> {
  const catalog = ctx.services.get(CatalogToken);
  const skus = await catalog.skusByCodes(lines.map((l) => l.skuCode.trim()));
  const prices = await q.all<{ skuCode: string; price: number }>(
    `SELECT sku_code AS skuCode, price FROM procurement_supplier_items WHERE supplier_id = ? AND (valid_until IS NULL OR valid_until >= ?)`,
    [supplierId, day],
  );
  const priceOf = new Map(prices.map((p) => [p.skuCode, p.price]));
  const problems: { path: string; in: 'body'; message: string }[] = [];
  const unknown: string[] = [];
  const unpriced: string[] = [];
  const out: PoInput['lines'] = [];
  for (const [i, line] of lines.entries()) {
    const code = line.skuCode.trim();
    const sku = skus.get(code);
    if (!sku) {
      unknown.push(code);
      problems.push({ path: `/lines/${i}/skuCode`, in: 'body', message: 'unknown' });
      continue;
    }
    const price = line.price ?? priceOf.get(code);
    if (price === undefined) {
      unpriced.push(code);
      problems.push({ path: `/lines/${i}/price`, in: 'body', message: 'required' });
      continue;
    }
    const product = sku.productId ? await catalog.product(sku.productId) : undefined;
    const attrs = Object.values(sku.attributes).join(' ');
    out.push({ skuId: sku.id, skuCode: sku.code, barcode: sku.barcode, title: [product?.title ?? sku.code, attrs].filter(Boolean).join(' '), qty: line.qty, price, expectedDate: line.expectedDate ?? null });
  }
  if (problems.length > 0) {
    const zh = [unknown.length ? `商品资料里没有这些商家编码：${unknown.join('、')}` : '', unpriced.length ? `这些商品该供应商没有有效报价，请填单价：${unpriced.join('、')}` : ''].filter(Boolean).join('；');
    const en = [unknown.length ? `these SKU codes are not in the catalog: ${unknown.join(', ')}` : '', unpriced.length ? `the supplier has no valid price for these, so give one: ${unpriced.join(', ')}` : ''].filter(Boolean).join('; ');
    throw new InputError({ 'zh-CN': zh, en: en.charAt(0).toUpperCase() + en.slice(1) }, { errors: problems });
  }
  return out;
}
