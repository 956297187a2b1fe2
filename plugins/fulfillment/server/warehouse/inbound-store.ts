import { NotFoundError, type PluginContext, type Queryable, type Transaction } from '@workbench/plugin-api';
import type { StepBy } from '../shared/actor.js';
import type { Movement, StockOps } from './stock-ops.js';
import { skuNames } from './sku-names.js';
import { timeRange } from './time-range.js';
import { startingWith } from '../shared/like-text.js';

/** A line ready to post: SKU and location resolved, quantities checked. */
export interface InboundLineInput {
  skuId: number;
  received: number;
  passed: number;
  failed: number;
  locationId: number | null;
  failureReason: string | null;
}

export interface InboundInput {
  source: 'manual' | 'procurement';
  reference?: string | null;
  supplier?: string | null;
  remark?: string;
  lines: InboundLineInput[];
}

export interface InboundLine {
  id: number;
  skuId: number;
  skuCode: string;
  title: string;
  received: number;
  passed: number;
  failed: number;
  locationId: number | null;
  locationCode: string | null;
  failureReason: string | null;
}

/** 入库单 as the API sends it. */
export interface InboundNote {
  id: number;
  noteNo: string;
  source: string;
  reference: string | null;
  supplier: string | null;
  remark: string;
  actorName: string;
  createdAt: string;
  totals: { received: number; passed: number; failed: number };
  lines: InboundLine[];
}

interface NoteRow {
  id: number;
  note_no: string;
  source: string;
  reference: string | null;
  supplier: string | null;
  remark: string;
  actor_name: string;
  created_at: string;
}

interface LineRow {
  id: number;
  note_id: number;
  sku_id: number;
  received: number;
  passed: number;
  failed: number;
  location_id: number | null;
  location_code: string | null;
  failure_reason: string | null;
}

export interface InboundListQuery {
  page: number;
  pageSize: number;
  q?: string;
  source?: string;
  from?: string;
  to?: string;
}

/** Reads of 入库单; any Queryable will do. */
export interface InboundReader {
  /** The note with its lines, or a 404. */
  require(id: number): Promise<InboundNote>;
  /** Inbound notes, newest first; `q` is a note number, reference or supplier (start of). */
  list(query: InboundListQuery): Promise<{ items: InboundNote[]; total: number; page: number; pageSize: number }>;
}

/** 入库单 over `fulfillment_inbound_notes` and `_lines`, inside the caller's transaction. */
export interface InboundStore extends InboundReader {
  /**
   * Records an inbound note and moves its goods: passed pieces into their bin (kind inbound),
   * failed ones into the defective stock with the failure reason (kind defective). Answers the
   * note's id.
   */
  post(input: InboundInput, move: { stock: StockOps; by: StepBy }): Promise<number>;
}

/** The inbound store over a transaction (reads and writes) or any Queryable (reads only); `ctx` gives it the clock and the catalog. */
export function inboundStore(tx: Transaction, ctx: PluginContext): InboundStore;
export function inboundStore(q: Queryable, ctx: PluginContext): InboundReader;
export function inboundStore(q: Queryable, ctx: PluginContext): InboundReader {
  return new DbInboundStore(q as Transaction, ctx);
}

/** `RK` + the shop's date + a three-digit sequence of that day, e.g. RK20261123001. */
async function nextNoteNo(tx: Transaction, now: string): Promise<string> {
  const prefix = `RK${now.slice(0, 10).replaceAll('-', '')}`;
  // Numeric, not text, maximum: a day may hold numbers of different widths (001 … 1000).
  const rows = await tx.all<{ no: string }>('SELECT note_no AS no FROM fulfillment_inbound_notes WHERE note_no LIKE ?', [`${prefix}%`]);
  const seq = rows.reduce((max, r) => Math.max(max, Number(r.no.slice(prefix.length)) || 0), 0) + 1;
  return `${prefix}${String(seq).padStart(3, '0')}`;
}

class DbInboundStore implements InboundStore {
  constructor(
    private readonly tx: Transaction,
    private readonly ctx: PluginContext,
  ) {}

  async post(input: InboundInput, { stock, by }: { stock: StockOps; by: StepBy }): Promise<number> {
    const now = this.ctx.now();
    const noteNo = await nextNoteNo(this.tx, now);
    const { lastId: noteId } = await this.tx.run(
      'INSERT INTO fulfillment_inbound_notes (note_no, source, reference, supplier, remark, actor_id, actor_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [noteNo, input.source, input.reference ?? null, input.supplier ?? null, input.remark ?? '', by.id, by.name, now],
    );
    const movements: Movement[] = [];
    for (const line of input.lines) {
      await this.tx.run(
        'INSERT INTO fulfillment_inbound_lines (note_id, sku_id, received, passed, failed, location_id, failure_reason) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [noteId, line.skuId, line.received, line.passed, line.failed, line.locationId, line.failureReason],
      );
      if (line.passed > 0) movements.push({ kind: 'inbound', skuId: line.skuId, locationId: line.locationId, qty: line.passed, reference: noteNo, reason: '验收合格入库', by });
      if (line.failed > 0) movements.push({ kind: 'defective', skuId: line.skuId, locationId: null, qty: line.failed, reference: noteNo, reason: line.failureReason ?? '验收不合格', by });
    }
    if (movements.length) await stock.post(this.tx, movements);
    return noteId;
  }

  async require(id: number): Promise<InboundNote> {
    const row = await this.tx.get<NoteRow>('SELECT * FROM fulfillment_inbound_notes WHERE id = ?', [id]);
    if (!row) throw new NotFoundError({ 'zh-CN': '入库单不存在', en: 'No such inbound note' });
    return (await this.toNotes([row]))[0]!;
  }

  async list(query: InboundListQuery) {
    const where: string[] = [];
    const args: string[] = [];
    if (query.source) {
      where.push('source = ?');
      args.push(query.source);
    }
    if (query.q?.trim()) {
      const like = startingWith(query.q.trim());
      where.push(`(note_no LIKE ? ESCAPE '\\' OR reference LIKE ? ESCAPE '\\' OR supplier LIKE ? ESCAPE '\\')`);
      args.push(like, like, like);
    }
    const range = timeRange(this.ctx, 'created_at', query.from, query.to);
    where.push(...range.sql);
    args.push(...range.args);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (await this.tx.get<{ n: number }>(`SELECT COUNT(*) AS n FROM fulfillment_inbound_notes ${filter}`, args))!.n;
    const rows = await this.tx.all<NoteRow>(`SELECT * FROM fulfillment_inbound_notes ${filter} ORDER BY id DESC LIMIT ? OFFSET ?`, [...args, query.pageSize, (query.page - 1) * query.pageSize]);
    return { items: await this.toNotes(rows), total, page: query.page, pageSize: query.pageSize };
  }

  private async toNotes(rows: NoteRow[]): Promise<InboundNote[]> {
    if (rows.length === 0) return [];
    const lines = await this.tx.all<LineRow>(
      `SELECT il.*, l.code AS location_code FROM fulfillment_inbound_lines il LEFT JOIN fulfillment_locations l ON l.id = il.location_id
       WHERE il.note_id IN (SELECT value FROM json_each(?)) ORDER BY il.id`,
      [JSON.stringify(rows.map((r) => r.id))],
    );
    const names = await skuNames(this.ctx, lines.map((l) => l.sku_id));
    return rows.map((r) => {
      const own = lines.filter((l) => l.note_id === r.id);
      return {
        id: r.id,
        noteNo: r.note_no,
        source: r.source,
        reference: r.reference,
        supplier: r.supplier,
        remark: r.remark,
        actorName: r.actor_name,
        createdAt: r.created_at,
        totals: {
          received: own.reduce((n, l) => n + l.received, 0),
          passed: own.reduce((n, l) => n + l.passed, 0),
          failed: own.reduce((n, l) => n + l.failed, 0),
        },
        lines: own.map((l) => ({
          id: l.id,
          skuId: l.sku_id,
          skuCode: names.get(l.sku_id)?.code ?? `#${l.sku_id}`,
          title: names.get(l.sku_id)?.title ?? '',
          received: l.received,
          passed: l.passed,
          failed: l.failed,
          locationId: l.location_id,
          locationCode: l.location_code,
          failureReason: l.failure_reason,
        })),
      };
    });
  }
}
