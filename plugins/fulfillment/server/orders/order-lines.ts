import { def, InputError, type JsonSchema, type PluginContext, type Transaction } from '@workbench/plugin-api';
import { CatalogToken } from '../tokens.js';
import type { CatalogSku } from '../types.js';

/** A line as a clerk types it: 商家编码, pieces, and the unit price in 分 when not the SKU's own. */
export interface LineInput {
  skuCode: string;
  quantity: number;
  price?: number;
}

/** A line matched to listings' SKU, ready to store. */
export interface ResolvedLine {
  skuId: number;
  skuCode: string;
  title: string;
  properties: string;
  quantity: number;
  price: number;
  /** A 满就送 gift line (price 0). */
  gift?: boolean;
  /** The SKU is a stub still to be completed in listings (no product, no price to promote). */
  stub?: boolean;
}

/** 颜色分类：黑色;尺码：XL — the way Taobao's item report writes a SKU's attributes. */
export const propertiesOf = (sku: CatalogSku) =>
  Object.entries(sku.attributes)
    .map(([k, v]) => `${k}：${v}`)
    .join(';');

/**
 * Looks every 商家编码 up in listings' catalog. An unknown code is a 400 naming each one, since
 * an order entered by hand must ship goods the shop actually has on its books.
 */
export async function resolveLines(ctx: PluginContext, lines: LineInput[], path = '/items'): Promise<ResolvedLine[]> {
  const catalog = ctx.services.get(CatalogToken);
  const codes = lines.map((l) => l.skuCode.trim());
  const found = await catalog.skusByCodes(codes);
  const unknown = [...new Set(codes.filter((c) => !found.has(c)))];
  if (unknown.length) {
    throw new InputError(
      {
        'zh-CN': `商家编码 ${unknown.join('、')} 在商品资料里找不到：请核对编码，或先在商品资料里建好这个 SKU`,
        en: `SKU code ${unknown.join(', ')} is not in the catalog: check the code, or create the SKU in listings first`,
      },
      { errors: codes.flatMap((c, i) => (found.has(c) ? [] : [{ path: `${path}/${i}/skuCode`, in: 'body', message: c }])) },
    );
  }
  const titles = new Map<number, string>();
  for (const sku of found.values()) {
    if (sku.productId !== null && !titles.has(sku.productId)) titles.set(sku.productId, (await catalog.product(sku.productId))?.title ?? '');
  }
  return lines.map((l, i) => {
    const sku = found.get(codes[i]!)!;
    return {
      skuId: sku.id,
      skuCode: sku.code,
      title: sku.productId === null ? '' : (titles.get(sku.productId) ?? ''),
      properties: propertiesOf(sku),
      quantity: l.quantity,
      price: l.price ?? sku.price,
      stub: sku.needsCompleting || sku.productId === null,
    };
  });
}

/** Replaces the order's lines (line keys 1, 2, …) and answers the goods total and piece count. */
export async function writeLines(tx: Transaction, orderId: number, lines: ResolvedLine[]): Promise<{ goodsTotal: number; itemCount: number }> {
  await tx.run('DELETE FROM fulfillment_order_items WHERE order_id = ?', [orderId]);
  let goodsTotal = 0;
  let itemCount = 0;
  for (const [i, l] of lines.entries()) {
    await tx.run(
      'INSERT INTO fulfillment_order_items (order_id, line_key, sku_id, sku_code, title, properties, quantity, price, gift) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [orderId, String(i + 1), l.skuId, l.skuCode, l.title, l.properties, l.quantity, l.price, l.gift ? 1 : 0],
    );
    goodsTotal += l.quantity * l.price;
    itemCount += l.quantity;
  }
  return { goodsTotal, itemCount };
}

/** The schema of one line in a body. */
export const lineSchema: JsonSchema = {
  type: 'object',
  properties: {
    skuCode: { type: 'string', minLength: 1, maxLength: 64, pattern: '\\S' },
    quantity: { type: 'integer', minimum: 1, maximum: 9999 },
    price: def('price'),
  },
  required: ['skuCode', 'quantity'],
  additionalProperties: false,
};
