import { toDisposable, type Disposable } from '../lifecycle/disposable.js';
import type { Database, Transaction } from '../db/database.js';
import type { Locale } from '../i18n/localized-text.js';

type Fill = (tx: Transaction, context: { locale: Locale; now: string }) => Promise<void>;

/**
 * Demo shops: each plugin may fill its tables with believable sample data. Filling runs every
 * plugin's part in activation order in one transaction, so a half-filled demo never remains.
 */
export class DemoData {
  private readonly fills: { owner: string; fill: Fill }[] = [];

  register(owner: string, fill: Fill): Disposable {
    if (this.fills.some((f) => f.owner === owner)) throw new Error(`plugin ${owner} registered demo data twice`);
    const entry = { owner, fill };
    this.fills.push(entry);
    return toDisposable(() => this.fills.splice(this.fills.indexOf(entry), 1));
  }

  /** Fills the demo shop; answers which plugins contributed. `order` is the activation order. */
  async fill(db: Database, order: string[], context: { locale: Locale; now: string }): Promise<string[]> {
    const sorted = [...this.fills].sort((a, b) => order.indexOf(a.owner) - order.indexOf(b.owner));
    await db.transaction(async (tx) => {
      for (const f of sorted) await f.fill(tx, context);
    });
    return sorted.map((f) => f.owner);
  }
}
