// Weights as shops and couriers write them in their sheets: kilograms unless the header or the
// cell says grams, read digit by digit so nothing is rounded.
import type { LocalizedText } from '@workbench/plugin-api';

/** Whether a weight header counts in grams (`重量(克)`, `重量g`) rather than kilograms, the couriers' usual unit. */
export function headerInGrams(header: string): boolean {
  return /克|\(g\)|g$/i.test(header) && !/千克|公斤|kg/i.test(header);
}

/** Why a weight cell could not be read. */
export type WeightProblem = 'not-a-weight' | 'zero' | 'too-precise' | 'too-heavy';

// 1 000 kg is beyond any parcel a shop sends; it keeps typing slips like 12500 kg out.
const MAX_GRAMS = 1_000_000;

/**
 * A weight cell as whole grams: `1.25` kg → 1250, `830` 克 → 830. A unit written in the cell
 * (`1.2kg`, `830g`, `0.5公斤`, `830克`) wins over the header's. Read digit by digit, so 0.1 kg is
 * exactly 100 g; finer than a gram is refused rather than rounded.
 */
export function parseWeight(cell: string, headerGrams: boolean): { grams: number } | { problem: WeightProblem } {
  const text = cell.trim().replace(/\s+/g, '');
  const unit = /(kg|千克|公斤|g|克)$/i.exec(text);
  const grams = unit ? !/kg|千克|公斤/i.test(unit[1]!) : headerGrams;
  const number = unit ? text.slice(0, -unit[1]!.length) : text;
  const match = /^(\d{1,7})(?:\.(\d+))?$/.exec(number);
  if (!match) return { problem: 'not-a-weight' };
  const decimals = (match[2] ?? '').replace(/0+$/, '');
  if (decimals.length > (grams ? 0 : 3)) return { problem: 'too-precise' };
  const value = grams ? Number(match[1]) : Number(match[1]) * 1000 + Number(decimals.padEnd(3, '0'));
  if (value === 0) return { problem: 'zero' };
  if (value > MAX_GRAMS) return { problem: 'too-heavy' };
  return { grams: value };
}

export const WEIGHT_REASONS: Record<WeightProblem, (cell: string) => LocalizedText> = {
  'not-a-weight': (cell) => ({ 'zh-CN': `“${cell}”不是重量，请写成 1.25（公斤）或 1250克`, en: `“${cell}” is not a weight; write 1.25 (kg) or 1250g` }),
  zero: (cell) => ({ 'zh-CN': `重量要大于 0（${cell}）`, en: `The weight must be above 0 (${cell})` }),
  'too-precise': (cell) => ({ 'zh-CN': `重量最多精确到 1 克（${cell}）`, en: `Weights go down to the gram, no finer (${cell})` }),
  'too-heavy': (cell) => ({ 'zh-CN': `重量超过 1000 公斤，请检查单位（${cell}）`, en: `Over 1000 kg; check the unit (${cell})` }),
};
