// The commission limit is a setting: a shop that caps 淘宝客 at 50 % is refused 51 %, named.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createProduct, startListings, type ListingsServer } from './api.js';

let listings: ListingsServer;

beforeAll(async () => {
  listings = await startListings({ settings: { promotions: { maxCommissionPercent: 50 } } });
});

afterAll(async () => {
  await listings?.server.dispose();
});

test('the limit from the settings applies, and the message names it', async () => {
  const product = await createProduct(listings.owner);
  const refused = await listings.owner.put(`/api/listings/products/${product.id}/commission`, { percent: 51, version: product.version });
  expect(refused.status).toBe(400);
  expect(refused.body.detail).toMatch(/最多 50%/);
  const accepted = await listings.owner.put(`/api/listings/products/${product.id}/commission`, { percent: 50, version: product.version });
  expect(accepted.status, accepted.text).toBe(200);
  expect(accepted.body.commissionPercent).toBe(50);
});
