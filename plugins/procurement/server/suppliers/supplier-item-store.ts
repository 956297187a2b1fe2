import { NotFoundError, type Queryable, type Transaction } from '@workbench/plugin-api';
import type { SupplierItem } from '../model.js';

/** One price-list row as a clerk or a file gives it. */
export interface SupplierItemInput {
  skuCode: string;
  price: number;
  minQuantity?: number;
  validUntil?: string | null;
}

/** The supplier of a chosen offer, as the suggestions show it. */
export interface OfferSupplier {
  id: number;
  name: string;
  leadTimeDays: number;
  standing: 'active' | 'approval' | 'ended';
}

/** A SKU's chosen offer: what the suggestions need of it. */
export interface SkuOffer {
  supplier: OfferSupplier;
  /** 分 a piece. */
  price: number;
  minQuantity: number;
}

export interface SupplierItemReader {
  /** The supplier's price list, by 商家编码. */
  list(supplierId: number): Promise<SupplierItem[]>;
  /**
   * Per 商家编码, the cheapest offer still valid on `day` (`YYYY-MM-DD`) from a supplier not ended
   * (a tie goes to the shorter lead time, then the supplier's id); codes without one are absent.
   */
  cheapestOffers(day: string): Promise<Map<string, SkuOffer>>;
}

export interface SupplierItemStore extends SupplierItemReader {
  /** Adds the SKU to the supplier's list, or changes its row (one row per supplier and SKU). */
  put(supplierId: number, input: SupplierItemInput, now: string): Promise<SupplierItem>;
  remove(supplierId: number, itemId: number): Promise<void>;
}

const COLUMNS = `id, supplier_id AS supplierId, sku_code AS skuCode, price, min_quantity AS minQuantity,
  valid_until AS validUntil, updated_at AS updatedAt`;

/** The cheaper first; at one price the shorter lead time, then the lower supplier id. */
const rankOffers = (a: SkuOffer, b: SkuOffer) => a.price - b.price || a.supplier.leadTimeDays - b.supplier.leadTimeDays || a.supplier.id - b.supplier.id;

export function supplierItemStore(tx: Transaction): SupplierItemStore;
export function supplierItemStore(q: Queryable): SupplierItemReader;
export function supplierItemStore(q: Queryable): SupplierItemReader {
  return new DbSupplierItemStore(q as Transaction);
}

class DbSupplierItemStore implements SupplierItemStore {
  constructor(private readonly tx: Transaction) {}

  list(supplierId: number): Promise<SupplierItem[]> {
    return this.tx.all<SupplierItem>(`SELECT ${COLUMNS} FROM procurement_supplier_items WHERE supplier_id = ? ORDER BY sku_code`, [supplierId]);
  }

  async cheapestOffers(day: string): Promise<Map<string, SkuOffer>> {
    const suppliers = new Map<number, OfferSupplier>();
    const rows = await this.tx.all<OfferSupplier>("SELECT id, name, lead_time_days AS leadTimeDays, standing FROM procurement_suppliers WHERE standing <> 'ended'");
    for (const supplier of rows) suppliers.set(supplier.id, supplier);
    // Every valid offer in one row of JSON, the choice made here: a SKU has an offer or two, and
    // ranking them in SQL (a window over the price list) or getting a JavaScript object of each row
    // from sqlite3 cost several times the query. 5,000 SKUs: 28 ms of CPU before, 4 ms this way.
    const row = await this.tx.get<{ offers: string }>(
      `SELECT json_group_array(json_array(i.sku_code, i.supplier_id, i.price, i.min_quantity)) AS offers
         FROM procurement_supplier_items i JOIN procurement_suppliers s ON s.id = i.supplier_id
        WHERE s.standing <> 'ended' AND (i.valid_until IS NULL OR i.valid_until >= ?)`,
      [day],
    );
    const chosen = new Map<string, SkuOffer>();
    for (const [skuCode, supplierId, price, minQuantity] of JSON.parse(row?.offers ?? '[]') as [string, number, number, number][]) {
      const supplier = suppliers.get(supplierId);
      if (!supplier) continue; // ended between the two reads
      const offer = { supplier, price, minQuantity };
      const best = chosen.get(skuCode);
      if (!best || rankOffers(offer, best) < 0) chosen.set(skuCode, offer);
    }
    return chosen;
  }

  async put(supplierId: number, input: SupplierItemInput, now: string): Promise<SupplierItem> {
    await this.tx.run(
      `INSERT INTO procurement_supplier_items (supplier_id, sku_code, price, min_quantity, valid_until, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (supplier_id, sku_code) DO UPDATE SET price = excluded.price, min_quantity = excluded.min_quantity,
         valid_until = excluded.valid_until, updated_at = excluded.updated_at`,
      [supplierId, input.skuCode, input.price, input.minQuantity ?? 1, input.validUntil ?? null, now],
    );
    return (await this.tx.get<SupplierItem>(`SELECT ${COLUMNS} FROM procurement_supplier_items WHERE supplier_id = ? AND sku_code = ?`, [supplierId, input.skuCode]))!;
  }

  async remove(supplierId: number, itemId: number): Promise<void> {
    const { changes } = await this.tx.run('DELETE FROM procurement_supplier_items WHERE id = ? AND supplier_id = ?', [itemId, supplierId]);
    if (changes === 0) throw new NotFoundError({ 'zh-CN': `供应商 #${supplierId} 的价格表里没有第 ${itemId} 条`, en: `Supplier #${supplierId}'s price list has no row #${itemId}` });
  }
}
