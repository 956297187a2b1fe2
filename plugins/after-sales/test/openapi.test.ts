// Every route the README's route table promises is in /api/openapi.json, guarded by the permission
// the table names; every operation of the plugin has a summary and one of its own permissions, and
// every permission the manifest declares guards at least one operation.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parse } from 'yaml';
import { startTestHost, type TestHost } from '@workbench/plugin-api/testing';

let host: TestHost;

beforeAll(async () => {
  host = await startTestHost({ plugins: [resolve(import.meta.dirname, '..')], enabled: ['listings', 'fulfillment', 'after-sales'] });
});
afterAll(() => host?.close());

type Operation = { summary?: string; 'x-permission'?: string };

/** `method /path` → permission, read from the README's route table. */
function promisedRoutes(): Map<string, string> {
  const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
  const routes = new Map<string, string>();
  for (const line of readme.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const [, method, path, permission] = cells;
    if (!method || !/^(GET|POST|PUT|PATCH|DELETE)$/.test(method) || !path || !permission) continue;
    routes.set(`${method.toLowerCase()} ${path.replace(/`/g, '').replace(/:([A-Za-z]+)/g, '{$1}')}`, permission.replace(/`/g, ''));
  }
  return routes;
}

test('every route of the README is served with the permission the README names, and nothing else is', async () => {
  const doc = (await host.owner.get('/api/openapi.json')).body as { paths: Record<string, Record<string, Operation>> };
  const operations = new Map<string, Operation>(
    Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/after-sales/'))
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => [`${method} ${path}`, op] as const)),
  );
  const promised = promisedRoutes();
  expect(promised.size).toBeGreaterThan(7);
  for (const [route, permission] of promised) {
    expect(operations.has(route), `${route} is in the README but not served`).toBe(true);
    expect(operations.get(route)?.['x-permission'], route).toBe(permission);
  }
  for (const route of operations.keys()) expect(promised.has(route), `${route} is served but not in the README`).toBe(true);
  const manifest = parse(readFileSync(join(import.meta.dirname, '..', 'plugin.yaml'), 'utf8')) as { permissions: { id: string }[] };
  const permissions = new Set(manifest.permissions.map((p) => p.id));
  for (const [route, op] of operations) {
    expect(op.summary, route).toBeTruthy();
    expect(permissions, route).toContain(op['x-permission']);
  }
  // Each permission guards some route.
  const used = new Set([...operations.values()].map((op) => op['x-permission']));
  for (const id of permissions) expect(used, id).toContain(id);
});
