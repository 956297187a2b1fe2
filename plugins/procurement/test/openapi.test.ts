import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, test } from 'vitest';
import type { TestHost } from '@workbench/plugin-api/testing';
import { expectServedAsPromised } from '../../../test/helpers/readme-routes.js';
import { startProcurement } from './helpers/host.js';

// Every route the README's route table promises is in /api/openapi.json, guarded by the permission
// the table names; every operation of the plugin has a summary and one of its own permissions, and
// every permission the manifest declares guards at least one operation.
const PLUGIN = resolve(import.meta.dirname, '..');
let host: TestHost;

beforeAll(async () => {
  host = await startProcurement();
});
afterAll(() => host?.close());

/** `METHOD /path` → permission, read from the README's route tables (`GET /path` cells, short permission names). */
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
  await expectServedAsPromised(host, PLUGIN, promisedRoutes(), { atLeast: 20 });
});
