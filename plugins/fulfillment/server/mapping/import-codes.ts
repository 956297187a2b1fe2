import type { Queryable } from '@workbench/plugin-api';
import type { ParsedItem } from '../import/item-rows.js';
import type { StoredItem, StoredOrders } from '../import/stored-orders.js';
import type { CatalogSku, CatalogView } from '../types.js';
import { mappingStore } from './mapping-store.js';
import { platformItemKey } from './platform-item.js';

/**
 * Gives each line of an import the 商家编码 it ships as, and answers listings' SKUs of every code
 * the lines then hold. A code listings knows complete stays. A line without one, or with a code
 * unknown to listings (or only a stub), keeps the SKU its stored line already has (same order,
 * same line key), else takes its platform item mapping's SKU; else it stays as it is — no code:
 * `unmapped-item`, an unknown code: a stub and `unknown-sku`, as before mappings existed.
 * A resolved line never changes SKU by itself, so removing or replacing a mapping does not make a
 * re-import refuse an order already approved.
 */
export async function resolveImportCodes(q: Queryable, catalog: CatalogView, items: ParsedItem[], stored: StoredOrders): Promise<Map<string, CatalogSku>> {
  const storedLine = (item: ParsedItem): StoredItem | undefined => {
    const order = stored.byNo.get(item.orderNo);
    return order ? stored.items.get(order.id)?.get(item.lineKey) : undefined;
  };
  const codes = new Set<string>();
  for (const item of items) {
    if (item.code !== '') codes.add(item.code);
    const line = storedLine(item);
    if (line && line.sku_id !== null && line.sku_code !== '') codes.add(line.sku_code);
  }
  const found = await catalog.skusByCodes([...codes]);
  const complete = (code: string) => {
    const sku = found.get(code);
    return sku && !sku.needsCompleting ? sku : undefined;
  };
  const waiting = items.filter((i) => !complete(i.code));
  if (waiting.length === 0) return found;

  const mappings = await mappingStore(q).byKeys(waiting.map((i) => platformItemKey(i.title, i.properties)));
  const mapped = new Map<number, CatalogSku | undefined>();
  for (const item of waiting) {
    const line = storedLine(item);
    const kept = line && line.sku_id !== null ? complete(line.sku_code) : undefined;
    if (kept && kept.id === line!.sku_id) {
      item.code = kept.code;
      continue;
    }
    const mapping = mappings.get(platformItemKey(item.title, item.properties));
    if (!mapping) continue;
    // The SKU by id: its 商家编码 may have been corrected in listings since the mapping was made.
    if (!mapped.has(mapping.sku_id)) mapped.set(mapping.sku_id, await catalog.skuById(mapping.sku_id));
    const sku = mapped.get(mapping.sku_id);
    if (!sku || sku.needsCompleting) continue;
    item.code = sku.code;
    found.set(sku.code, sku);
  }
  return found;
}
