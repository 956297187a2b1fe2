import { toDisposable, type Disposable } from '../lifecycle/disposable.js';
import type { Database, Transaction } from '../db/database.js';
import type { Locale } from '../i18n/localized-text.js';

/** What a plugin's demo fill is told: the language and the time. */
interface FillContext {
  locale: Locale;
  now: string;
}

type Fill = (tx: Transaction, context: FillContext) => Promise<void>;

/**
 * Demo shops: each plugin may fill its tables with believable sample data. Filling runs every
 * plugin's part in activation order in one transaction, so a half-filled demo never remains.
 */
export class DemoData {
  private readonly fills: { owner: string; fill: Fill }[] = [];
  /** The account that asked for the demo, while a fill runs. */
  private account: { id: number; name: string } | undefined;

  register(owner: string, fill: Fill): Disposable {
    if (this.fills.some((f) => f.owner === owner)) throw new Error(`plugin ${owner} registered demo data twice`);
    const entry = { owner, fill };
    this.fills.push(entry);
    return toDisposable(() => this.fills.splice(this.fills.indexOf(entry), 1));
  }

  /** Fills the demo shop; answers which plugins contributed. `order` is the activation order. */
  async fill(db: Database, order: string[], context: FillContext & { owner: { id: number; name: string } }): Promise<string[]> {
    const sorted = [...this.fills].sort((a, b) => order.indexOf(a.owner) - order.indexOf(b.owner));
    this.account = context.owner;
    try {
      await db.transaction(async (tx) => {
        for (const f of sorted) await f.fill(tx, { locale: context.locale, now: context.now });
      });
    } finally {
      this.account = undefined;
    }
    return sorted.map((f) => f.owner);
  }

  /** The owner who asked for the demo; only while a fill runs. */
  owner(): { id: number; name: string } {
    if (!this.account) throw new Error('the demo owner is known only while the demo shop is filled');
    return this.account;
  }
}
