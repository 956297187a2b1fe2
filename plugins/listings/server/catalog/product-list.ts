import { InputError, type Queryable, type SqlValue } from '@workbench/plugin-api';
import type { ListingStatus, Product } from '../types.js';
import { productFromRow, type ProductRow } from './product-store.js';

/** A row of `GET /products`: the product with its SKU figures and category name. */
export type ProductListItem = Product & { skuCount: number; priceMin: number | null; priceMax: number | null; categoryName: string | null; needsCompleting: boolean };

/** The filters `GET /products` and the CSV export share. */
export interface ProductFilter {
  q?: string;
  /** A category id, or `none` for 未分类. */
  categoryId?: string;
  status?: ListingStatus;
  needsCompleting?: boolean;
}

export interface ProductListQuery extends ProductFilter {
  page: number;
  pageSize: number;
  sort?: string;
}

interface ListRow extends ProductRow {
  category_name: string | null;
  sku_count: number | null;
  price_min: number | null;
  price_max: number | null;
  open_stubs: number | null;
}

const SORTS: Record<string, string> = {
  id: 'p.id',
  title: 'p.title',
  itemCode: 'p.item_code',
  status: 'p.status',
  createdAt: 'p.created_at',
  updatedAt: 'p.updated_at',
  showcaseSlot: 'p.showcase_slot',
  priceMin: 'a.price_min',
  priceMax: 'a.price_max',
  skuCount: 'COALESCE(a.sku_count, 0)',
};

/** `%text%` for LIKE, with the wildcards in the text itself taken literally. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** ORDER BY for a `sort` query value (`field` or `-field`); unknown fields are refused with the ones allowed. */
export function orderBy(sort: string | undefined, allowed: Record<string, string>, fallback: string, tieBreak: string): string {
  if (sort === undefined || sort === '') return `${fallback}, ${tieBreak}`;
  const desc = sort.startsWith('-');
  const column = allowed[desc ? sort.slice(1) : sort];
  if (!column) {
    const names = Object.keys(allowed).join(', ');
    throw new InputError({ 'zh-CN': `不能按“${sort}”排序，可以用：${names}`, en: `Cannot sort by “${sort}”; use one of: ${names}` }, { errors: [{ path: '/sort', in: 'query', message: names }] });
  }
  return `${column} ${desc ? 'DESC' : 'ASC'}, ${tieBreak}`;
}

/** WHERE clause for the filters, over `listings_products p`. */
export function productWhere(filter: ProductFilter): { sql: string; params: SqlValue[] } {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  if (filter.categoryId === 'none') clauses.push('p.category_id IS NULL');
  else if (filter.categoryId !== undefined) {
    // A parent category shows its children's products too, as the shop's category tree does.
    clauses.push('(p.category_id = ? OR p.category_id IN (SELECT id FROM listings_categories WHERE parent_id = ?))');
    params.push(Number(filter.categoryId), Number(filter.categoryId));
  }
  if (filter.status !== undefined) {
    clauses.push('p.status = ?');
    params.push(filter.status);
  }
  if (filter.needsCompleting !== undefined) {
    clauses.push(`${filter.needsCompleting ? '' : 'NOT '}EXISTS (SELECT 1 FROM listings_skus n WHERE n.product_id = p.id AND n.needs_completing = 1)`);
  }
  const text = filter.q?.trim();
  if (text) {
    const like = likePattern(text);
    clauses.push(
      `(p.title LIKE ? ESCAPE '\\' OR p.item_code LIKE ? ESCAPE '\\'
        OR EXISTS (SELECT 1 FROM listings_skus m WHERE m.product_id = p.id AND (m.code LIKE ? ESCAPE '\\' OR m.barcode = ?)))`,
    );
    params.push(like, like, like, text);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

const FROM = `FROM listings_products p
  LEFT JOIN listings_categories c ON c.id = p.category_id
  LEFT JOIN (SELECT product_id, COUNT(*) AS sku_count, MIN(price) AS price_min, MAX(price) AS price_max, SUM(needs_completing) AS open_stubs
             FROM listings_skus WHERE product_id IS NOT NULL GROUP BY product_id) a ON a.product_id = p.id`;

/** One page of products with their SKU figures. */
export async function listProducts(q: Queryable, query: ProductListQuery): Promise<{ items: ProductListItem[]; total: number; page: number; pageSize: number }> {
  const where = productWhere(query);
  const order = orderBy(query.sort, SORTS, 'p.updated_at DESC', 'p.id DESC');
  const total = (await q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM listings_products p ${where.sql}`, where.params))?.n ?? 0;
  const rows = await q.all<ListRow>(
    `SELECT p.*, c.name AS category_name, a.sku_count, a.price_min, a.price_max, a.open_stubs ${FROM} ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`,
    [...where.params, query.pageSize, (query.page - 1) * query.pageSize],
  );
  const items = rows.map((row) => ({
    ...productFromRow(row),
    skuCount: row.sku_count ?? 0,
    priceMin: row.price_min,
    priceMax: row.price_max,
    categoryName: row.category_name,
    needsCompleting: (row.open_stubs ?? 0) > 0,
  }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}
