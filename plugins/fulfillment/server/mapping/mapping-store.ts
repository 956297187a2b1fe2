import type { Queryable, Transaction } from '@workbench/plugin-api';
import type { StepBy } from '../shared/actor.js';
import { containing } from '../shared/like-text.js';
import { platformItemKey } from './platform-item.js';

/** A row of fulfillment_item_mappings. */
export interface MappingRow {
  id: number;
  title: string;
  properties: string;
  match_key: string;
  sku_id: number;
  sku_code: string;
  created_by: number | null;
  created_by_name: string;
  created_at: string;
}

/** Reads of 宝贝对应关系; any Queryable will do. */
export interface MappingReader {
  /** The mappings of these keys, by key: one query however many lines an import holds. */
  byKeys(keys: readonly string[]): Promise<Map<string, MappingRow>>;
  get(id: number): Promise<MappingRow | undefined>;
  /** Newest first; `q` finds a word of the title or properties, or the 商家编码 exactly. */
  list(options: { q?: string; page: number; pageSize: number }): Promise<{ rows: MappingRow[]; total: number }>;
}

/** 宝贝对应关系 over `fulfillment_item_mappings`, inside the caller's transaction. */
export interface MappingStore extends MappingReader {
  insert(m: { title: string; properties: string; skuId: number; skuCode: string }, by: StepBy, at: string): Promise<MappingRow>;
  remove(id: number): Promise<void>;
}

/** The mapping store over a transaction (reads and writes) or any Queryable (reads only). */
export function mappingStore(tx: Transaction): MappingStore;
export function mappingStore(q: Queryable): MappingReader;
export function mappingStore(q: Queryable): MappingReader {
  return new DbMappingStore(q as Transaction);
}

class DbMappingStore implements MappingStore {
  constructor(private readonly tx: Transaction) {}

  async byKeys(keys: readonly string[]): Promise<Map<string, MappingRow>> {
    if (keys.length === 0) return new Map();
    const rows = await this.tx.all<MappingRow>('SELECT * FROM fulfillment_item_mappings WHERE match_key IN (SELECT value FROM json_each(?))', [JSON.stringify([...new Set(keys)])]);
    return new Map(rows.map((r) => [r.match_key, r]));
  }

  get(id: number): Promise<MappingRow | undefined> {
    return this.tx.get<MappingRow>('SELECT * FROM fulfillment_item_mappings WHERE id = ?', [id]);
  }

  async list(options: { q?: string; page: number; pageSize: number }): Promise<{ rows: MappingRow[]; total: number }> {
    const text = options.q?.trim();
    const where = text ? "WHERE title LIKE ? ESCAPE '\\' OR properties LIKE ? ESCAPE '\\' OR sku_code = ?" : '';
    const params = text ? [containing(text), containing(text), text] : [];
    const total = (await this.tx.get<{ n: number }>(`SELECT COUNT(*) AS n FROM fulfillment_item_mappings ${where}`, params))?.n ?? 0;
    const rows = await this.tx.all<MappingRow>(`SELECT * FROM fulfillment_item_mappings ${where} ORDER BY id DESC LIMIT ? OFFSET ?`, [...params, options.pageSize, (options.page - 1) * options.pageSize]);
    return { rows, total };
  }

  async insert(m: { title: string; properties: string; skuId: number; skuCode: string }, by: StepBy, at: string): Promise<MappingRow> {
    const { lastId } = await this.tx.run(
      'INSERT INTO fulfillment_item_mappings (title, properties, match_key, sku_id, sku_code, created_by, created_by_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [m.title, m.properties, platformItemKey(m.title, m.properties), m.skuId, m.skuCode, by.id, by.name, at],
    );
    return (await this.get(lastId))!;
  }

  async remove(id: number): Promise<void> {
    await this.tx.run('DELETE FROM fulfillment_item_mappings WHERE id = ?', [id]);
  }
}
