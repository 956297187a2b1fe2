import { catalogNames } from '../shared/catalog-names.js';
import type { CatalogView } from '../types.js';
import type { WaveDetail } from './wave-types.js';

/**
 * The wave with each pick line and seeding row named as the catalogue names the SKU (product title,
 * colour, size): the picker looks for a piece, not a listing. Looked up outside the wave's
 * transaction, since the catalogue is another plugin's.
 */
export async function namedWave<T extends WaveDetail>(catalog: CatalogView, wave: T): Promise<T> {
  const names = await catalogNames(catalog, [...wave.pickList.map((l) => l.skuId), ...wave.seeding.skus.map((s) => s.skuId)]);
  return {
    ...wave,
    pickList: wave.pickList.map((l) => ({ ...l, catalogName: names.get(l.skuId) ?? null })),
    seeding: { ...wave.seeding, skus: wave.seeding.skus.map((s) => ({ ...s, catalogName: names.get(s.skuId) ?? null })) },
  };
}
