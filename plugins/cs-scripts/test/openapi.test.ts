// Every route the README's route table promises is in /api/openapi.json, guarded by the permission
// the table names; every operation of the plugin has a summary and one of its own permissions, and
// every permission the manifest declares guards at least one operation.
import { resolve } from 'node:path';
import { afterAll, beforeAll, test } from 'vitest';
import { startTestHost, type TestHost } from '@workbench/plugin-api/testing';
import { expectServedAsPromised, readmeRoutes } from '../../../test/helpers/readme-routes.js';

const PLUGIN = resolve(import.meta.dirname, '..');
let host: TestHost;

beforeAll(async () => {
  host = await startTestHost({ plugins: [PLUGIN] });
});
afterAll(() => host?.close());

test('every route of the README is served with the permission the README names, and nothing else is', async () => {
  await expectServedAsPromised(host, PLUGIN, readmeRoutes(PLUGIN), { atLeast: 14 });
});
