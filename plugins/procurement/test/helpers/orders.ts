// Fixtures the order, receiving, return and ledger tests share: SKUs with barcodes, bins in
// fulfillment, and an order taken as far as sent.
import type { TestHost } from '@workbench/plugin-api/testing';
import { createSupplier, unique } from './host.js';

type Client = TestHost['owner'];

export interface ScannableSku {
  id: number;
  code: string;
  barcode: string;
}

let seq = 0;
/** A product in listings with one SKU per size, each with a barcode. */
export async function createScannableSkus(owner: Client, sizes: string[] = ['M', 'L'], title = '法兰绒睡衣套装'): Promise<ScannableSku[]> {
  const itemCode = unique('R');
  const reply = await owner.post('/api/listings/products', {
    title,
    itemCode,
    skus: sizes.map((size) => ({ code: `${itemCode}-${size}`, barcode: `69${String(Date.now()).slice(-7)}${String(seq++).padStart(4, '0')}`, attributes: { 尺码: size }, price: 15900, cost: 5200 })),
  });
  if (reply.status !== 201) throw new Error(`could not create a product: ${reply.status} ${reply.text}`);
  return (reply.body.skus as ScannableSku[]).map((s) => ({ id: s.id, code: s.code, barcode: s.barcode }));
}

/** A pick-face bin in fulfillment holding the SKU, so received goods have a place (`qty` 0: the bin only). */
export async function binFor(owner: Client, sku: { code: string }, location: string, qty = 1): Promise<void> {
  const made = await owner.post('/api/fulfillment/locations', { code: location, kind: 'pick' });
  if (made.status !== 201 && made.status !== 409) throw new Error(`could not create location ${location}: ${made.status} ${made.text}`);
  const inbound = await owner.post('/api/fulfillment/inbound', { reference: unique('IN'), lines: [{ skuCode: sku.code, received: qty, passed: qty, failed: 0, location }] });
  if (inbound.status !== 201) throw new Error(`could not stock ${sku.code}: ${inbound.status} ${inbound.text}`);
}

/** A supplier selling the SKUs at `price`, and an order of `qty` each, approved by `approver` and sent. */
export async function sentOrder(host: TestHost, approver: Client, skus: { code: string }[], options: { qty?: number[]; price?: number; transportCost?: number; expectedDate?: string; supplierId?: number; contractId?: number } = {}) {
  const supplierId = options.supplierId ?? (await createSupplier(host.owner, {}, skus.map((s) => ({ skuCode: s.code, price: options.price ?? 5000, minQuantity: 1 })))).id;
  const draft = await host.owner.post('/api/procurement/orders', {
    supplierId,
    transportCost: options.transportCost ?? 0,
    expectedDate: options.expectedDate ?? null,
    ...(options.contractId ? { contractId: options.contractId } : {}),
    lines: skus.map((s, i) => ({ skuCode: s.code, qty: options.qty?.[i] ?? 10, price: options.price ?? 5000 })),
  });
  if (draft.status !== 201) throw new Error(`could not draft an order: ${draft.status} ${draft.text}`);
  let order = draft.body;
  while (order.status === 'draft') {
    const signed = await approver.post(`/api/procurement/orders/${order.id}/approve`, { version: order.version });
    if (signed.status !== 200) throw new Error(`could not approve: ${signed.status} ${signed.text}`);
    order = signed.body;
  }
  const sent = await host.owner.post(`/api/procurement/orders/${order.id}/send`, { version: order.version });
  if (sent.status !== 200) throw new Error(`could not send: ${sent.status} ${sent.text}`);
  return { supplierId, order: sent.body as { id: number; poNo: string; version: number; lines: { id: number; skuCode: string }[] } };
}
