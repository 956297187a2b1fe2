// Permissions on every route, as the README's table gives them: the operation documents the
// permission, someone holding every other listings permission is refused (403), and someone
// holding only that one is let through (whatever the answer is then, it is not 403).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { staffClient, startListings, type Client, type ListingsServer } from './api.js';

const READ = 'listings.products.read';
const EDIT = 'listings.products.edit';
const REVIEW = 'listings.products.review';
const PRICE = 'listings.price';
const PROMO = 'listings.promotions.manage';
const RUN = 'listings.campaigns.run';
const ALL = [READ, EDIT, REVIEW, PRICE, PROMO, RUN];

const ROUTES: [string, string, string][] = [
  ['get', '/categories', READ],
  ['post', '/categories', EDIT],
  ['patch', '/categories/{id}', EDIT],
  ['delete', '/categories/{id}', EDIT],
  ['post', '/categories/{id}/move', EDIT],
  ['get', '/products/export.csv', READ],
  ['get', '/products', READ],
  ['post', '/products', EDIT],
  ['get', '/products/{id}', READ],
  ['patch', '/products/{id}', EDIT],
  ['get', '/skus', READ],
  ['post', '/products/{id}/skus', EDIT],
  ['patch', '/skus/{id}', EDIT],
  ['delete', '/skus/{id}', EDIT],
  ['get', '/products/{id}/competitor-prices', READ],
  ['post', '/importers/products-csv', EDIT],
  ['get', '/importers/products-csv/mappings', EDIT],
  ['put', '/importers/products-csv/mappings/{layout}', EDIT],
  ['delete', '/importers/products-csv/mappings/{layout}', EDIT],
  ['get', '/products/{id}/checklist', READ],
  ['post', '/products/{id}/submit', EDIT],
  ['post', '/products/{id}/review', REVIEW],
  ['post', '/products/{id}/delist', EDIT],
  ['put', '/products/{id}/schedule', EDIT],
  ['post', '/schedule/run', REVIEW],
  ['get', '/review-queue', REVIEW],
  ['get', '/products/{id}/history', READ],
  ['get', '/revisions', REVIEW],
  ['get', '/products/{id}/revisions', READ],
  ['post', '/revisions/{id}/review', REVIEW],
  ['post', '/revisions/{id}/withdraw', EDIT],
  ['get', '/stock-warnings', READ],
  ['post', '/stock-warnings/check', READ],
  ['get', '/stock-warnings/excess', READ],
  ['get', '/promotions', PROMO],
  ['post', '/promotions', PROMO],
  ['get', '/promotions/{id}', PROMO],
  ['patch', '/promotions/{id}', PROMO],
  ['post', '/promotions/{id}/end', PROMO],
  ['get', '/coupons', PROMO],
  ['post', '/coupons', PROMO],
  ['get', '/coupons/{id}', PROMO],
  ['post', '/coupons/{id}/issue', PROMO],
  ['get', '/coupon-codes/{code}', PRICE],
  ['post', '/coupon-codes/{code}/redeem', PROMO],
  ['post', '/coupon-orders/{orderRef}/close', PROMO],
  ['post', '/price', PRICE],
  ['get', '/stacking-policy', PRICE],
  ['get', '/campaigns', RUN],
  ['post', '/campaigns', RUN],
  ['get', '/campaigns/{id}', RUN],
  ['patch', '/campaigns/{id}', RUN],
  ['delete', '/campaigns/{id}', RUN],
  ['put', '/campaigns/{id}/prices', RUN],
  ['post', '/campaigns/{id}/prices/{skuId}/confirm', RUN],
  ['post', '/campaigns/{id}/prices/confirm-all', RUN],
  ['get', '/campaigns/{id}/checks', RUN],
  ['post', '/campaigns/{id}/schedule', RUN],
  ['post', '/campaigns/{id}/unschedule', RUN],
  ['post', '/campaigns/{id}/end', RUN],
  ['post', '/campaigns/run-schedule', RUN],
  ['get', '/campaigns/{id}/sales', RUN],
  ['post', '/campaigns/{id}/close-out', RUN],
  ['get', '/campaigns/{id}/report', RUN],
  ['put', '/products/{id}/commission', RUN],
];

let s: ListingsServer;
const only = new Map<string, Client>();
const allBut = new Map<string, Client>();

beforeAll(async () => {
  s = await startListings({ inProcess: true });
  for (const [i, permission] of ALL.entries()) {
    for (const [kind, permissions] of [['only', [permission]], ['but', ALL.filter((p) => p !== permission)]] as const) {
      const id = `${kind}-${i}`;
      const role = await s.owner.post('/api/roles', { id, name: { 'zh-CN': id }, permissions });
      expect(role.status, role.text).toBe(201);
      const client = await staffClient(s.server, s.owner, `user-${id}`, [id]);
      (kind === 'only' ? only : allBut).set(permission, client);
    }
  }
  // Two accounts per permission, each hashing its password twice: minutes on a busy two-core machine.
}, 180_000);
afterAll(() => s?.server.dispose());

const concrete = (path: string) => `/api/listings${path.replace('{id}', '1').replace('{skuId}', '1').replace('{code}', 'ABCDEFGHJK').replace('{orderRef}', 'TB1').replace('{layout}', 'abc')}`;
const call = (client: Client, method: string, path: string) =>
  method === 'get' ? client.get(path) : method === 'delete' ? client.request('DELETE', path) : client.request(method.toUpperCase(), path, {});

test('the OpenAPI document names the README’s permission for every route, and no listings route is left out', async () => {
  const doc = (await s.owner.get('/api/openapi.json')).body as { paths: Record<string, Record<string, { 'x-permission'?: string }>> };
  const actual = Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/listings/') && !path.includes('/runs/'))
    .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => `${method} ${path.slice('/api/listings'.length)} ${op['x-permission']}`));
  expect(actual.sort()).toEqual(ROUTES.map(([m, p, perm]) => `${m} ${p} ${perm}`).sort());
});

test('every route refuses someone without its permission and lets in someone with only that one', async () => {
  for (const [method, path, permission] of ROUTES) {
    const url = concrete(path);
    const refused = await call(allBut.get(permission)!, method, url);
    expect(refused.status, `${method} ${path} without ${permission}`).toBe(403);
    const allowed = await call(only.get(permission)!, method, url);
    expect(allowed.status, `${method} ${path} with only ${permission}: ${allowed.text}`).not.toBe(403);
    expect(allowed.status, `${method} ${path}`).toBeLessThan(500);
  }
});
