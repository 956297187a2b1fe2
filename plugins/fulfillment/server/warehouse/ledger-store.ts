import type { PluginContext, Queryable } from '@workbench/plugin-api';
import type { LedgerEntry } from '../types.js';
import type { MovementKind } from './stock-ops.js';
import { skuNames } from './sku-names.js';
import { timeRange } from './time-range.js';

/** A ledger row as GET /ledger sends it: the service's entry plus names for the screen. */
export interface LedgerLine extends LedgerEntry {
  skuCode: string;
  locationId: number | null;
  actorId: number | null;
}

interface LedgerRow {
  id: number;
  at: string;
  kind: MovementKind;
  sku_id: number;
  location_id: number | null;
  location_code: string | null;
  qty: number;
  balance: number;
  order_id: number | null;
  reference: string | null;
  reason: string;
  override: number;
  actor_id: number | null;
  actor_name: string;
}

const SELECT = 'SELECT g.*, l.code AS location_code FROM fulfillment_ledger g LEFT JOIN fulfillment_locations l ON l.id = g.location_id';

export function toLedgerEntry(r: LedgerRow): LedgerEntry {
  return {
    id: r.id,
    at: r.at,
    kind: r.kind,
    skuId: r.sku_id,
    locationCode: r.location_code,
    qty: r.qty,
    balance: r.balance,
    orderId: r.order_id,
    reference: r.reference,
    reason: r.reason,
    override: r.override === 1,
    actorName: r.actor_name,
  };
}

export interface LedgerQuery {
  page: number;
  pageSize: number;
  sku?: number;
  kind?: MovementKind;
  order?: number;
  location?: string;
  reference?: string;
  from?: string;
  to?: string;
}

/** Reads of 库存流水 over `fulfillment_ledger`; stock moves (stock-ops) write it. */
export interface LedgerStore {
  /** The ledger, newest first, with filters; `location` a location code, `reference` e.g. an inbound note number. */
  list(query: LedgerQuery): Promise<{ items: LedgerLine[]; total: number; page: number; pageSize: number }>;
  /** One SKU's movements, newest first (the inventory service). */
  forSku(skuId: number, limit: number): Promise<LedgerEntry[]>;
  /** The newest ledger row's id, to read what a write is about to add with `since`. */
  lastId(): Promise<number>;
  /** Ledger rows written after `afterId`, oldest first. */
  since(afterId: number): Promise<LedgerLine[]>;
}

/** The ledger store over a transaction or any other Queryable; `ctx` gives it the catalog and the shop's time zone. */
export function ledgerStore(q: Queryable, ctx: PluginContext): LedgerStore {
  return new DbLedgerStore(q, ctx);
}

class DbLedgerStore implements LedgerStore {
  constructor(
    private readonly q: Queryable,
    private readonly ctx: PluginContext,
  ) {}

  async list(query: LedgerQuery) {
    const where: string[] = [];
    const args: (string | number)[] = [];
    const add = (sql: string, value: string | number) => {
      where.push(sql);
      args.push(value);
    };
    if (query.sku !== undefined) add('g.sku_id = ?', query.sku);
    if (query.kind) add('g.kind = ?', query.kind);
    if (query.order !== undefined) add('g.order_id = ?', query.order);
    if (query.location) add('l.code = ?', query.location.trim().toUpperCase());
    if (query.reference) add('g.reference = ?', query.reference.trim());
    const range = timeRange(this.ctx, 'g.at', query.from, query.to);
    where.push(...range.sql);
    args.push(...range.args);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (await this.q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM fulfillment_ledger g LEFT JOIN fulfillment_locations l ON l.id = g.location_id ${filter}`, args))!.n;
    const rows = await this.q.all<LedgerRow>(`${SELECT} ${filter} ORDER BY g.id DESC LIMIT ? OFFSET ?`, [...args, query.pageSize, (query.page - 1) * query.pageSize]);
    return { items: await this.named(rows), total, page: query.page, pageSize: query.pageSize };
  }

  async forSku(skuId: number, limit: number): Promise<LedgerEntry[]> {
    const rows = await this.q.all<LedgerRow>(`${SELECT} WHERE g.sku_id = ? ORDER BY g.id DESC LIMIT ?`, [skuId, limit]);
    return rows.map(toLedgerEntry);
  }

  async lastId(): Promise<number> {
    return (await this.q.get<{ id: number | null }>('SELECT MAX(id) AS id FROM fulfillment_ledger'))?.id ?? 0;
  }

  async since(afterId: number): Promise<LedgerLine[]> {
    const rows = await this.q.all<LedgerRow>(`${SELECT} WHERE g.id > ? ORDER BY g.id`, [afterId]);
    return this.named(rows);
  }

  private async named(rows: LedgerRow[]): Promise<LedgerLine[]> {
    const names = await skuNames(this.ctx, rows.map((r) => r.sku_id));
    return rows.map((r) => ({ ...toLedgerEntry(r), skuCode: names.get(r.sku_id)?.code ?? `#${r.sku_id}`, locationId: r.location_id, actorId: r.actor_id }));
  }
}
