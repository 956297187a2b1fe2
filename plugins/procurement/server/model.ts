import type { Queryable } from '@workbench/plugin-api';

// The shapes the parts of procurement share: suppliers and what they supply. The suggestions and
// suppliers part owns these tables; quotes, orders, receiving and the ledger read them.

/** A supplier (table `procurement_suppliers`). */
export interface Supplier {
  id: number;
  name: string;
  contact: string | null;
  phone: string | null;
  /** Category names the supplier covers, free text from the shop. */
  categories: string[];
  /** Days from order to goods at the door. */
  leadTimeDays: number;
  /** Free text: "月结 30 天", "款到发货". */
  paymentTerms: string | null;
  /** Deduction points this year (the scorecard); reset every 31 December. */
  points: number;
  /** `active`; `approval` from 50 points (new orders need the owner); `ended` from 100. */
  standing: 'active' | 'approval' | 'ended';
  /** `YYYY-MM-DD`: the day the supplier must have fixed its problems by, set on reaching approval. */
  fixBy: string | null;
  note: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What a new supplier or an edit gives (the scorecard is not edited, it is earned). */
export interface SupplierInput {
  name: string;
  contact?: string | null;
  phone?: string | null;
  categories?: string[];
  leadTimeDays?: number;
  paymentTerms?: string | null;
  note?: string;
}

/** One SKU a supplier offers (table `procurement_supplier_items`): price list with its validity. */
export interface SupplierItem {
  id: number;
  supplierId: number;
  /** The listings SKU code (商家编码). */
  skuCode: string;
  /** 分. */
  price: number;
  minQuantity: number;
  /** `YYYY-MM-DD`, inclusive; null: no end. */
  validUntil: string | null;
  updatedAt: string;
}

/**
 * Pieces still to come on open purchase orders, per 商家编码 (codes with none may be absent). The
 * suggestions count them as stock; `server/suggestions/on-order.ts` is the one implementation.
 */
export type OnOrderQuantities = (q: Queryable, skuCodes: string[]) => Promise<Map<string, number>>;

/** A purchase plan (table `procurement_plans`): what the shop means to buy; RFQs and POs are made from it. */
export interface PurchasePlan {
  id: number;
  title: string;
  note: string;
  /** `open` until orders are made from it (`ordered`), or it is dropped (`closed`). */
  state: 'open' | 'ordered' | 'closed';
  lines: PurchasePlanLine[];
  createdBy: number;
  createdAt: string;
  version: number;
}

/** One line of a plan (table `procurement_plan_lines`). */
export interface PurchasePlanLine {
  id: number;
  planId: number;
  /** 商家编码; null for a need that has no SKU yet (a new item). */
  skuCode: string | null;
  /** What it is, for a line without a SKU, or the SKU's name when it was planned. */
  description: string;
  quantity: number;
  /** The supplier the suggestion chose (cheapest valid offer), if any. */
  supplierId: number | null;
  /** 分 a piece from that supplier's price list, if any. */
  price: number | null;
  source: 'suggestion' | 'need';
  needId: number | null;
  /** The suggestion's arithmetic, or the need's quality requirement and reason. */
  explanation: { 'zh-CN': string; en: string }[];
}
