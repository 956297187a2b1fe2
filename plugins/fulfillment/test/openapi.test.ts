import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parse } from 'yaml';
import { startFulfillment, type FulfillmentServer } from './api.js';

// Every route the README's API tables promise is in /api/openapi.json, guarded by the permission
// the table names; every operation of the plugin has a summary and one of its own permissions, and
// every permission the manifest declares guards at least one operation.
let fs: FulfillmentServer;

beforeAll(async () => {
  fs = await startFulfillment({ inProcess: true });
});
afterAll(() => fs?.server.dispose());

type Operation = { summary?: string; 'x-permission'?: string; requestBody?: { content: Record<string, { schema?: unknown }> } };

/** `METHOD /path` → permission, read from the README's route tables. */
function promisedRoutes(): Map<string, string> {
  const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
  const routes = new Map<string, string>();
  for (const line of readme.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const permission = cells[2];
    if (!cells[1] || !permission || !/^[a-z]+(\.[a-z]+)*$/.test(permission)) continue;
    for (const [, method, path] of cells[1].matchAll(/`(GET|POST|PUT|PATCH|DELETE) (\/[^`]*)`/g)) {
      routes.set(`${method!.toLowerCase()} /api/fulfillment${path!.replace(/:([A-Za-z]+)/g, '{$1}')}`, `fulfillment.${permission}`);
    }
  }
  return routes;
}

test('every route of the README is documented with the permission the README names', async () => {
  const doc = (await fs.owner.get('/api/openapi.json')).body as { paths: Record<string, Record<string, Operation>> };
  const operations = new Map<string, Operation>(
    Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/fulfillment/'))
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => [`${method} ${path}`, op] as const)),
  );
  const promised = promisedRoutes();
  expect(promised.size).toBeGreaterThan(50);
  for (const [route, permission] of promised) {
    expect(operations.has(route), `${route} is in the README but not served`).toBe(true);
    expect(operations.get(route)?.['x-permission'], route).toBe(permission);
  }
  const manifest = parse(readFileSync(join(import.meta.dirname, '..', 'plugin.yaml'), 'utf8')) as { permissions: { id: string }[] };
  const permissions = new Set(manifest.permissions.map((p) => p.id));
  expect(permissions.size).toBe(14);
  for (const [route, op] of operations) {
    expect(op.summary, route).toBeTruthy();
    expect(permissions, route).toContain(op['x-permission']);
    if (/^(post|put|patch) /.test(route) && !route.includes('/importers/') && op.requestBody) {
      expect(Object.values(op.requestBody.content)[0]?.schema, route).toBeTruthy();
    }
  }
  // Each permission but the one that only unmasks data guards some route.
  const used = new Set([...operations.values()].map((op) => op['x-permission']));
  for (const id of permissions) if (id !== 'fulfillment.customer.read' && id !== 'fulfillment.stock.override') expect(used, id).toContain(id);
});
