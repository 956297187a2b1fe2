import { csvText, encodeCsv, type PluginContext, type Queryable } from '@workbench/plugin-api';
import { categoryStore } from './category-store.js';
import { CSV_HEADER } from './csv-columns.js';
import { yuan } from '../shared/money.js';
import { productWhere, type ProductFilter } from './product-list.js';
import type { ProductRow, SkuRow } from './product-store.js';
import { exportQuery } from './query-schemas.js';

const cellOf = (value: string | number | null | undefined) => (value === null || value === undefined ? '' : String(value));

/**
 * The CSV text of the products the filter selects: one row per SKU, a product without SKUs on a
 * row of its own. Every cell goes out safe for Excel (long digits as text, formulas defused).
 */
export async function productsCsv(q: Queryable, filter: ProductFilter): Promise<string> {
  const where = productWhere(filter);
  const products = await q.all<ProductRow>(`SELECT p.* FROM listings_products p ${where.sql} ORDER BY p.id`, where.params);
  const skus = await q.all<SkuRow>(`SELECT s.* FROM listings_skus s WHERE s.product_id IN (SELECT p.id FROM listings_products p ${where.sql}) ORDER BY s.id`, where.params);
  const paths = await categoryStore(q).paths();
  const byProduct = new Map<number, SkuRow[]>();
  for (const sku of skus) byProduct.set(sku.product_id!, [...(byProduct.get(sku.product_id!) ?? []), sku]);
  const lines: string[][] = [[...CSV_HEADER]];
  for (const p of products) {
    const attributes = JSON.parse(p.attributes) as Record<string, string>;
    const head = [
      p.item_code,
      p.title,
      p.category_id === null ? '' : (paths.get(p.category_id) ?? ''),
      cellOf(attributes.面料),
      p.description,
      cellOf(p.shipping_template),
    ];
    const rows = byProduct.get(p.id) ?? [];
    if (rows.length === 0) lines.push([...head, '', '', '', '', '', '', '', '']);
    for (const s of rows) {
      const skuAttributes = JSON.parse(s.attributes) as Record<string, string>;
      lines.push([
        ...head,
        s.code,
        cellOf(skuAttributes.颜色),
        cellOf(skuAttributes.尺码),
        yuan(s.price),
        yuan(s.cost),
        cellOf(s.barcode),
        cellOf(s.weight_grams),
        cellOf(s.low_stock_threshold),
      ]);
    }
  }
  return csvText(lines);
}

/** `GET /products/export.csv`: registered before `/products/:id`, which would otherwise take the path. */
export function addExportRoute(ctx: PluginContext): void {
  ctx.routes.add<Record<string, string>, ProductFilter & { encoding: 'utf-8' | 'gbk' }>({
    method: 'get',
    path: '/products/export.csv',
    permission: 'listings.products.read',
    summary: { 'zh-CN': '导出商品 CSV（每个 SKU 一行；可选 GBK 编码）', en: 'Export products as CSV (one row per SKU; GBK on request)' },
    description: {
      'zh-CN': '默认 UTF-8 带 BOM；?encoding=gbk 导出 GBK，中文 Windows 上的 Excel 可直接打开。筛选条件与商品列表相同。',
      en: 'UTF-8 with a BOM by default; ?encoding=gbk gives GBK, which Excel on a Chinese PC opens directly. Filters as for the product list.',
    },
    query: exportQuery,
    handler: async ({ query }) => {
      const text = await ctx.db.read((q) => productsCsv(q, query));
      const day = ctx.now().slice(0, 10).replace(/-/g, '');
      return new Response(encodeCsv(text, query.encoding), {
        headers: {
          'content-type': `text/csv; charset=${query.encoding === 'gbk' ? 'gbk' : 'utf-8'}`,
          'content-disposition': `attachment; filename="products-${day}.csv"; filename*=UTF-8''${encodeURIComponent(`商品-${day}.csv`)}`,
        },
      });
    },
  });
}
