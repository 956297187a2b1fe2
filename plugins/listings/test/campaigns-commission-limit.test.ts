// The commission limit is a setting: a shop that caps 淘宝客 at 50 % is refused 51 %, named.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createProduct, startListings, type ListingsServer } from './api.js';

let listings: ListingsServer;

beforeAll(async () => {
  listings = await startListings({ settings: { promotions: { maxCommissionPercent: 50 } }, inProcess: true });
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

test('the setting cannot go above the platform’s 70 %', async () => {
  const current = await listings.owner.get('/api/settings/listings');
  const refused = await listings.owner.put('/api/settings/listings', { value: { promotions: { maxCommissionPercent: 80 } }, version: current.body.version });
  expect(refused.status).toBe(400);
  expect(JSON.stringify(refused.body.errors)).toContain('maxCommissionPercent');
  const lowered = await listings.owner.put('/api/settings/listings', { value: { promotions: { maxCommissionPercent: 60 } }, version: current.body.version });
  expect(lowered.status, lowered.text).toBe(200);
});
