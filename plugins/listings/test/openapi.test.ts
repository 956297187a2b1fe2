import { afterAll, beforeAll, expect, test } from 'vitest';
import { startListings, type ListingsServer } from './api.js';

// Every operation of the plugin is documented, guarded by one of its own permissions, and every
// permission the manifest declares guards at least one operation.
let s: ListingsServer;

beforeAll(async () => {
  s = await startListings({ inProcess: true });
});
afterAll(() => s?.server.dispose());

const PERMISSIONS = ['listings.products.read', 'listings.products.edit', 'listings.products.review', 'listings.price', 'listings.promotions.manage', 'listings.campaigns.run'];

type Operation = { summary?: string; 'x-permission'?: string; requestBody?: { content: Record<string, { schema?: unknown }> } };

test('every listings route is in /api/openapi.json with a summary and one of the plugin’s permissions', async () => {
  const doc = (await s.owner.get('/api/openapi.json')).body as { paths: Record<string, Record<string, Operation>> };
  const operations = Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/listings/'))
    .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
  expect(operations.length).toBeGreaterThan(50);
  for (const { path, method, op } of operations) {
    expect(op.summary, `${method} ${path}`).toBeTruthy();
    expect(PERMISSIONS, `${method} ${path}`).toContain(op['x-permission']);
    // Changes carry a body schema, so the form and the server agree on what is accepted.
    if (['post', 'put', 'patch'].includes(method) && !path.includes('/importers/') && op.requestBody) {
      expect(Object.values(op.requestBody.content)[0]?.schema, `${method} ${path}`).toBeTruthy();
    }
  }
  expect(new Set(operations.map((o) => o.op['x-permission']))).toEqual(new Set(PERMISSIONS));
  // The operations the README promises, by area.
  const listed = new Set(operations.map((o) => `${o.method} ${o.path}`));
  for (const expected of [
    'post /api/listings/products',
    'post /api/listings/products/{id}/submit',
    'post /api/listings/products/{id}/review',
    'post /api/listings/products/{id}/delist',
    'get /api/listings/products/{id}/checklist',
    'get /api/listings/products/{id}/competitor-prices',
    'get /api/listings/revisions',
    'get /api/listings/products/{id}/revisions',
    'post /api/listings/revisions/{id}/review',
    'post /api/listings/revisions/{id}/withdraw',
    'get /api/listings/stock-warnings',
    'post /api/listings/promotions',
    'post /api/listings/coupons',
    'post /api/listings/price',
    'post /api/listings/campaigns',
    'get /api/listings/campaigns/{id}/checks',
    'post /api/listings/campaigns/{id}/close-out',
    'put /api/listings/products/{id}/commission',
    'post /api/listings/importers/products-csv',
  ]) {
    expect(listed, expected).toContain(expected);
  }
});
