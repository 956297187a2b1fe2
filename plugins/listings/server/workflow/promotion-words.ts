/**
 * Words that make a title read like an advertisement for a deal. Titles may carry only the
 * promotion words the shop allows (setting `checklist.allowedPromotionWords`); a word on this list
 * that is not allowed is flagged. The list is deliberately short and common, to avoid flagging
 * ordinary product words; the shop extends what is allowed, not what is spotted.
 */
export const PROMOTION_LIKE_WORDS: readonly string[] = [
  '包邮', '特价', '限时打折', '新品', '热卖', '清仓',
  '秒杀', '折扣', '打折', '促销', '特惠', '优惠', '大促', '甩卖', '买一送一', '满减',
  '限时', '抢购', '爆款', '团购', '降价', '半价', '免单', '福利', '亏本', '跳楼价', '白菜价',
];

/**
 * The promotion-like words in `title` that are not allowed. Allowed words are cut out first, so an
 * allowed 限时打折 does not count as the (not allowed) 限时 and 打折 hidden inside it.
 */
export function disallowedPromotionWords(title: string, allowed: readonly string[]): string[] {
  let rest = title;
  for (const word of [...allowed].sort((a, b) => b.length - a.length)) rest = rest.split(word).join('\u0000');
  const found: string[] = [];
  for (const word of [...PROMOTION_LIKE_WORDS].sort((a, b) => b.length - a.length)) {
    if (allowed.includes(word) || !rest.includes(word)) continue;
    found.push(word);
    // A longer word already found hides its shorter parts (买一送一 is not also 送一).
    rest = rest.split(word).join('\u0000');
  }
  return found;
}
