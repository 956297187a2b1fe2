import type { PluginContext } from '@workbench/plugin-api';
import { CatalogToken } from '../tokens.js';
import type { CatalogView } from '../types.js';

/** A SKU the manual entry can put on an order. */
export interface SkuHit {
  id: number;
  code: string;
  barcode: string | null;
  /** Product title with the SKU's options: 加绒卫衣 红色 M. */
  name: string;
  price: number;
}

/** Text as it is compared: lower case, without spaces (拼音 is typed without them). */
const fold = (text: string) => text.toLowerCase().replace(/\s+/g, '');

// A name as compared, with its pinyin, kept: the same few hundred product names are asked for all day.
const spelled = new Map<string, { text: string; full: string; initials: string }>();
const MAX_SPELLED = 20_000;

type Pinyin = typeof import('pinyin-pro').pinyin;
// pinyin-pro builds its dictionary as it loads, some 50 ms: at the first search, not at every start.
let loading: Promise<Pinyin> | undefined;
const loadPinyin = () => (loading ??= import('pinyin-pro').then((m) => m.pinyin));

function spellingOf(pinyin: Pinyin, name: string): { text: string; full: string; initials: string } {
  let hit = spelled.get(name);
  if (!hit) {
    hit = {
      text: fold(name),
      full: fold(pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('')),
      initials: fold(pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('')),
    };
    if (spelled.size >= MAX_SPELLED) spelled.clear();
    spelled.set(name, hit);
  }
  return hit;
}

/**
 * SKUs whose 商家编码, barcode, name, the name's pinyin or its initials hold what was typed
 * (`jrwy` and `jiarong` find 加绒卫衣), as the price calculator finds them: codes that start with
 * it first, then the rest in catalogue order. Stubs still to complete are left out — an order
 * cannot be entered on them. The catalogue is walked a page at a time through listings' service.
 */
export async function searchSkus(catalog: CatalogView, text: string, limit: number): Promise<SkuHit[]> {
  const q = fold(text);
  if (!q) return [];
  // 珊瑚绒 酒红: each word typed must be in the name (or its pinyin), wherever it stands.
  const words = text.split(/\s+/).map(fold).filter(Boolean);
  const pinyin = await loadPinyin();
  const named = (name: string) => {
    const spelling = spellingOf(pinyin, name);
    return words.every((w) => spelling.text.includes(w) || spelling.full.includes(w) || spelling.initials.includes(w));
  };
  const titles = new Map<number, string>();
  const first: SkuHit[] = [];
  const rest: SkuHit[] = [];
  for (let afterId = 0; ; ) {
    const page = await catalog.skuPage({ afterId, limit: 1000 });
    if (page.length === 0) break;
    afterId = page.at(-1)!.id;
    for (const sku of page) {
      if (sku.needsCompleting || sku.productId === null) continue;
      if (!titles.has(sku.productId)) titles.set(sku.productId, (await catalog.product(sku.productId))?.title ?? '');
      const name = [titles.get(sku.productId)!, ...Object.values(sku.attributes).filter(Boolean)].join(' ').trim();
      const code = fold(sku.code);
      const hit: SkuHit = { id: sku.id, code: sku.code, barcode: sku.barcode, name, price: sku.price };
      if (code.startsWith(q)) first.push(hit);
      else if (code.includes(q) || fold(sku.barcode ?? '') === q || named(name)) rest.push(hit);
    }
    if (first.length >= limit) break;
  }
  return [...first, ...rest].slice(0, limit);
}

/** `GET /sku-search` for manual entry: whoever enters orders finds SKUs without reading listings. */
export function addSkuSearchRoute(ctx: PluginContext): void {
  ctx.routes.add<Record<string, string>, { q: string; limit?: number }>({
    method: 'get',
    path: '/sku-search',
    permission: 'fulfillment.orders.edit',
    summary: { 'zh-CN': '录单找 SKU：商家编码、条码、品名、拼音或拼音首字母', en: 'Find a SKU to enter: code, barcode, name, pinyin or its initials' },
    query: { type: 'object', properties: { q: { type: 'string', minLength: 1, maxLength: 60 }, limit: { type: 'integer', minimum: 1, maximum: 50, default: 10 } }, required: ['q'], additionalProperties: false },
    response: {
      type: 'object',
      properties: { items: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, code: { type: 'string' }, barcode: { type: ['string', 'null'] }, name: { type: 'string' }, price: { type: 'integer' } }, required: ['id', 'code', 'barcode', 'name', 'price'] } } },
      required: ['items'],
    },
    handler: async ({ query }) => ({ items: await searchSkus(ctx.services.get(CatalogToken), query.q, query.limit ?? 10) }),
  });
}
