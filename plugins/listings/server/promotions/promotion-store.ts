// Promotion rows: reading, listing and writing `listings_promotions`.
import { NotFoundError, type Queryable, type SqlValue, type Transaction } from '@workbench/plugin-api';
import type { Promotion, PromotionRule, PromotionScope, PromotionStatus } from '../types.js';
import { likePattern, orderBy } from '../catalog/product-list.js';
import type { RuleKind } from './schemas.js';

export interface PromotionRow {
  id: number;
  name: string;
  kind: RuleKind;
  rule: string;
  scope: string;
  starts_at: string;
  ends_at: string;
  status: PromotionStatus;
  suspended_reason: string | null;
  campaign_id: number | null;
  version: number;
  created_at: string;
  updated_at: string;
  gifts_given: number;
}

/** A promotion as the API sends it (rule and scope parsed from their JSON). */
export function promotionFromRow(row: PromotionRow): Promotion {
  const rule = JSON.parse(row.rule) as PromotionRule;
  const gifts = rule.kind === 'full-gift' ? { giftsGiven: row.gifts_given, giftsLeft: rule.giftCount === undefined ? null : Math.max(0, rule.giftCount - row.gifts_given) } : {};
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    rule,
    scope: JSON.parse(row.scope) as PromotionScope,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    status: row.status,
    suspendedReason: row.suspended_reason,
    campaignId: row.campaign_id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...gifts,
  };
}

export interface PromotionListQuery {
  page: number;
  pageSize: number;
  sort?: string;
  q?: string;
  status?: PromotionStatus;
  kind?: RuleKind;
  campaignId?: number;
}

const SORTS: Record<string, string> = { id: 'id', name: 'name', kind: 'kind', status: 'status', startsAt: 'starts_at', endsAt: 'ends_at', createdAt: 'created_at', updatedAt: 'updated_at' };

export interface PromotionInput {
  name: string;
  kind: RuleKind;
  rule: PromotionRule;
  scope: PromotionScope;
  startsAt: string;
  endsAt: string;
  campaignId: number | null;
}

/** Reads of 促销; any Queryable will do. */
export interface PromotionReader {
  /** The promotion, or a 404 a clerk understands. */
  require(id: number): Promise<Promotion>;
  /** Every promotion that is active or suspended; the caller filters by time with Date.parse. */
  live(): Promise<Promotion[]>;
  /** One page of promotions, newest first unless `sort` says otherwise. */
  list(query: PromotionListQuery): Promise<{ items: Promotion[]; total: number; page: number; pageSize: number }>;
}

/** 促销 over `listings_promotions`, inside the caller's transaction. */
export interface PromotionStore extends PromotionReader {
  /** Inserts a new, active promotion and answers its id. */
  insert(input: PromotionInput, actorId: number | null, now: string): Promise<number>;
  /** Suspends one promotion with a reason, whatever version it has (used by event handlers). */
  suspend(id: number, reason: string, now: string): Promise<void>;
}

/** The promotion store over a transaction (reads and writes) or any Queryable (reads only). */
export function promotionStore(tx: Transaction): PromotionStore;
export function promotionStore(q: Queryable): PromotionReader;
export function promotionStore(q: Queryable): PromotionReader {
  return new DbPromotionStore(q as Transaction);
}

class DbPromotionStore implements PromotionStore {
  constructor(private readonly q: Transaction) {}

  async require(id: number): Promise<Promotion> {
    const row = await this.q.get<PromotionRow>('SELECT * FROM listings_promotions WHERE id = ?', [id]);
    if (!row) throw new NotFoundError({ 'zh-CN': `没有找到促销 #${id}，可能已被删除`, en: `Promotion #${id} was not found; it may have been deleted` });
    return promotionFromRow(row);
  }

  async live(): Promise<Promotion[]> {
    const rows = await this.q.all<PromotionRow>("SELECT * FROM listings_promotions WHERE status IN ('active', 'suspended') ORDER BY id");
    return rows.map(promotionFromRow);
  }

  async list(query: PromotionListQuery): Promise<{ items: Promotion[]; total: number; page: number; pageSize: number }> {
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (query.q) {
      where.push("name LIKE ? ESCAPE '\\'");
      params.push(likePattern(query.q));
    }
    if (query.status) {
      where.push('status = ?');
      params.push(query.status);
    }
    if (query.kind) {
      where.push('kind = ?');
      params.push(query.kind);
    }
    if (query.campaignId !== undefined) {
      where.push('campaign_id = ?');
      params.push(query.campaignId);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const order = orderBy(query.sort, SORTS, 'id DESC', 'id DESC');
    const count = await this.q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM listings_promotions ${clause}`, params);
    const rows = await this.q.all<PromotionRow>(`SELECT * FROM listings_promotions ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`, [
      ...params,
      query.pageSize,
      (query.page - 1) * query.pageSize,
    ]);
    return { items: rows.map(promotionFromRow), total: count?.n ?? 0, page: query.page, pageSize: query.pageSize };
  }

  async insert(input: PromotionInput, actorId: number | null, now: string): Promise<number> {
    const { lastId } = await this.q.run(
      `INSERT INTO listings_promotions (name, kind, rule, scope, starts_at, ends_at, status, campaign_id, created_at, updated_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?)`,
      [input.name, input.kind, JSON.stringify(input.rule), JSON.stringify(input.scope), input.startsAt, input.endsAt, input.campaignId, now, now, actorId],
    );
    return lastId;
  }

  async suspend(id: number, reason: string, now: string): Promise<void> {
    await this.q.run("UPDATE listings_promotions SET status = 'suspended', suspended_reason = ?, version = version + 1, updated_at = ? WHERE id = ? AND status = 'active'", [reason, now, id]);
  }
}
