// Shared by the after-sales API tests: the test kit with listings and fulfillment running, and
// orders entered through fulfillment's own routes.
import { resolve } from 'node:path';
import { startTestHost, type TestClient, type TestHost } from '@workbench/plugin-api/testing';
import { createSkus, enterOrder, type Client, type TestSku } from '../../fulfillment/test/api.js';

export const PLUGIN = resolve(import.meta.dirname, '..');
export const STAFF_RULES = resolve(import.meta.dirname, '../../staff-rules');

export async function startAfterSales(options: { staffRules?: boolean; clock?: string } = {}): Promise<TestHost> {
  return startTestHost({
    plugins: options.staffRules ? [PLUGIN, STAFF_RULES] : [PLUGIN],
    enabled: ['listings', 'fulfillment', 'after-sales', ...(options.staffRules ? ['staff-rules'] : [])],
    clock: options.clock ?? '2026-11-11T09:00:00+08:00',
  });
}

// The kit's client answers the same calls as the helpers' client (get/post with status, body, text).
const asClient = (c: TestClient) => c as unknown as Client;

export const skusOf = (host: TestHost, count = 3) => createSkus(asClient(host.owner), count, 'AS');

/** A paid order of these SKUs (one piece each), 99 元 a line, shipping `shippingFee` 分. */
export const paidOrder = (host: TestHost, skus: TestSku[], body: Record<string, unknown> = {}) =>
  enterOrder(asClient(host.owner), skus.map((sku) => ({ sku })), body);

export const API = '/api/after-sales';
