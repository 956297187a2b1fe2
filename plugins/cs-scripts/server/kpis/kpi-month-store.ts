import type { Queryable, Transaction } from '@workbench/plugin-api';
import type { KpiReport } from './kpi-report.js';

/** A closed month: its figures as they stood, and its best CS. */
export interface KpiMonth {
  month: string;
  report: KpiReport;
  first: string | null;
  second: string | null;
  closedAt: string;
  closedBy: number;
}

export interface KpiMonthReader {
  get(month: string): Promise<KpiMonth | undefined>;
}

export interface KpiMonthStore extends KpiMonthReader {
  add(m: KpiMonth): Promise<void>;
}

/** The store over `cs_scripts_kpi_months`, bound to the caller's transaction (only its reader over a plain read). */
export function kpiMonthStore(tx: Transaction): KpiMonthStore;
export function kpiMonthStore(q: Queryable): KpiMonthReader;
export function kpiMonthStore(q: Queryable): KpiMonthReader {
  return new DbKpiMonthStore(q as Transaction);
}

class DbKpiMonthStore implements KpiMonthStore {
  constructor(private readonly tx: Transaction) {}

  async get(month: string): Promise<KpiMonth | undefined> {
    const row = await this.tx.get<{ month: string; figures: string; first: string | null; second: string | null; closedAt: string; closedBy: number }>(
      'SELECT month, figures, first_agent AS first, second_agent AS second, closed_at AS closedAt, closed_by AS closedBy FROM cs_scripts_kpi_months WHERE month = ?',
      [month],
    );
    return row && { month: row.month, report: JSON.parse(row.figures) as KpiReport, first: row.first, second: row.second, closedAt: row.closedAt, closedBy: row.closedBy };
  }

  async add(m: KpiMonth): Promise<void> {
    await this.tx.run('INSERT INTO cs_scripts_kpi_months (month, figures, first_agent, second_agent, closed_at, closed_by) VALUES (?, ?, ?, ?, ?, ?)', [m.month, JSON.stringify(m.report), m.first, m.second, m.closedAt, m.closedBy]);
  }
}
