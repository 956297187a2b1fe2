import { ConflictError, type Queryable, type Transaction } from '@workbench/plugin-api';

export interface MonthClose {
  month: string;
  closedAt: string;
  closedBy: number;
}

export interface MonthReader {
  closed(month: string): Promise<MonthClose | undefined>;
  /** Throws the 409 a clerk reads when the month is closed. */
  requireOpen(month: string): Promise<void>;
}

export interface MonthStore extends MonthReader {
  close(month: string, by: number, at: string): Promise<MonthClose>;
}

/** The store over `staff_rules_month_closes`. */
export function monthStore(tx: Transaction): MonthStore;
export function monthStore(q: Queryable): MonthReader;
export function monthStore(q: Queryable): MonthReader {
  return new DbMonthStore(q as Transaction);
}

class DbMonthStore implements MonthStore {
  constructor(private readonly tx: Transaction) {}

  closed(month: string): Promise<MonthClose | undefined> {
    return this.tx.get<MonthClose>('SELECT month, closed_at AS closedAt, closed_by AS closedBy FROM staff_rules_month_closes WHERE month = ?', [month]);
  }

  async requireOpen(month: string): Promise<void> {
    const closed = await this.closed(month);
    if (closed) {
      throw new ConflictError({
        'zh-CN': `${month} 月已由店长结账（${closed.closedAt.slice(0, 10)}），这个月的罚款、奖励不能再改`,
        en: `${month} was closed by the owner on ${closed.closedAt.slice(0, 10)}; its fines and rewards can no longer change`,
      });
    }
  }

  async close(month: string, by: number, at: string): Promise<MonthClose> {
    await this.requireOpen(month);
    await this.tx.run('INSERT INTO staff_rules_month_closes (month, closed_at, closed_by) VALUES (?, ?, ?)', [month, at, by]);
    return (await this.closed(month))!;
  }
}
