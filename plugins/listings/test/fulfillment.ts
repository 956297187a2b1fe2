// Listings' tests beside the real fulfillment plugin: stock set through its warehouse (an inbound
// note, then adjustments), orders entered and closed there, and two small neighbours for what
// fulfillment does not do — fixtures/listener-stub records the listings events it hears (and
// refuses some delistings), fixtures/checkout-stub redeems coupons through the pricing service.
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Client } from './api.js';

export const LISTENER = join(import.meta.dirname, 'fixtures', 'listener-stub');
export const CHECKOUT = join(import.meta.dirname, 'fixtures', 'checkout-stub');

const F = '/api/fulfillment';
let bins = 0;

/** A fresh location code for the next SKU stocked in this test file's server: L-01-01-01, L-01-02-01 … */
function nextBin(): string {
  const n = bins++;
  const two = (x: number) => String(x).padStart(2, '0');
  return `L-${two(1 + Math.floor(n / 99))}-${two(1 + (n % 99))}-01`;
}

/**
 * Makes fulfillment hold `qty` pieces of each SKU: the first time through an inbound note into a
 * bin of the SKU's own, later by an adjustment of the difference. Each movement emits
 * `fulfillment.stock.changed`, so listings re-checks its warnings at once.
 */
export async function setStock(owner: Client, levels: [{ id: number; code: string }, number][]): Promise<void> {
  for (const [sku, qty] of levels) {
    const item = (await owner.get(`${F}/stock?sku=${sku.id}`)).body.items[0] as { onHand: number; bins: { locationCode: string }[] } | undefined;
    let location = item?.bins[0]?.locationCode;
    let onHand = item?.onHand ?? 0;
    if (!location) {
      location = nextBin();
      const made = await owner.post(`${F}/locations`, { code: location });
      expect(made.status, made.text).toBe(201);
      // A first delivery of at least one piece, so fulfillment knows the SKU even at 0.
      const received = Math.max(qty, 1);
      const inbound = await owner.post(`${F}/inbound`, { reference: `测试到货 ${sku.code}`, lines: [{ skuCode: sku.code, received, passed: received, failed: 0, location }] });
      expect(inbound.status, inbound.text).toBe(201);
      onHand += received;
    }
    if (qty !== onHand) {
      const adjusted = await owner.post(`${F}/stock/adjust`, { skuId: sku.id, location, qty: qty - onHand, reason: '测试调整库存' });
      expect(adjusted.status, adjusted.text).toBe(200);
    }
  }
}

/** The payloads of one listings event the listener stand-in heard, oldest first. */
export async function heard<T = Record<string, unknown>>(owner: Client, name: string): Promise<T[]> {
  const reply = await owner.get(`/api/listener-stub/heard?name=${encodeURIComponent(name)}`);
  expect(reply.status, reply.text).toBe(200);
  return (reply.body.items as { payload: T }[]).map((i) => i.payload);
}

/** Has the listener stand-in refuse the product's next delisting. */
export async function veto(owner: Client, productId: number): Promise<void> {
  expect((await owner.post('/api/listener-stub/vetoes', { productId })).status).toBe(204);
}

/** A paid order entered by hand in fulfillment for these SKU codes (one piece each). */
export async function enterOrder(owner: Client, skuCodes: string[]): Promise<{ id: number; orderNo: string; version: number }> {
  const reply = await owner.post(`${F}/orders`, {
    buyerNick: 'tb_测试买家',
    receiverName: '周小满',
    receiverPhone: '13900001111',
    receiverAddress: '浙江省宁波市鄞州区四明中路 8 号',
    shippingFee: 0,
    paid: true,
    items: skuCodes.map((skuCode) => ({ skuCode, quantity: 1 })),
  });
  expect(reply.status, reply.text).toBe(201);
  return reply.body;
}

/** Closes a fulfillment order, which emits `fulfillment.order.closed` with its number. */
export async function closeOrder(owner: Client, order: { id: number }, reason = '买家不要了'): Promise<void> {
  const current = await owner.get(`${F}/orders/${order.id}`);
  const closed = await owner.post(`${F}/orders/${order.id}/close`, { version: current.body.version, reason });
  expect(closed.status, closed.text).toBe(200);
}

let parcels = 0;
/**
 * Ships one order of `qty` pieces of the SKU from fulfillment (entered, approved, picked in a wave
 * of its own, shipped with 申通), so it counts in the shipped quantities. The SKU must be stocked.
 */
export async function shipOrder(owner: Client, sku: { code: string }, qty: number): Promise<{ id: number; orderNo: string }> {
  const entered = await owner.post(`${F}/orders`, {
    buyerNick: `tb_发货${Date.now().toString(36)}${parcels}`,
    receiverName: '周小满',
    receiverPhone: '13900001111',
    receiverAddress: '浙江省宁波市鄞州区四明中路 8 号',
    shippingFee: 0,
    paid: true,
    items: [{ skuCode: sku.code, quantity: qty }],
  });
  expect(entered.status, entered.text).toBe(201);
  const order = entered.body as { id: number; orderNo: string; version: number };
  const approved = await owner.post(`${F}/orders/${order.id}/approve`, { version: order.version });
  expect(approved.status, approved.text).toBe(200);
  const wave = await owner.post(`${F}/waves`, { orderIds: [order.id] });
  expect(wave.status, wave.text).toBe(201);
  const picked = await owner.post(`${F}/waves/${wave.body.id}/picked`, { version: wave.body.version });
  expect(picked.status, picked.text).toBe(200);
  const current = await owner.get(`${F}/orders/${order.id}`);
  const trackingNo = `77${String(Date.now()).slice(-10)}${String(parcels++ % 100).padStart(2, '0')}`;
  const shipped = await owner.post(`${F}/orders/${order.id}/ship`, { version: current.body.version, courier: 'STO', trackingNo, weightGrams: 300 });
  expect(shipped.status, shipped.text).toBe(200);
  return order;
}
