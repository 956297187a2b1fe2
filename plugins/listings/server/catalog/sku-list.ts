import { InputError, type Queryable, type SqlValue } from '@workbench/plugin-api';
import type { Sku } from '../types.js';
import { likePattern, orderBy } from './product-list.js';
import { skuFromRow, type SkuRow } from './product-store.js';
import { MAX_SKU_IDS } from './query-schemas.js';

/** A row of `GET /skus`: the SKU with its product's title and 货号, and a stub's own name. */
export type SkuListItem = Sku & { productTitle: string | null; itemCode: string | null; stubTitle: string | null };

export interface SkuListQuery {
  page: number;
  pageSize: number;
  sort?: string;
  q?: string;
  /** Comma-separated SKU ids (at most MAX_SKU_IDS); unknown ones are simply not in the page. */
  ids?: string;
  code?: string;
  barcode?: string;
  productId?: number;
  needsCompleting?: boolean;
}

interface ListRow extends SkuRow {
  stub_title: string | null;
  product_title: string | null;
  item_code: string | null;
}

const SORTS: Record<string, string> = {
  id: 's.id',
  code: 's.code',
  price: 's.price',
  cost: 's.cost',
  createdAt: 's.created_at',
  updatedAt: 's.updated_at',
  productTitle: 'p.title',
};

/** The distinct ids of an `ids` filter the query schema let through; more than MAX_SKU_IDS is 400. */
function skuIds(text: string): number[] {
  const ids = [...new Set(text.split(',').map((part) => Number(part.trim())))];
  if (ids.length > MAX_SKU_IDS) {
    throw new InputError(
      { 'zh-CN': `一次最多查 ${MAX_SKU_IDS} 个 SKU，这次有 ${ids.length} 个`, en: `At most ${MAX_SKU_IDS} SKU ids at a time; ${ids.length} were sent` },
      { errors: [{ path: '/ids', in: 'query', message: `最多 ${MAX_SKU_IDS} 个` }] },
    );
  }
  return ids;
}

/** One page of SKUs: look-up by ids, exact 商家编码 or barcode, or search by text. */
export async function listSkus(q: Queryable, query: SkuListQuery): Promise<{ items: SkuListItem[]; total: number; page: number; pageSize: number }> {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  if (query.ids !== undefined) {
    const ids = skuIds(query.ids);
    clauses.push(`s.id IN (${ids.map(() => '?').join(', ')})`);
    params.push(...ids);
  }
  if (query.code !== undefined) {
    clauses.push('s.code = ?');
    params.push(query.code.trim());
  }
  if (query.barcode !== undefined) {
    clauses.push('s.barcode = ?');
    params.push(query.barcode.trim());
  }
  if (query.productId !== undefined) {
    clauses.push('s.product_id = ?');
    params.push(query.productId);
  }
  if (query.needsCompleting !== undefined) {
    clauses.push('s.needs_completing = ?');
    params.push(query.needsCompleting ? 1 : 0);
  }
  const text = query.q?.trim();
  if (text) {
    const like = likePattern(text);
    clauses.push(`(s.code LIKE ? ESCAPE '\\' OR s.barcode LIKE ? ESCAPE '\\' OR s.stub_title LIKE ? ESCAPE '\\' OR p.title LIKE ? ESCAPE '\\' OR p.item_code LIKE ? ESCAPE '\\')`);
    params.push(like, like, like, like, like);
  }
  const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  const from = 'FROM listings_skus s LEFT JOIN listings_products p ON p.id = s.product_id';
  const order = orderBy(query.sort, SORTS, 's.id ASC', 's.id ASC');
  const total = (await q.get<{ n: number }>(`SELECT COUNT(*) AS n ${from} ${where}`, params))?.n ?? 0;
  const rows = await q.all<ListRow>(`SELECT s.*, p.title AS product_title, p.item_code AS item_code ${from} ${where} ORDER BY ${order} LIMIT ? OFFSET ?`, [
    ...params,
    query.pageSize,
    (query.page - 1) * query.pageSize,
  ]);
  const items = rows.map((row) => ({ ...skuFromRow(row), productTitle: row.product_title, itemCode: row.item_code, stubTitle: row.stub_title }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}
