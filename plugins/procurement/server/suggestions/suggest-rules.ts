// The reorder arithmetic for one SKU, as a pure function that also writes itself out, line by
// line, in both languages — the clerk sees why each number is what it is.
type Text = { 'zh-CN': string; en: string };

export interface SuggestInput {
  /** Pieces shipped in the window. */
  shipped: number;
  windowDays: number;
  leadTimeDays: number;
  /** Where the lead time comes from: the supplier's, or the setting when no supplier offers the SKU. */
  leadTimeFrom: 'supplier' | 'setting';
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
  steps: Text[];
}

/**
 * A template joined into one flat string. A plain template literal leaves a tree of its pieces,
 * which lives on until the answer is written as JSON: for thousands of SKUs' explanations those
 * trees cost more to keep and to flatten than all the arithmetic.
 */
function text(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  const parts: (string | number)[] = [strings[0]!];
  for (let i = 0; i < values.length; i++) parts.push(values[i]!, strings[i + 1]!);
  return parts.join('');
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
  const lead = input.leadTimeFrom === 'supplier' ? { zh: '供应商到货', en: "supplier's lead time" } : { zh: '默认到货', en: 'default lead time' };
  const steps: Text[] = [
    { 'zh-CN': text`日均销量 = 近 ${input.windowDays} 天发货 ${input.shipped} 件 ÷ ${input.windowDays} 天 = ${rate} 件/天`, en: text`Sales per day = ${input.shipped} shipped in ${input.windowDays} days ÷ ${input.windowDays} = ${rate} a day` },
    { 'zh-CN': text`备货天数 = ${lead.zh} ${input.leadTimeDays} 天 + 安全库存 ${input.safetyDays} 天 = ${coverDays} 天`, en: text`Days to cover = ${lead.en} ${input.leadTimeDays} + safety stock ${input.safetyDays} = ${coverDays} days` },
    { 'zh-CN': text`目标库存 = ${rate} × ${coverDays} = ${target} 件（向上取整）`, en: text`Target stock = ${rate} × ${coverDays} = ${target} (rounded up)` },
    { 'zh-CN': text`可用 = 在库 ${input.onHand} − 已占用 ${input.reserved} + 在途 ${input.onOrder} = ${position} 件`, en: text`Available = on hand ${input.onHand} − reserved ${input.reserved} + on order ${input.onOrder} = ${position}` },
    { 'zh-CN': text`缺口 = ${target} − ${position} = ${need} 件`, en: text`Short by ${target} − ${position} = ${need}` },
  ];
  let quantity = need;
  if (input.isNew) {
    quantity = input.firstBatchMax;
    steps.push({ 'zh-CN': text`新品：首批最多进 ${input.firstBatchMax} 件 → 建议 ${quantity} 件`, en: text`New item: its first batch is at most ${input.firstBatchMax} → suggest ${quantity}` });
    if (input.minQuantity > quantity) steps.push({ 'zh-CN': text`注意：供应商起订量 ${input.minQuantity} 件，高于首批上限`, en: text`Note: the supplier's minimum, ${input.minQuantity}, is above the first-batch limit` });
  } else if (need > 0 && input.minQuantity > need) {
    quantity = input.minQuantity;
    steps.push({ 'zh-CN': text`供应商起订量 ${input.minQuantity} 件 → 建议 ${quantity} 件`, en: text`The supplier's minimum is ${input.minQuantity} → suggest ${quantity}` });
  } else if (need > 0) {
    steps.push({ 'zh-CN': text`建议 ${quantity} 件`, en: text`Suggest ${quantity}` });
  } else {
    steps.push({ 'zh-CN': '库存够用，暂不补货', en: 'Stock covers the days: nothing to buy now' });
  }
  return { perDay: rate, coverDays, target, position, need, quantity, daysLeft, steps };
}
