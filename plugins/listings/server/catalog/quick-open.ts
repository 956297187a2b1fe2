import type { PluginContext, SearchResult } from '@workbench/plugin-api';
import { likePattern } from './product-list.js';

/** Quick open (Ctrl+P) finds products by title, 货号, 商家编码 or barcode. */
export function provideProductSearch(ctx: PluginContext): void {
  ctx.search.provide({
    permission: 'listings.products.read',
    search: async ({ text, limit, locale }) => {
      const term = text.trim();
      if (term === '') return [];
      const like = likePattern(term);
      const rows = await ctx.db.read((q) =>
        q.all<{ id: number; title: string; item_code: string }>(
          `SELECT p.id, p.title, p.item_code FROM listings_products p
           WHERE p.title LIKE ? ESCAPE '\\' OR p.item_code LIKE ? ESCAPE '\\'
              OR EXISTS (SELECT 1 FROM listings_skus s WHERE s.product_id = p.id AND (s.code LIKE ? ESCAPE '\\' OR s.barcode = ?))
           ORDER BY p.updated_at DESC, p.id DESC LIMIT ?`,
          [like, like, like, term, limit],
        ),
      );
      const label = locale === 'en' ? 'Item code' : '货号';
      return rows.map((r): SearchResult => ({ title: r.title, detail: `${label} ${r.item_code}`, opens: 'product', id: r.id }));
    },
  });
}
