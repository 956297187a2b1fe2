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

/** `qty` pieces of the SKU in a pick bin, through fulfillment's inbound note. */
let bin = 0;
export async function stockUp(owner: Client, code: string, qty: number): Promise<void> {
  // One SKU per bin (一物一卡一位): each call fills a bin of its own.
  const location = `A-01-01-${String(++bin).padStart(2, '0')}`;
  const existing = await owner.get(`/api/fulfillment/locations?q=${location}`);
  if (!existing.body?.items?.some((l: { code: string }) => l.code === location)) {
    const made = await owner.post('/api/fulfillment/locations', { code: location, kind: 'pick' });
    if (made.status !== 201) throw new Error(`could not create location: ${made.status} ${made.text}`);
  }
  const inbound = await owner.post('/api/fulfillment/inbound', { reference: unique('IN'), lines: [{ skuCode: code, received: qty, passed: qty, failed: 0, location }] });
  if (inbound.status !== 201) throw new Error(`could not stock ${code}: ${inbound.status} ${inbound.text}`);
}

/**
 * An order of `qty` pieces entered by hand, then marked shipped `daysAgo` days back: the fixture
 * stands in for picking and packing, which the suggestions do not look at.
 */
export async function shipped(host: TestHost, code: string, qty: number, daysAgo: number): Promise<void> {
  const reply = await host.owner.post('/api/fulfillment/orders', {
    buyerNick: unique('tb_'), receiverName: '林小鱼', receiverPhone: '13812341234', receiverAddress: '浙江省杭州市西湖区文三路 100 号', shippingFee: 0, paid: true,
    items: [{ skuCode: code, quantity: qty }],
  });
  if (reply.status !== 201) throw new Error(`could not enter an order: ${reply.status} ${reply.text}`);
  const at = new Date(Date.parse(host.clock.now()) - daysAgo * 86_400_000 + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
  await host.write((tx) => tx.run("UPDATE fulfillment_orders SET status = 'shipped', shipped_at = ? WHERE id = ?", [at, reply.body.id]));
}
