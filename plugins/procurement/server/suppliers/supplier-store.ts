import { ConflictError, NotFoundError, type Queryable, type Transaction } from '@workbench/plugin-api';
import type { Supplier, SupplierInput } from '../model.js';

/** A page of suppliers, by name. */
export interface SupplierPage {
  items: Supplier[];
  total: number;
  page: number;
  pageSize: number;
}

export interface SupplierQuery {
  page: number;
  pageSize: number;
  /** A word of the name, contact or a category. */
  q?: string;
  standing?: Supplier['standing'];
  /** Suppliers offering this 商家编码. */
  sku?: string;
}

/** What may be read of the suppliers, in any read or transaction. */
export interface SupplierReader {
  list(query: SupplierQuery): Promise<SupplierPage>;
  /** The supplier, or a 404 a clerk can act on. */
  require(id: number): Promise<Supplier>;
  byIds(ids: number[]): Promise<Map<number, Supplier>>;
}

/** Everything the plugin does with its suppliers' own rows. */
export interface SupplierStore extends SupplierReader {
  add(input: SupplierInput, now: string): Promise<Supplier>;
  edit(id: number, change: Partial<SupplierInput> & { version: number }, now: string): Promise<Supplier>;
  /** Writes the scorecard's figures (the scorecard store decides them). */
  setStanding(id: number, figures: { points: number; standing: Supplier['standing']; fixBy: string | null }, now: string): Promise<void>;
}

interface SupplierRow {
  id: number;
  name: string;
  contact: string | null;
  phone: string | null;
  categories: string;
  lead_time_days: number;
  payment_terms: string | null;
  note: string;
  points: number;
  standing: Supplier['standing'];
  fix_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

const toSupplier = (r: SupplierRow): Supplier => ({
  id: r.id,
  name: r.name,
  contact: r.contact,
  phone: r.phone,
  categories: JSON.parse(r.categories) as string[],
  leadTimeDays: r.lead_time_days,
  paymentTerms: r.payment_terms,
  points: r.points,
  standing: r.standing,
  fixBy: r.fix_by,
  note: r.note,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Names differ only in spaces a clerk typed around them; the column compares without letter case. */
const cleanName = (name: string) => name.trim().replace(/\s+/g, ' ');
const cleanList = (list: string[]) => [...new Set(list.map((c) => c.trim()).filter((c) => c !== ''))];
const blankToNull = (text: string | null | undefined) => (text == null || text.trim() === '' ? null : text.trim());

/** The store over `procurement_suppliers`, bound to the caller's transaction (only its reader over a plain read). */
export function supplierStore(tx: Transaction): SupplierStore;
export function supplierStore(q: Queryable): SupplierReader;
export function supplierStore(q: Queryable): SupplierReader {
  return new DbSupplierStore(q as Transaction);
}

class DbSupplierStore implements SupplierStore {
  constructor(private readonly tx: Transaction) {}

  async list(query: SupplierQuery): Promise<SupplierPage> {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (query.q?.trim()) {
      const like = `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(`(name LIKE ? ESCAPE '\\' OR contact LIKE ? ESCAPE '\\' OR categories LIKE ? ESCAPE '\\')`);
      args.push(like, like, like);
    }
    if (query.standing) {
      where.push('standing = ?');
      args.push(query.standing);
    }
    if (query.sku?.trim()) {
      where.push('id IN (SELECT supplier_id FROM procurement_supplier_items WHERE sku_code = ?)');
      args.push(query.sku.trim());
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (await this.tx.get<{ n: number }>(`SELECT COUNT(*) AS n FROM procurement_suppliers ${filter}`, args))?.n ?? 0;
    const rows = await this.tx.all<SupplierRow>(`SELECT * FROM procurement_suppliers ${filter} ORDER BY name, id LIMIT ? OFFSET ?`, [...args, query.pageSize, (query.page - 1) * query.pageSize]);
    return { items: rows.map(toSupplier), total, page: query.page, pageSize: query.pageSize };
  }

  async require(id: number): Promise<Supplier> {
    const row = await this.tx.get<SupplierRow>('SELECT * FROM procurement_suppliers WHERE id = ?', [id]);
    if (!row) throw new NotFoundError({ 'zh-CN': `没有找到供应商 #${id}，可能已被删除`, en: `Supplier #${id} was not found; it may have been removed` });
    return toSupplier(row);
  }

  async byIds(ids: number[]): Promise<Map<number, Supplier>> {
    if (ids.length === 0) return new Map();
    const rows = await this.tx.all<SupplierRow>('SELECT * FROM procurement_suppliers WHERE id IN (SELECT value FROM json_each(?))', [JSON.stringify(ids)]);
    return new Map(rows.map((r) => [r.id, toSupplier(r)]));
  }

  async add(input: SupplierInput, now: string): Promise<Supplier> {
    const name = cleanName(input.name);
    await this.refuseTakenName(name);
    const { lastId } = await this.tx.run(
      `INSERT INTO procurement_suppliers (name, contact, phone, categories, lead_time_days, payment_terms, note, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [name, blankToNull(input.contact), blankToNull(input.phone), JSON.stringify(cleanList(input.categories ?? [])), input.leadTimeDays ?? 7, blankToNull(input.paymentTerms), input.note?.trim() ?? '', now, now],
    );
    return this.require(lastId);
  }

  async edit(id: number, change: Partial<SupplierInput> & { version: number }, now: string): Promise<Supplier> {
    const current = await this.require(id);
    const values: Record<string, string | number | null> = { updated_at: now };
    if (change.name !== undefined) {
      const name = cleanName(change.name);
      if (name.toLowerCase() !== current.name.toLowerCase()) await this.refuseTakenName(name);
      values.name = name;
    }
    if (change.contact !== undefined) values.contact = blankToNull(change.contact);
    if (change.phone !== undefined) values.phone = blankToNull(change.phone);
    if (change.categories !== undefined) values.categories = JSON.stringify(cleanList(change.categories));
    if (change.leadTimeDays !== undefined) values.lead_time_days = change.leadTimeDays;
    if (change.paymentTerms !== undefined) values.payment_terms = blankToNull(change.paymentTerms);
    if (change.note !== undefined) values.note = change.note.trim();
    await this.tx.updateVersioned('procurement_suppliers', { id, version: change.version }, values);
    return this.require(id);
  }

  async setStanding(id: number, figures: { points: number; standing: Supplier['standing']; fixBy: string | null }, now: string): Promise<void> {
    await this.tx.run('UPDATE procurement_suppliers SET points = ?, standing = ?, fix_by = ?, updated_at = ?, version = version + 1 WHERE id = ?', [figures.points, figures.standing, figures.fixBy, now, id]);
  }

  private async refuseTakenName(name: string): Promise<void> {
    const taken = await this.tx.get<{ id: number }>('SELECT id FROM procurement_suppliers WHERE name = ?', [name]);
    if (taken) throw new ConflictError({ 'zh-CN': `已经有叫“${name}”的供应商了（#${taken.id}）`, en: `There is already a supplier called "${name}" (#${taken.id})` });
  }
}
