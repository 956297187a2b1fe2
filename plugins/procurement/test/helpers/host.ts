// A workbench in this process with procurement and listings (and fulfillment when asked), and the
// few fixtures the tests share: SKUs in listings, suppliers with price lists.
import { resolve } from 'node:path';
import { startTestHost, type TestHost } from '@workbench/plugin-api/testing';

type Client = TestHost['owner'];

export const PROCUREMENT = resolve(import.meta.dirname, '..', '..');

export function startProcurement(options: { fulfillment?: boolean; clock?: string; settings?: Record<string, Record<string, unknown>> } = {}): Promise<TestHost> {
  return startTestHost({
    plugins: [PROCUREMENT],
    enabled: ['listings', ...(options.fulfillment ? ['fulfillment'] : []), 'procurement'],
    clock: options.clock ?? '2026-11-11T09:00:00+08:00',
    ...(options.settings ? { settings: options.settings } : {}),
  });
}

let seq = 0;
/** A code no other test uses. */
export const unique = (prefix: string) => `${prefix}${Date.now().toString(36).slice(-4)}${(seq++).toString(36)}`.toUpperCase();

export interface TestSku {
  id: number;
  code: string;
  productId: number;
}

/** A product in listings with one SKU per size, `{itemCode}-{size}`. */
export async function createSkus(owner: Client, sizes: string[] = ['M', 'L'], title = '珊瑚绒睡袍'): Promise<TestSku[]> {
  const itemCode = unique('P');
  const reply = await owner.post('/api/listings/products', {
    title,
    itemCode,
    skus: sizes.map((size) => ({ code: `${itemCode}-${size}`, attributes: { 尺码: size }, price: 12900, cost: 4500 })),
  });
  if (reply.status !== 201) throw new Error(`could not create a product: ${reply.status} ${reply.text}`);
  return (reply.body.skus as { id: number; code: string }[]).map((s) => ({ id: s.id, code: s.code, productId: reply.body.id as number }));
}

/** A supplier, with a price list when `items` are given. */
export async function createSupplier(owner: Client, body: Record<string, unknown> = {}, items: Record<string, unknown>[] = []) {
  const reply = await owner.post('/api/procurement/suppliers', { name: unique('供应商'), leadTimeDays: 5, ...body });
  if (reply.status !== 201) throw new Error(`could not add a supplier: ${reply.status} ${reply.text}`);
  for (const item of items) {
    const put = await owner.put(`/api/procurement/suppliers/${reply.body.id}/items`, item);
    if (put.status !== 200) throw new Error(`could not set a price: ${put.status} ${put.text}`);
  }
  return reply.body as { id: number; name: string; version: number } & Record<string, unknown>;
}
