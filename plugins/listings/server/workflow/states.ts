import { ConflictError } from '@workbench/plugin-api';
import { LISTING_STATE_NAMES as STATUS_NAMES } from '../../shared/state-names.js';
import type { ListingStatus, Product } from '../types.js';

/** A text in both languages the workbench speaks, both required. */
export interface BilingualText {
  'zh-CN': string;
  en: string;
}


/**
 * A submitted product a reviewer already approved, held back until its scheduled 上架 time.
 * The status stays `submitted` (the table allows no other name for it), so the review fields
 * tell it apart: a fresh submission clears them, a rejection sends the product back to draft.
 */
export function isApprovedAwaitingSchedule(product: Pick<Product, 'status' | 'reviewedAt'>): boolean {
  return product.status === 'submitted' && product.reviewedAt !== null;
}

/**
 * The 409 for a move the product's current state does not allow. `action` completes
 * "只有…的商品才能___" / "only a product that is … can be ___".
 */
export function wrongState(product: Pick<Product, 'id' | 'status' | 'reviewedAt'>, action: BilingualText, allowed: ListingStatus[]): ConflictError {
  const name = STATUS_NAMES[product.status];
  const needZh = allowed.map((s) => `「${STATUS_NAMES[s]['zh-CN']}」`).join('或');
  const needEn = allowed.map((s) => `“${STATUS_NAMES[s].en}”`).join(' or ');
  const waiting = isApprovedAwaitingSchedule(product);
  return new ConflictError({
    'zh-CN': `商品 #${product.id} 现在是「${name['zh-CN']}」${waiting ? '（已审核通过，等定时上架）' : ''}，只有${needZh}的商品才能${action['zh-CN']}`,
    en: `Product #${product.id} is “${name.en}”${waiting ? ' (approved, waiting for its listing time)' : ''}; only a product that is ${needEn} can be ${action.en}`,
  });
}
