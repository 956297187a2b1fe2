import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parse } from 'yaml';
import type { TestHost } from '@workbench/plugin-api/testing';
import { startProcurement } from './helpers/host.js';

// Every route the README's route table promises is in /api/openapi.json, guarded by the permission
// the table names; every operation of the plugin has a summary and one of its own permissions, and
// every permission the manifest declares guards at least one operation.
let host: TestHost;

beforeAll(async () => {
  host = await startProcurement();
});
afterAll(() => host?.close());

type Operation = { summary?: string; 'x-permission'?: string };

/** `METHOD /path` → permission, read from the README's route table. */
function promisedRoutes(): Map<string, string> {
  const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
  const routes = new Map<string, string>();
  for (const line of readme.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const permission = cells[2];
    if (!cells[1] || !permission || !/^[a-z]+(\.[a-z]+)*$/.test(permission)) continue;
    for (const [, method, path] of cells[1].matchAll(/`(GET|POST|PUT|PATCH|DELETE) (\/[^`]*)`/g)) {
      routes.set(`${method!.toLowerCase()} /api/procurement${path!.replace(/:([A-Za-z]+)/g, '{$1}')}`, `procurement.${permission}`);
    }
  }
  return routes;
}

test('every route of the README is served with the permission the README names, and nothing else is', async () => {
  const doc = (await host.owner.get('/api/openapi.json')).body as { paths: Record<string, Record<string, Operation>> };
  const operations = new Map<string, Operation>(
    Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/procurement/'))
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => [`${method} ${path}`, op] as const)),
  );
  const promised = promisedRoutes();
  expect(promised.size).toBeGreaterThanOrEqual(20);
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
  const used = new Set([...operations.values()].map((op) => op['x-permission']));
  for (const id of permissions) expect(used, id).toContain(id);
});
