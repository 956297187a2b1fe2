// Money in 分 as the server's messages, explanations and the CSV write it. Reading and writing
// plain 元 text comes from the plugin API (the UI kit offers the same functions to the browser).
import { yuan } from '@workbench/plugin-api';

export { parseYuan, yuan, type MoneyProblem } from '@workbench/plugin-api';

/** 19900 → "199", 19950 → "199.50": how a threshold reads in 满 X 元. */
export function yuanShort(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : yuan(fen);
}

/** 8900 → "¥89.00", −150 → "-¥1.50": an amount standing alone in a clerk's message. */
export function priceTag(fen: number): string {
  return fen < 0 ? `-¥${yuan(-fen)}` : `¥${yuan(fen)}`;
}
