import { NotFoundError, type Queryable, type Transaction } from '@workbench/plugin-api';
import type { SupplierItem } from '../model.js';

/** One price-list row as a clerk or a file gives it. */
export interface SupplierItemInput {
  skuCode: string;
  price: number;
  minQuantity?: number;
  validUntil?: string | null;
}

/** A valid offer for a SKU, with what the suggestions need of its supplier. */
export interface SkuOffer extends SupplierItem {
  supplierName: string;
  leadTimeDays: number;
  standing: 'active' | 'approval' | 'ended';
}

export interface SupplierItemReader {
  /** The supplier's price list, by 商家编码. */
  list(supplierId: number): Promise<SupplierItem[]>;
  /**
   * Per 商家编码, the cheapest offer still valid on `day` (`YYYY-MM-DD`) from a supplier not ended
   * (a tie goes to the shorter lead time, then the supplier's id); codes without one are absent.
   */
  cheapestOffers(skuCodes: string[], day: string): Promise<Map<string, SkuOffer>>;
}

export interface SupplierItemStore extends SupplierItemReader {
  /** Adds the SKU to the supplier's list, or changes its row (one row per supplier and SKU). */
  put(supplierId: number, input: SupplierItemInput, now: string): Promise<SupplierItem>;
  remove(supplierId: number, itemId: number): Promise<void>;
}

const COLUMNS = `id, supplier_id AS supplierId, sku_code AS skuCode, price, min_quantity AS minQuantity,
  valid_until AS validUntil, updated_at AS updatedAt`;

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

  async cheapestOffers(skuCodes: string[], day: string): Promise<Map<string, SkuOffer>> {
    if (skuCodes.length === 0) return new Map();
    // Ranked in SQL, so only the chosen offer of each SKU crosses into JavaScript.
    const rows = await this.tx.all<SkuOffer>(
      `SELECT id, supplierId, skuCode, price, minQuantity, validUntil, updatedAt, supplierName, leadTimeDays, standing FROM (
         SELECT i.id, i.supplier_id AS supplierId, i.sku_code AS skuCode, i.price, i.min_quantity AS minQuantity,
                i.valid_until AS validUntil, i.updated_at AS updatedAt, s.name AS supplierName,
                s.lead_time_days AS leadTimeDays, s.standing,
                ROW_NUMBER() OVER (PARTITION BY i.sku_code ORDER BY i.price, s.lead_time_days, s.id) AS rank
           FROM procurement_supplier_items i JOIN procurement_suppliers s ON s.id = i.supplier_id
          WHERE i.sku_code IN (SELECT value FROM json_each(?)) AND s.standing <> 'ended'
            AND (i.valid_until IS NULL OR i.valid_until >= ?)
       ) WHERE rank = 1`,
      [JSON.stringify(skuCodes), day],
    );
    return new Map(rows.map((row) => [row.skuCode, row]));
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
