import { join } from 'node:path';
import { startTestHost, type TestHost, type TestHostOptions } from '@workbench/plugin-api/testing';
import { Client, routeInProcess } from './client.js';
import type { TestServer } from './server.js';

let next = 1;

/**
 * The plugin test kit behind the `TestServer` and `Client` the real-server tests use, so an API
 * test moves onto the kit by changing how it starts. Each host gets its own base URL (a port that
 * is never opened) by which its clients find it. With `listen: true` the host listens on a real
 * port of 127.0.0.1 instead and clients go over the network to it, still in this process.
 */
export async function startInProcess(options: TestHostOptions): Promise<{ server: TestServer; owner: Client; host: TestHost }> {
  const host = await startTestHost(options);
  const url = options.listen ? host.url : `http://localhost:${next++}`;
  const unroute = options.listen ? () => undefined : routeInProcess(url, (request) => host.app.request(request));
  const owner = new Client(url);
  owner.cookie = host.owner.cookie;
  let closed: Promise<void> | undefined;
  const close = () => (closed ??= host.close().finally(unroute));
  const server: TestServer = {
    url,
    ...(host.setupToken ? { setupToken: host.setupToken } : {}),
    // The test's own process serves it.
    pid: process.pid,
    dir: host.dir,
    dataDir: join(host.dir, 'data'),
    configFile: join(host.dir, 'config.yaml'),
    output: () => host.logs().join('\n'),
    waitFor: () => Promise.reject(new Error('an in-process test host has no process output to wait for; use startServer')),
    stop: () => close().then(() => 0),
    dispose: close,
  };
  return { server, owner, host };
}

/**
 * A workbench for a browser: the test kit listening on a port of 127.0.0.1, on the system clock,
 * cheap hashes, and still at its first start (no account: `setupOwner(server)` as with a process).
 * Browser tests use it unless they test the process itself; a process costs seconds per start and
 * a full-cost hash per login.
 */
export async function serveInProcess(options: { plugins?: string[]; enabled?: string[] }): Promise<TestServer> {
  const { server } = await startInProcess({
    plugins: options.plugins ?? [],
    ...(options.enabled ? { enabled: options.enabled } : {}),
    clock: 'system',
    listen: true,
    setup: false,
  });
  return server;
}
