// A reorder suggestion's arithmetic written out, line by line, in both languages — the clerk sees
// why each number is what it is. Built from the suggestion's own figures, so the list of thousands
// of suggestions carries the figures once and the screen writes out only the rows it shows; a
// purchase plan keeps the lines as they stood.
type Text = { 'zh-CN': string; en: string };

/** The figures of one suggestion the lines are written from (all in its answer). */
export interface SuggestionFacts {
  /** Pieces shipped in the window, and the sales per day (two decimals) worked out from them. */
  shipped: number;
  perDay: number;
  leadTimeDays: number;
  coverDays: number;
  target: number;
  onHand: number;
  reserved: number;
  onOrder: number;
  position: number;
  need: number;
  quantity: number;
  minQuantity: number;
  isNew: boolean;
  /** The chosen supplier: the lead time is the supplier's with one, the setting's without. */
  supplier: object | null;
}

/** The settings the suggestions were worked out with (the answer's `settings`). */
export interface SuggestionStepSettings {
  windowDays: number;
  safetyDays: number;
  firstBatchMax: number;
}

/**
 * A template joined into one flat string. A plain template literal leaves a tree of its pieces,
 * which lives on until the lines are written as JSON: for thousands of SKUs' explanations those
 * trees cost more to keep and to flatten than all the arithmetic.
 */
function text(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  const parts: (string | number)[] = [strings[0]!];
  for (let i = 0; i < values.length; i++) parts.push(values[i]!, strings[i + 1]!);
  return parts.join('');
}

/** The lines explaining one suggestion, from its figures. */
export function suggestionSteps(s: SuggestionFacts, settings: SuggestionStepSettings): Text[] {
  const { windowDays, safetyDays, firstBatchMax } = settings;
  const lead = s.supplier !== null ? { zh: '供应商到货', en: "supplier's lead time" } : { zh: '默认到货', en: 'default lead time' };
  const steps: Text[] = [
    { 'zh-CN': text`日均销量 = 近 ${windowDays} 天发货 ${s.shipped} 件 ÷ ${windowDays} 天 = ${s.perDay} 件/天`, en: text`Sales per day = ${s.shipped} shipped in ${windowDays} days ÷ ${windowDays} = ${s.perDay} a day` },
    { 'zh-CN': text`备货天数 = ${lead.zh} ${s.leadTimeDays} 天 + 安全库存 ${safetyDays} 天 = ${s.coverDays} 天`, en: text`Days to cover = ${lead.en} ${s.leadTimeDays} + safety stock ${safetyDays} = ${s.coverDays} days` },
    { 'zh-CN': text`目标库存 = ${s.perDay} × ${s.coverDays} = ${s.target} 件（向上取整）`, en: text`Target stock = ${s.perDay} × ${s.coverDays} = ${s.target} (rounded up)` },
    { 'zh-CN': text`可用 = 在库 ${s.onHand} − 已占用 ${s.reserved} + 在途 ${s.onOrder} = ${s.position} 件`, en: text`Available = on hand ${s.onHand} − reserved ${s.reserved} + on order ${s.onOrder} = ${s.position}` },
    { 'zh-CN': text`缺口 = ${s.target} − ${s.position} = ${s.need} 件`, en: text`Short by ${s.target} − ${s.position} = ${s.need}` },
  ];
  if (s.isNew) {
    steps.push({ 'zh-CN': text`新品：首批最多进 ${firstBatchMax} 件 → 建议 ${s.quantity} 件`, en: text`New item: its first batch is at most ${firstBatchMax} → suggest ${s.quantity}` });
    if (s.minQuantity > s.quantity) steps.push({ 'zh-CN': text`注意：供应商起订量 ${s.minQuantity} 件，高于首批上限`, en: text`Note: the supplier's minimum, ${s.minQuantity}, is above the first-batch limit` });
  } else if (s.need > 0 && s.minQuantity > s.need) {
    steps.push({ 'zh-CN': text`供应商起订量 ${s.minQuantity} 件 → 建议 ${s.quantity} 件`, en: text`The supplier's minimum is ${s.minQuantity} → suggest ${s.quantity}` });
  } else if (s.need > 0) {
    steps.push({ 'zh-CN': text`建议 ${s.quantity} 件`, en: text`Suggest ${s.quantity}` });
  } else {
    steps.push({ 'zh-CN': '库存够用，暂不补货', en: 'Stock covers the days: nothing to buy now' });
  }
  return steps;
}
