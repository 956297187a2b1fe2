import { InputError, type Queryable, type Transaction } from '@workbench/plugin-api';
import type { ScorecardSettings } from '../settings.js';
import { supplierStore } from '../suppliers/supplier-store.js';
import type { Supplier } from '../model.js';
import { afterBreach, explainStanding, orderGate, resetCutoff, standingFor, type OrderGate, type Standing } from './scorecard-rules.js';

/** One line of a supplier's scorecard: a breach, or the yearly reset. */
export interface ScorecardEntry {
  id: number;
  supplierId: number;
  kind: string;
  kindName: { 'zh-CN': string; en: string };
  points: number;
  pointsAfter: number;
  standingAfter: Standing;
  fixByAfter: string | null;
  note: string;
  reference: string | null;
  source: string;
  recordedAt: string;
  recordedBy: number | null;
  clearedAt: string | null;
}

/** A breach as a clerk, receiving or the orders part reports it. */
export interface BreachInput {
  /** A kind from the settings' scorecard breaches: late-delivery, short-delivery, over-delivery, quality-failure, price-change … */
  kind: string;
  note?: string;
  /** What it is about: a PO number, a receipt. */
  reference?: string | null;
  /** `manual` by default; `receiving`, `orders` from the other parts of the plugin. */
  source?: string;
  by?: number | null;
}

export interface BreachRecorded {
  entry: ScorecardEntry;
  supplier: Supplier;
  /** The points and standing before and after, and what they mean. */
  explanation: { 'zh-CN': string; en: string };
}

export interface ScorecardReader {
  entries(supplierId: number): Promise<ScorecardEntry[]>;
  /** May this supplier get a new order: no (ended), only with the owner's approval, or yes — with the points behind it. */
  orderGate(supplierId: number): Promise<OrderGate>;
}

export interface ScorecardStore extends ScorecardReader {
  /** Scores a breach in the caller's transaction, moving the supplier's standing when a threshold is reached. */
  recordBreach(supplierId: number, breach: BreachInput, now: string): Promise<BreachRecorded>;
  /** The yearly reset: clears the points of breaches up to 31 December; answers the suppliers it reset. */
  resetYear(now: string): Promise<number[]>;
}

interface EntryRow {
  id: number;
  supplier_id: number;
  kind: string;
  kind_zh: string;
  kind_en: string;
  points: number;
  points_after: number;
  standing_after: Standing;
  fix_by_after: string | null;
  note: string;
  reference: string | null;
  source: string;
  recorded_at: string;
  recorded_by: number | null;
  cleared_at: string | null;
}

const toEntry = (r: EntryRow): ScorecardEntry => ({
  id: r.id,
  supplierId: r.supplier_id,
  kind: r.kind,
  kindName: { 'zh-CN': r.kind_zh, en: r.kind_en },
  points: r.points,
  pointsAfter: r.points_after,
  standingAfter: r.standing_after,
  fixByAfter: r.fix_by_after,
  note: r.note,
  reference: r.reference,
  source: r.source,
  recordedAt: r.recorded_at,
  recordedBy: r.recorded_by,
  clearedAt: r.cleared_at,
});

/** The scorecard over `procurement_scorecard_entries` and the suppliers' figures, with the settings' rules. */
export function scorecardStore(tx: Transaction, rules: ScorecardSettings): ScorecardStore;
export function scorecardStore(q: Queryable, rules: ScorecardSettings): ScorecardReader;
export function scorecardStore(q: Queryable, rules: ScorecardSettings): ScorecardReader {
  return new DbScorecardStore(q as Transaction, rules);
}

class DbScorecardStore implements ScorecardStore {
  constructor(private readonly tx: Transaction, private readonly rules: ScorecardSettings) {}

  async entries(supplierId: number): Promise<ScorecardEntry[]> {
    const rows = await this.tx.all<EntryRow>('SELECT * FROM procurement_scorecard_entries WHERE supplier_id = ? ORDER BY id DESC', [supplierId]);
    return rows.map(toEntry);
  }

  async orderGate(supplierId: number): Promise<OrderGate> {
    return orderGate(await supplierStore(this.tx).require(supplierId), this.rules);
  }

  async recordBreach(supplierId: number, breach: BreachInput, now: string): Promise<BreachRecorded> {
    const kind = this.rules.breaches.find((k) => k.kind === breach.kind);
    if (!kind) {
      const known = this.rules.breaches.map((k) => `${k.zh} ${k.kind}`).join('、');
      throw new InputError(
        { 'zh-CN': `没有“${breach.kind}”这种违约，可选：${known}（在采购设置里增减）`, en: `There is no breach kind "${breach.kind}"; known: ${this.rules.breaches.map((k) => k.kind).join(', ')} (set them in the procurement settings)` },
        { errors: [{ path: '/kind', in: 'body', message: 'unknown' }] },
      );
    }
    const suppliers = supplierStore(this.tx);
    const before = await suppliers.require(supplierId);
    const step = afterBreach(before, kind.points, now.slice(0, 10), this.rules);
    const { lastId } = await this.tx.run(
      `INSERT INTO procurement_scorecard_entries (supplier_id, kind, kind_zh, kind_en, points, points_after, standing_after, fix_by_after, note, reference, source, recorded_at, recorded_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [supplierId, kind.kind, kind.zh, kind.en, kind.points, step.points, step.standing, step.fixBy, breach.note?.trim() ?? '', breach.reference?.trim() || null, breach.source ?? 'manual', now, breach.by ?? null],
    );
    await suppliers.setStanding(supplierId, { points: step.points, standing: step.standing, fixBy: step.fixBy }, now);
    const entry = toEntry((await this.tx.get<EntryRow>('SELECT * FROM procurement_scorecard_entries WHERE id = ?', [lastId]))!);
    const explanation = {
      'zh-CN': `${kind.zh} 扣 ${kind.points} 分：${step.pointsBefore} → ${step.points} 分。${step.explanation['zh-CN']}`,
      en: `${kind.en}, ${kind.points} points: ${step.pointsBefore} → ${step.points}. ${step.explanation.en}`,
    };
    return { entry, supplier: await suppliers.require(supplierId), explanation };
  }

  async resetYear(now: string): Promise<number[]> {
    const cutoff = resetCutoff(now);
    const open = await this.tx.all<{ supplier_id: number }>(
      "SELECT DISTINCT supplier_id FROM procurement_scorecard_entries WHERE cleared_at IS NULL AND kind <> 'reset' AND recorded_at <= ? ORDER BY supplier_id",
      [cutoff],
    );
    const suppliers = supplierStore(this.tx);
    for (const { supplier_id: id } of open) {
      const before = await suppliers.require(id);
      await this.tx.run("UPDATE procurement_scorecard_entries SET cleared_at = ? WHERE supplier_id = ? AND cleared_at IS NULL AND kind <> 'reset' AND recorded_at <= ?", [now, id, cutoff]);
      // Breaches recorded after the cut-off (a late run) keep counting in the new year.
      const left = (await this.tx.get<{ n: number }>("SELECT COALESCE(SUM(points), 0) AS n FROM procurement_scorecard_entries WHERE supplier_id = ? AND cleared_at IS NULL AND kind <> 'reset'", [id]))!.n;
      const standing = standingFor(left, before.standing === 'ended' ? 'ended' : 'active', this.rules);
      const fixBy = standing === 'active' ? null : before.fixBy;
      await this.tx.run(
        `INSERT INTO procurement_scorecard_entries (supplier_id, kind, kind_zh, kind_en, points, points_after, standing_after, fix_by_after, note, source, recorded_at)
         VALUES (?, 'reset', '年度清零', 'Yearly reset', ?, ?, ?, ?, ?, 'job', ?)`,
        [id, left - before.points, left, standing, fixBy, explainStanding(left, standing, fixBy, this.rules)['zh-CN'], now],
      );
      await suppliers.setStanding(id, { points: left, standing, fixBy }, now);
    }
    return open.map((o) => o.supplier_id);
  }
}
