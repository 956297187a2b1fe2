import type { Queryable, Transaction } from '@workbench/plugin-api';

/** What the shop keeps of a buyer beyond the orders. `version` 0: nothing kept yet. */
export interface CustomerProfile {
  buyerNick: string;
  level: string;
  preferences: string;
  traits: string[];
  holidayGreetings: boolean;
  newProductNotices: boolean;
  version: number;
  updatedAt: string | null;
  updatedByName: string | null;
}

export interface CustomerNote {
  id: number;
  text: string;
  createdAt: string;
  createdByName: string;
}

export interface ReturnVisitRow {
  id: number;
  orderId: number;
  orderNo: string;
  buyerNick: string;
  shippedAt: string;
  doneAt: string | null;
  doneByName: string | null;
  note: string;
}

export type CustomerList = 'holiday-greetings' | 'new-products';

export interface Person {
  id: number | null;
  name: string;
}

export interface CustomerReader {
  profile(buyerNick: string): Promise<CustomerProfile>;
  notes(buyerNick: string): Promise<CustomerNote[]>;
  /** The customers on a list, by nick; only of one member level when given. */
  onList(list: CustomerList, level?: string): Promise<CustomerProfile[]>;
  visit(id: number): Promise<ReturnVisitRow | undefined>;
  /** Visits not yet made for parcels shipped on or before the shop day `lastShippingDay`, oldest first. */
  openVisits(lastShippingDay: string): Promise<ReturnVisitRow[]>;
  visitsOf(buyerNick: string): Promise<ReturnVisitRow[]>;
}

export interface CustomerStore extends CustomerReader {
  saveProfile(p: Omit<CustomerProfile, 'version' | 'updatedAt' | 'updatedByName'>, by: Person, at: string): Promise<void>;
  addNote(buyerNick: string, text: string, by: Person, at: string): Promise<void>;
  /** One visit per order: a second shipping of the same order changes nothing. */
  addVisit(v: { orderId: number; orderNo: string; buyerNick: string; shippedAt: string }): Promise<void>;
  visitDone(id: number, note: string, by: Person, at: string): Promise<void>;
}

export function customerStore(tx: Transaction): CustomerStore;
export function customerStore(q: Queryable): CustomerReader;
export function customerStore(q: Queryable): CustomerReader {
  return new DbCustomerStore(q as Transaction);
}

interface ProfileRow { buyer_nick: string; level: string; preferences: string; traits: string; holiday_greetings: number; new_product_notices: number; version: number; updated_at: string; updated_by_name: string }

const profileOf = (r: ProfileRow): CustomerProfile => ({
  buyerNick: r.buyer_nick, level: r.level, preferences: r.preferences, traits: JSON.parse(r.traits) as string[],
  holidayGreetings: r.holiday_greetings === 1, newProductNotices: r.new_product_notices === 1, version: r.version, updatedAt: r.updated_at, updatedByName: r.updated_by_name,
});

const VISIT = 'id, order_id AS orderId, order_no AS orderNo, buyer_nick AS buyerNick, shipped_at AS shippedAt, done_at AS doneAt, done_by_name AS doneByName, note';

class DbCustomerStore implements CustomerStore {
  constructor(private readonly tx: Transaction) {}

  async profile(buyerNick: string): Promise<CustomerProfile> {
    const row = await this.tx.get<ProfileRow>('SELECT * FROM cs_scripts_customers WHERE buyer_nick = ?', [buyerNick]);
    return row ? profileOf(row) : { buyerNick, level: '', preferences: '', traits: [], holidayGreetings: false, newProductNotices: false, version: 0, updatedAt: null, updatedByName: null };
  }

  notes(buyerNick: string): Promise<CustomerNote[]> {
    return this.tx.all<CustomerNote>(
      'SELECT id, text, created_at AS createdAt, created_by_name AS createdByName FROM cs_scripts_customer_notes WHERE buyer_nick = ? ORDER BY id DESC', [buyerNick]);
  }

  async onList(list: CustomerList, level?: string): Promise<CustomerProfile[]> {
    const column = list === 'holiday-greetings' ? 'holiday_greetings' : 'new_product_notices';
    const rows = await this.tx.all<ProfileRow>(
      `SELECT * FROM cs_scripts_customers WHERE ${column} = 1${level ? ' AND level = ?' : ''} ORDER BY buyer_nick`, level ? [level] : []);
    return rows.map(profileOf);
  }

  visit(id: number): Promise<ReturnVisitRow | undefined> {
    return this.tx.get<ReturnVisitRow>(`SELECT ${VISIT} FROM cs_scripts_return_visits WHERE id = ?`, [id]);
  }

  openVisits(lastShippingDay: string): Promise<ReturnVisitRow[]> {
    // Stored times are shop time with its offset, so the first ten characters are the shop day.
    return this.tx.all<ReturnVisitRow>(
      `SELECT ${VISIT} FROM cs_scripts_return_visits WHERE done_at IS NULL AND substr(shipped_at, 1, 10) <= ? ORDER BY shipped_at, id`, [lastShippingDay]);
  }

  visitsOf(buyerNick: string): Promise<ReturnVisitRow[]> {
    return this.tx.all<ReturnVisitRow>(`SELECT ${VISIT} FROM cs_scripts_return_visits WHERE buyer_nick = ? ORDER BY shipped_at DESC`, [buyerNick]);
  }

  async saveProfile(p: Omit<CustomerProfile, 'version' | 'updatedAt' | 'updatedByName'>, by: Person, at: string): Promise<void> {
    await this.tx.run(
      `INSERT INTO cs_scripts_customers (buyer_nick, level, preferences, traits, holiday_greetings, new_product_notices, updated_at, updated_by_name)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (buyer_nick) DO UPDATE SET level = excluded.level, preferences = excluded.preferences, traits = excluded.traits,
         holiday_greetings = excluded.holiday_greetings, new_product_notices = excluded.new_product_notices, version = version + 1,
         updated_at = excluded.updated_at, updated_by_name = excluded.updated_by_name`,
      [p.buyerNick, p.level, p.preferences, JSON.stringify(p.traits), p.holidayGreetings ? 1 : 0, p.newProductNotices ? 1 : 0, at, by.name]);
  }

  async addNote(buyerNick: string, text: string, by: Person, at: string): Promise<void> {
    await this.tx.run('INSERT INTO cs_scripts_customer_notes (buyer_nick, text, created_at, created_by, created_by_name) VALUES (?, ?, ?, ?, ?)', [buyerNick, text, at, by.id, by.name]);
  }

  async addVisit(v: { orderId: number; orderNo: string; buyerNick: string; shippedAt: string }): Promise<void> {
    await this.tx.run('INSERT OR IGNORE INTO cs_scripts_return_visits (order_id, order_no, buyer_nick, shipped_at) VALUES (?, ?, ?, ?)', [v.orderId, v.orderNo, v.buyerNick, v.shippedAt]);
  }

  async visitDone(id: number, note: string, by: Person, at: string): Promise<void> {
    await this.tx.run('UPDATE cs_scripts_return_visits SET done_at = ?, done_by = ?, done_by_name = ?, note = ? WHERE id = ?', [at, by.id, by.name, note, id]);
  }
}
