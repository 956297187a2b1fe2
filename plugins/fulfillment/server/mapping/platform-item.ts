// A Taobao item as the platform names it — 宝贝标题 + 商品属性 — for lines whose 商家编码 says
// nothing the catalog knows. Shared by the import, the review and the mapping routes.
import type { OrderException } from '../types.js';

/** What a line says about its goods, whichever table it comes from. */
export interface PlatformLine {
  /** The 商家编码 the line carries now: '' when the export had none. */
  code: string;
  title: string;
  properties: string;
}

/** Full-width forms to half-width (NFKC: `：；（）`, the ideographic space), whitespace dropped, lower case. */
const fold = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');

/**
 * The key a mapping matches lines by: `手工羊毛围巾　加厚` / `颜色分类 : 燕麦色` and
 * `手工羊毛围巾 加厚` / `颜色分类：燕麦色` are the same item, since listings re-saved or exports
 * of different years spell the punctuation and spacing differently.
 */
export function platformItemKey(title: string, properties: string): string {
  return `${fold(title)}\u0001${fold(properties)}`;
}

/** `手工羊毛围巾（颜色分类：燕麦色）`: how a clerk recognises the item. */
export const itemName = (line: { title: string; properties: string }) => (line.properties ? `${line.title}（${line.properties}）` : line.title);

/** Why an order waits for a mapping, in both languages (the order keeps the Chinese). */
export function unmappedText(lines: { title: string; properties: string }[]): { 'zh-CN': string; en: string } {
  const names = [...new Set(lines.map(itemName))].map((n) => `「${n}」`).join('、');
  return {
    'zh-CN': `宝贝 ${names} 没有商家编码，还不知道是店里哪个 SKU：在订单的宝贝里点「这是哪个商品？」选一次，以后同样的宝贝自动对上`,
    en: `Item ${names} has no SKU code, so it is not known which SKU it is: choose it once with "Which SKU is this?" on the order's items, and the same item matches by itself from then on`,
  };
}

/**
 * The exceptions a set of lines gives an order: `unknown-sku` for codes listings does not know (or
 * only as a stub), `unmapped-item` for lines without any code that no mapping matched.
 */
export function lineExceptions<T extends PlatformLine>(lines: T[], isUnknown: (line: T) => boolean, unknownText: (codes: string[]) => string): OrderException[] {
  const exceptions: OrderException[] = [];
  const unknown = [...new Set(lines.filter((l) => l.code !== '' && isUnknown(l)).map((l) => l.code))];
  if (unknown.length) exceptions.push({ code: 'unknown-sku', message: unknownText(unknown) });
  const unmapped = lines.filter((l) => l.code === '');
  if (unmapped.length) exceptions.push({ code: 'unmapped-item', message: unmappedText(unmapped)['zh-CN'] });
  return exceptions;
}
