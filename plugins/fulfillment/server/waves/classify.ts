import type { WaveClass } from '../../shared/state-names.js';

/**
 * How a wave picks an order (README, *Waves, picking, verification*): one SKU is 单品; several SKUs whose bins lie in one
 * zone are 多品单区 (one picker, seeded after); several zones are 多品跨区 (zone picking, then
 * consolidated). Several lines of the same SKU still count as one SKU.
 */
export function classifyOrder(skuZones: { skuId: number; zone: string }[]): WaveClass {
  const skus = new Set(skuZones.map((s) => s.skuId));
  if (skus.size <= 1) return 'single';
  const zones = new Set(skuZones.map((s) => s.zone));
  return zones.size <= 1 ? 'multi-one-zone' : 'multi-cross-zone';
}
