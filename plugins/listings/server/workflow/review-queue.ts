import { InputError, type Queryable } from '@workbench/plugin-api';
import { productFromRow, type ProductRow } from '../catalog/product-store.js';
import { CHECKLIST_RULE_TITLES, type ChecklistRuleId } from './checklist.js';
import { latestSubmissions } from './history.js';
import type { BilingualText } from './states.js';
import { likePattern } from '../catalog/product-list.js';

export interface ReviewQueueItem {
  id: number;
  title: string;
  itemCode: string;
  version: number;
  submittedBy: number | null;
  submitterName: string | null;
  submittedAt: string | null;
  /** Why it was submitted although rules failed; null when every rule passed. */
  submitReason: string | null;
  /** The checklist rules that failed at submission. */
  failedRules: { id: string; title: BilingualText }[];
  scheduledListAt: string | null;
}

export interface ReviewQueueQuery {
  page: number;
  pageSize: number;
  sort?: string;
  q?: string;
}

const SORTS: Record<string, string> = { submittedAt: 'submitted_at', title: 'title', id: 'id' };

/** Submitted products nobody has reviewed yet, oldest submission first unless `sort` says otherwise. */
export async function readReviewQueue(q: Queryable, query: ReviewQueueQuery) {
  const sort = query.sort ?? 'submittedAt';
  const column = SORTS[sort.replace(/^-/, '')];
  if (!column) {
    throw new InputError(
      { 'zh-CN': `审核列表不能按「${sort}」排序，可用：${Object.keys(SORTS).join('、')}`, en: `The review queue cannot sort by "${sort}"; use ${Object.keys(SORTS).join(', ')}` },
      { errors: [{ path: '/sort', in: 'query', message: Object.keys(SORTS).join(' | ') }] },
    );
  }
  const direction = sort.startsWith('-') ? 'DESC' : 'ASC';
  const where = ["status = 'submitted'", 'reviewed_at IS NULL'];
  const params: string[] = [];
  if (query.q && query.q.trim()) {
    where.push("(title LIKE ? ESCAPE '\\' OR item_code LIKE ? ESCAPE '\\')");
    const like = likePattern(query.q.trim());
    params.push(like, like);
  }
  const filter = where.join(' AND ');
  const total = (await q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM listings_products WHERE ${filter}`, params))?.n ?? 0;
  const rows = await q.all<ProductRow>(`SELECT * FROM listings_products WHERE ${filter} ORDER BY ${column} ${direction}, id LIMIT ? OFFSET ?`, [
    ...params,
    query.pageSize,
    (query.page - 1) * query.pageSize,
  ]);
  const submissions = await latestSubmissions(q, rows.map((r) => r.id));
  const items: ReviewQueueItem[] = rows.map((row) => {
    const product = productFromRow(row);
    const submission = submissions.get(product.id);
    return {
      id: product.id,
      title: product.title,
      itemCode: product.itemCode,
      version: product.version,
      submittedBy: product.submittedBy,
      submitterName: submission?.actorName ?? null,
      submittedAt: product.submittedAt,
      submitReason: product.submitReason,
      failedRules: (submission?.failedRules ?? []).map((id) => ({ id, title: CHECKLIST_RULE_TITLES[id as ChecklistRuleId] ?? { 'zh-CN': id, en: id } })),
      scheduledListAt: product.scheduledListAt,
    };
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}
