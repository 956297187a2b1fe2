import type { Bilingual, OrderStatus } from '../shared/state-names.js';

// The shipping station's records as the API sends them (README "Orders" and "Shipping and
// statements"), and how the station reads a weight typed by hand or by a scale.

export interface ShipItem {
  id: number;
  skuCode: string;
  title: string;
  /** The catalogue's name with colour and size; null when listings has none. */
  catalogName?: string | null;
  properties: string;
  quantity: number;
}

/** The order as `GET /orders/:id` sends it; receiver details masked by the server when needed. */
export interface ShipOrder {
  id: number;
  orderNo: string;
  status: OrderStatus;
  receiverName: string;
  receiverPhone: string;
  receiverAddress: string;
  receiverMasked: boolean;
  buyerMessage: string;
  sellerRemark: string;
  courier: string | null;
  trackingNo: string | null;
  weightGrams: number | null;
  items: ShipItem[];
  version: number;
}

/** `GET /orders/:id/courier`: the courier the rules choose, and why. */
export interface CourierAnswer {
  courier: { code: string; name: string } | null;
  rule: 'requested' | 'default' | 'fallback' | 'none';
  reason: string | Bilingual;
}

/** A courier of the shop's settings, for choosing another one by hand. */
export interface CourierOption {
  code: string;
  name: string;
}

/** An order shipped at this station in this sitting, newest first. */
export interface Shipped {
  orderId: number;
  orderNo: string;
  courier: string;
  trackingNo: string;
  weightGrams: number | null;
}

/** An order can leave once verified, or once picked when it is one SKU line (单品, nothing to verify). */
export function readyToShip(order: ShipOrder): boolean {
  return order.status === 'verified' || (order.status === 'picked' && order.items.length === 1);
}

const UNITS: Record<string, number> = { '': 1, g: 1, 克: 1, kg: 1000, 千克: 1000, 公斤: 1000, 斤: 500 };

/**
 * A weight as the packer types it: grams by default (`350`), or with a unit — `1.2kg`, `1.2 公斤`,
 * `350g`, `350克`, `2斤`. Whole grams result; a bare number with decimals is refused, since
 * `1.2` could be kilograms or a typing slip. `undefined` for text that is no weight.
 */
export function parseWeight(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(g|克|kg|千克|公斤|斤)?$/i.exec(text.trim());
  if (!m) return undefined;
  const unit = (m[2] ?? '').toLowerCase();
  if (unit === '' && m[1]!.includes('.')) return undefined;
  const grams = Math.round(Number(m[1]) * UNITS[unit]!);
  return grams > 0 ? grams : undefined;
}
