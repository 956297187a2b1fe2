// The reorder arithmetic for one SKU, as a pure function. The lines that write it out for the clerk
// are made from its figures by shared/suggestion-steps.ts.

export interface SuggestInput {
  /** Pieces shipped in the window. */
  shipped: number;
  windowDays: number;
  leadTimeDays: number;
  safetyDays: number;
  /** Pieces in bins, and reserved for approved orders not yet shipped. */
  onHand: number;
  reserved: number;
  /** Pieces on open purchase orders. */
  onOrder: number;
  /** The chosen supplier's minimum quantity (1 without a supplier). */
  minQuantity: number;
  /** Never stocked, never shipped, nothing on order: its first batch. */
  isNew: boolean;
  firstBatchMax: number;
}

export interface SuggestResult {
  perDay: number;
  coverDays: number;
  target: number;
  position: number;
  need: number;
  /** What to buy; 0: nothing now. */
  quantity: number;
  /** Days the stock lasts at the current pace; null when nothing sells. */
  daysLeft: number | null;
}

/** Two decimals, as people write rates. */
const round2 = (n: number) => Math.round(n * 100) / 100;

export function suggest(input: SuggestInput): SuggestResult {
  const perDay = input.shipped / input.windowDays;
  const rate = round2(perDay);
  const coverDays = input.leadTimeDays + input.safetyDays;
  const target = Math.ceil(round2(perDay * coverDays));
  const position = input.onHand - input.reserved + input.onOrder;
  const need = Math.max(0, target - position);
  const daysLeft = perDay > 0 ? Math.floor(Math.max(0, position) / perDay) : null;
  let quantity = need;
  if (input.isNew) quantity = input.firstBatchMax;
  else if (need > 0 && input.minQuantity > need) quantity = input.minQuantity;
  return { perDay: rate, coverDays, target, position, need, quantity, daysLeft };
}
