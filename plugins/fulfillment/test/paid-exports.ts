import { taobaoExport, type PlatformStatusKey, type TaobaoExport } from './fixtures/taobao-export.mjs';

/**
 * Taobao reports of `orders` orders of these SKUs (the later layout), all in one state, each
 * report numbered on from the last by 1,000, so no two reports of a test file share an order.
 */
export function reportsFrom(first: bigint, skus: () => readonly { code: string }[]) {
  let next = first;
  return (orders: number, seed: number, status: PlatformStatusKey = 'paid'): TaobaoExport => {
    const firstOrderNo = String(next);
    next += 1000n;
    return taobaoExport({ orders, seed, firstOrderNo, layout: 'later', skuCodes: skus().map((s) => s.code), statusOf: () => status });
  };
}
