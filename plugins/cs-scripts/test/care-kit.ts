// Shared by the procedures and customer-file API tests: the test kit with listings, fulfillment and
// after-sales running, orders entered and shipped through fulfillment's own routes.
import { resolve } from 'node:path';
import { startTestHost, type TestClient, type TestHost } from '@workbench/plugin-api/testing';
import { approve, createSkus, enterOrder, pickedWave, stockUp, type Client, type TestSku } from '../../../test/helpers/shop-fixtures.js';

export const PLUGIN = resolve(import.meta.dirname, '..');
export const AFTER_SALES = resolve(import.meta.dirname, '../../after-sales');
export const API = '/api/cs-scripts';

export function startCare(clock = '2026-11-11T09:00:00+08:00'): Promise<TestHost> {
  return startTestHost({ plugins: [PLUGIN, AFTER_SALES], enabled: ['listings', 'fulfillment', 'after-sales', 'cs-scripts'], clock });
}

// The kit's client answers the same calls as the helpers' client (get/post with status, body, text).
export const asClient = (c: TestClient) => c as unknown as Client;

export const skusOf = (host: TestHost, count = 2) => createSkus(asClient(host.owner), count, 'CS');

/** A paid order of these SKUs (one piece each), to `buyerNick`. */
export const paidOrder = (host: TestHost, skus: TestSku[], buyerNick: string, body: Record<string, unknown> = {}) =>
  enterOrder(asClient(host.owner), skus.map((sku) => ({ sku })), { buyerNick, ...body });

let bins = 0;
/** A paid order to `buyerNick`, stocked, approved, picked and shipped now. */
export async function shippedOrder(host: TestHost, sku: TestSku, buyerNick: string) {
  const owner = asClient(host.owner);
  await stockUp(owner, sku, `CS-${String(++bins).padStart(2, '0')}-01-01`, 1);
  const order = await enterOrder(owner, [{ sku }], { buyerNick });
  await approve(owner, order);
  await pickedWave(owner, [order.id]);
  const picked = (await host.owner.get(`/api/fulfillment/orders/${order.id}`)).body;
  const shipped = await host.owner.post(`/api/fulfillment/orders/${order.id}/ship`, { version: picked.version, trackingNo: `77${String(1000000000000 + order.id)}`, weightGrams: 400 });
  if (shipped.status !== 200) throw new Error(`could not ship ${order.orderNo}: ${shipped.status} ${shipped.text}`);
  return order;
}
