import { InputError, type PluginContext, type Queryable, type Transaction } from '@workbench/plugin-api';
import type { CatalogService, ListingStatus, Sku } from '../types.js';
import { productStore, skuFromRow, type SkuRow } from './product-store.js';

// SQLite allows a limited number of `?` per statement; look many codes up in slices.
const CHUNK = 400;

async function skuWhere(q: Queryable, column: 'id' | 'code' | 'barcode', value: string | number): Promise<Sku | undefined> {
  const row = await q.get<SkuRow>(`SELECT * FROM listings_skus WHERE ${column} = ?`, [value]);
  return row && skuFromRow(row);
}

async function ensureIn(tx: Transaction, code: string, title: string | undefined, now: string): Promise<{ sku: Sku; created: boolean }> {
  const existing = await skuWhere(tx, 'code', code);
  if (existing) return { sku: existing, created: false };
  const { lastId } = await tx.run(
    'INSERT INTO listings_skus (product_id, code, needs_completing, stub_title, created_at, updated_at) VALUES (NULL, ?, 1, ?, ?, ?)',
    [code, title?.trim() || null, now, now],
  );
  return { sku: (await skuWhere(tx, 'id', lastId))!, created: true };
}

/** The `catalog` service other plugins reach through `CatalogToken`. */
export function createCatalogService(ctx: PluginContext): CatalogService {
  return {
    skuById: (id) => ctx.db.read((q) => skuWhere(q, 'id', id)),
    skuByCode: (code) => ctx.db.read((q) => skuWhere(q, 'code', code.trim())),
    skuByBarcode: (barcode) => ctx.db.read((q) => skuWhere(q, 'barcode', barcode.trim())),
    skusByCodes: (codes) =>
      ctx.db.read(async (q) => {
        const wanted = [...new Set(codes.map((c) => c.trim()).filter((c) => c !== ''))];
        const found = new Map<string, Sku>();
        for (let i = 0; i < wanted.length; i += CHUNK) {
          const slice = wanted.slice(i, i + CHUNK);
          const rows = await q.all<SkuRow>(`SELECT * FROM listings_skus WHERE code IN (${slice.map(() => '?').join(', ')})`, slice);
          for (const row of rows) found.set(row.code, skuFromRow(row));
        }
        return found;
      }),
    product: (id) => ctx.db.read((q) => productStore(q).get(id)),
    skuPage: ({ afterId = 0, limit = 200 } = {}) =>
      ctx.db.read(async (q) => {
        const rows = await q.all<SkuRow>('SELECT * FROM listings_skus WHERE id > ? ORDER BY id LIMIT ?', [afterId, Math.max(1, Math.min(limit, 1000))]);
        return rows.map(skuFromRow);
      }),
    skuSummaryPage: ({ afterId = 0, limit = 1000 } = {}) =>
      ctx.db.read(async (q) => {
        const rows = await q.all<{ id: number; code: string; product_id: number; attributes: string; title: string; status: ListingStatus }>(
          `SELECT s.id, s.code, s.product_id, s.attributes, p.title, p.status FROM listings_skus s JOIN listings_products p ON p.id = s.product_id
            WHERE s.id > ? AND s.needs_completing = 0 ORDER BY s.id LIMIT ?`,
          [afterId, Math.max(1, Math.min(limit, 5000))],
        );
        return rows.map((r) => ({ id: r.id, code: r.code, productId: r.product_id, attributes: JSON.parse(r.attributes) as Record<string, string>, productTitle: r.title, productStatus: r.status }));
      }),
    ensureSku: async (code, options = {}) => {
      const clean = code.trim();
      if (clean === '') {
        throw new InputError({ 'zh-CN': '商家编码为空，无法登记这个 SKU', en: 'The outer SKU code is empty, so the SKU cannot be recorded' });
      }
      // Inside the caller's transaction the stub commits or rolls back with the caller's work.
      return options.tx ? ensureIn(options.tx, clean, options.title, ctx.now()) : ctx.db.transaction((tx) => ensureIn(tx, clean, options.title, ctx.now()));
    },
  };
}
