import type { Queryable, Transaction } from '@workbench/plugin-api';

/** A competitor's price for one SKU, as noted by the shop. */
export interface CompetitorPrice {
  id: number;
  skuCode: string;
  /** The competitor's shop name. */
  competitor: string;
  /** 分. */
  price: number;
  url: string | null;
  note: string;
  notedBy: number;
  notedAt: string;
}

export type CompetitorPriceInput = Pick<CompetitorPrice, 'skuCode' | 'competitor' | 'price'> & Partial<Pick<CompetitorPrice, 'url' | 'note'>>;

export interface CompetitorReader {
  /** Per 商家编码, newest first. */
  forSkus(skuCodes: string[]): Promise<Map<string, CompetitorPrice[]>>;
}

export interface CompetitorStore extends CompetitorReader {
  add(input: CompetitorPriceInput, by: { id: number; at: string }): Promise<CompetitorPrice>;
}

const COLUMNS = 'id, sku_code AS skuCode, competitor, price, url, note, noted_by AS notedBy, noted_at AS notedAt';

export function competitorStore(tx: Transaction): CompetitorStore;
export function competitorStore(q: Queryable): CompetitorReader;
export function competitorStore(q: Queryable): CompetitorReader {
  return new DbCompetitorStore(q as Transaction);
}

class DbCompetitorStore implements CompetitorStore {
  constructor(private readonly tx: Transaction) {}

  async forSkus(skuCodes: string[]): Promise<Map<string, CompetitorPrice[]>> {
    const result = new Map<string, CompetitorPrice[]>();
    if (skuCodes.length === 0) return result;
    const rows = await this.tx.all<CompetitorPrice>(`SELECT ${COLUMNS} FROM procurement_competitor_prices WHERE sku_code IN (SELECT value FROM json_each(?)) ORDER BY noted_at DESC, id DESC`, [JSON.stringify(skuCodes)]);
    for (const row of rows) result.set(row.skuCode, [...(result.get(row.skuCode) ?? []), row]);
    return result;
  }

  async add(input: CompetitorPriceInput, by: { id: number; at: string }): Promise<CompetitorPrice> {
    const { lastId } = await this.tx.run(
      'INSERT INTO procurement_competitor_prices (sku_code, competitor, price, url, note, noted_by, noted_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [input.skuCode, input.competitor.trim(), input.price, input.url?.trim() || null, input.note?.trim() ?? '', by.id, by.at],
    );
    return (await this.tx.get<CompetitorPrice>(`SELECT ${COLUMNS} FROM procurement_competitor_prices WHERE id = ?`, [lastId]))!;
  }
}
