import { InputError, type Queryable } from '@workbench/plugin-api';
import { productStore } from '../catalog/product-store.js';
import type { ChecklistSettings } from '../settings.js';
import { pendingRevision, type RevisionRow } from './revision-store.js';
import type { PendingRevision } from './revision-types.js';
import { likePattern } from '../catalog/product-list.js';

export type RevisionQueueItem = Omit<PendingRevision, 'proposed'> & { productTitle: string; itemCode: string; productStatus: string };

export interface RevisionQueueQuery {
  page: number;
  pageSize: number;
  sort?: string;
  q?: string;
}

// `productTitle` is the queue table's column name for the title.
const SORTS: Record<string, string> = { updatedAt: 'r.updated_at', createdAt: 'r.created_at', title: 'p.title', productTitle: 'p.title', id: 'r.id' };

/** Pending revisions, the longest-waiting first, each with before → after and the checklist of what it would make. */
export async function readRevisionQueue(q: Queryable, query: RevisionQueueQuery, checklist: ChecklistSettings) {
  const sort = query.sort ?? 'createdAt';
  const column = SORTS[sort.replace(/^-/, '')];
  if (!column) {
    throw new InputError(
      { 'zh-CN': `待审核的修改不能按「${sort}」排序，可用：${Object.keys(SORTS).join('、')}`, en: `Revisions cannot be sorted by "${sort}"; use ${Object.keys(SORTS).join(', ')}` },
      { errors: [{ path: '/sort', in: 'query', message: Object.keys(SORTS).join(' | ') }] },
    );
  }
  const where = ["r.status = 'pending'"];
  const params: string[] = [];
  if (query.q && query.q.trim()) {
    where.push("(p.title LIKE ? ESCAPE '\\' OR p.item_code LIKE ? ESCAPE '\\')");
    const like = likePattern(query.q.trim());
    params.push(like, like);
  }
  const from = `FROM listings_revisions r JOIN listings_products p ON p.id = r.product_id WHERE ${where.join(' AND ')}`;
  const total = (await q.get<{ n: number }>(`SELECT COUNT(*) AS n ${from}`, params))?.n ?? 0;
  const rows = await q.all<RevisionRow>(`SELECT r.* ${from} ORDER BY ${column} ${sort.startsWith('-') ? 'DESC' : 'ASC'}, r.id LIMIT ? OFFSET ?`, [
    ...params,
    query.pageSize,
    (query.page - 1) * query.pageSize,
  ]);
  const items: RevisionQueueItem[] = [];
  for (const row of rows) {
    const product = await productStore(q).requireDetail(row.product_id);
    const { proposed: _proposed, ...revision } = pendingRevision(row, product, checklist);
    items.push({ ...revision, productTitle: product.title, itemCode: product.itemCode, productStatus: product.status });
  }
  return { items, total, page: query.page, pageSize: query.pageSize };
}
