import type { OrderStatus } from '../shared/state-names.js';

// The verification station's records as the API sends them (README "Waves, picking,
// verification": GET /verification/:ref, POST /verification/:orderId/scan).

/** One line of the order: what must be scanned and what was. */
export interface VerifyLine {
  skuId: number | null;
  skuCode: string;
  barcode: string | null;
  title: string;
  /** The catalogue's name with colour and size; null when listings has none (show `title`). */
  catalogName?: string | null;
  properties?: string;
  expected: number;
  scanned: number;
}

/** The order as the station shows it; receiver details masked by the server when the clerk may not see them. */
export interface VerifyOrder {
  id: number;
  orderNo: string;
  status: OrderStatus;
  receiverName: string;
  receiverMasked: boolean;
  receiverRegion?: string;
  buyerMessage?: string;
  sellerRemark?: string;
  trackingNo?: string | null;
}

export interface Verification {
  order: VerifyOrder;
  lines: VerifyLine[];
  complete: boolean;
}

/** A scan's answer: the line it counted and whether the order is now complete. */
export interface ScanAnswer {
  orderId: number;
  line: VerifyLine;
  complete: boolean;
  /** The order's state after the scan: 已复核 once the last item is in. */
  status: OrderStatus;
}

/** The verification with one scan's answer applied. */
export function applyScan(current: Verification, answer: ScanAnswer): Verification {
  const got = answer.line;
  const lines = current.lines.map((l) => (sameLine(l, got) ? { ...l, ...got } : l));
  return { order: { ...current.order, status: answer.status }, lines, complete: answer.complete };
}

export function sameLine(a: Pick<VerifyLine, 'skuId' | 'skuCode'>, b: Pick<VerifyLine, 'skuId' | 'skuCode'>): boolean {
  return a.skuId !== null && b.skuId !== null ? a.skuId === b.skuId : a.skuCode === b.skuCode;
}
