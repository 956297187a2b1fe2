// A plugin's README promises its routes in a table; /api/openapi.json says what is served. These
// check one against the other for a plugin's openapi test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parse } from 'yaml';
import type { TestHost } from '@workbench/plugin-api/testing';

type Operation = { summary?: string; 'x-permission'?: string };

/** `method /path` → permission, from README rows `| METHOD | /api/… | permission | … |`. */
export function readmeRoutes(pluginDir: string): Map<string, string> {
  const readme = readFileSync(join(pluginDir, 'README.md'), 'utf8');
  const routes = new Map<string, string>();
  for (const line of readme.split('\n')) {
    const [, method, path, permission] = line.split('|').map((c) => c.trim());
    if (!method || !/^(GET|POST|PUT|PATCH|DELETE)$/.test(method) || !path || !permission) continue;
    routes.set(`${method.toLowerCase()} ${path.replace(/`/g, '').replace(/:([A-Za-z]+)/g, '{$1}')}`, permission.replace(/`/g, ''));
  }
  return routes;
}

/**
 * Every promised route is served with the permission promised, and nothing else under `/api/<id>/`
 * is; every operation has a summary and one of the manifest's permissions; and every permission
 * guards some route, but those in `unguarded` (a permission that only changes what is shown).
 */
export async function expectServedAsPromised(host: TestHost, pluginDir: string, promised: Map<string, string>, options: { atLeast: number; unguarded?: string[] }): Promise<void> {
  const manifest = parse(readFileSync(join(pluginDir, 'plugin.yaml'), 'utf8')) as { id: string; permissions: { id: string }[] };
  const doc = (await host.owner.get('/api/openapi.json')).body as { paths: Record<string, Record<string, Operation>> };
  const operations = new Map<string, Operation>(
    Object.entries(doc.paths)
      .filter(([path]) => path.startsWith(`/api/${manifest.id}/`))
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => [`${method} ${path}`, op] as const)),
  );
  expect(promised.size).toBeGreaterThanOrEqual(options.atLeast);
  for (const [route, permission] of promised) {
    expect(operations.has(route), `${route} is in the README but not served`).toBe(true);
    expect(operations.get(route)?.['x-permission'], route).toBe(permission);
  }
  for (const route of operations.keys()) expect(promised.has(route), `${route} is served but not in the README`).toBe(true);
  const permissions = new Set(manifest.permissions.map((p) => p.id));
  for (const [route, op] of operations) {
    expect(op.summary, route).toBeTruthy();
    expect(permissions, route).toContain(op['x-permission']);
  }
  const used = new Set([...operations.values()].map((op) => op['x-permission']));
  for (const id of permissions) if (!options.unguarded?.includes(id)) expect(used, id).toContain(id);
}
