/**
 * The plugin test kit, imported as `@workbench/plugin-api/testing` from a plugin's tests (never
 * from its server code): a workbench in the test's own process with just the plugins under test.
 *
 * @example
 * import { startTestHost } from '@workbench/plugin-api/testing';
 * const host = await startTestHost({ plugins: [pluginFolder], clock: '2026-11-11T09:00:00+08:00' });
 * const reply = await host.owner.post('/api/hello-shop/greetings', { customer: '小王' });
 */
export { startTestHost, TEST_OWNER, TEST_PASSWORD_COST } from './test-host.js';
export type { TestHost, TestHostClock, TestHostOptions } from './test-host.js';
export { TestClient } from './test-client.js';
export type { TestReply, FetchLike, ImportRun } from './test-client.js';
