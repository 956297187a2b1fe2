// 满就送 while stocks last: an order takes its gifts from the promotion's count in the transaction
// that creates the order, and closing the order gives them back.
import { ConflictError, type Transaction } from '@workbench/plugin-api';
import type { PriceResult } from '../types.js';

export type GiftGrant = PriceResult['gifts'][number];

/**
 * Counts `gifts` as given to `orderRef`. A promotion whose count cannot cover its gift any more (another
 * order took the last one since the cart was priced) is a 409: priced again, the order gets no gift.
 * Granting the same order again changes nothing.
 */
export async function grantGifts(tx: Transaction, orderRef: string, gifts: readonly GiftGrant[], now: string): Promise<void> {
  for (const gift of gifts) {
    const known = await tx.get<{ qty: number }>('SELECT qty FROM listings_gift_grants WHERE order_ref = ? AND promotion_id = ?', [orderRef, gift.promotionId]);
    if (known) continue;
    const { changes } = await tx.run(
      `UPDATE listings_promotions SET gifts_given = gifts_given + ?
        WHERE id = ? AND kind = 'full-gift'
          AND (json_extract(rule, '$.giftCount') IS NULL OR gifts_given + ? <= json_extract(rule, '$.giftCount'))`,
      [gift.qty, gift.promotionId, gift.qty],
    );
    if (changes === 0) {
      throw new ConflictError({
        'zh-CN': `促销 #${gift.promotionId} 的赠品已送完，请重新计价后再提交订单`,
        en: `Promotion #${gift.promotionId} has no gifts left; price the order again and resubmit it`,
      });
    }
    await tx.run('INSERT INTO listings_gift_grants (order_ref, promotion_id, sku_id, qty, granted_at) VALUES (?, ?, ?, ?, ?)', [orderRef, gift.promotionId, gift.skuId, gift.qty, now]);
  }
}

/** The order closed: its gifts go back to their promotions' counts. Answers how many came back. */
export async function returnGifts(tx: Transaction, orderRef: string): Promise<number> {
  const grants = await tx.all<{ promotion_id: number; qty: number }>('SELECT promotion_id, qty FROM listings_gift_grants WHERE order_ref = ?', [orderRef]);
  for (const g of grants) await tx.run('UPDATE listings_promotions SET gifts_given = max(0, gifts_given - ?) WHERE id = ?', [g.qty, g.promotion_id]);
  await tx.run('DELETE FROM listings_gift_grants WHERE order_ref = ?', [orderRef]);
  return grants.reduce((s, g) => s + g.qty, 0);
}
