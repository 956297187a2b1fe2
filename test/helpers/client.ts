// The client's own module, not the kit's index: that would load the whole core into every test file.
import { TestClient, type FetchLike, type TestReply } from '../../core/testing/test-client.js';
import type { TestServer } from './server.js';

/** An answer, with its JSON (or problem+json) parsed into `body`: the test kit's reply. */
export type Reply<T = any> = TestReply<T>;

export const OWNER = { username: 'dianzhang', password: 'correct-horse-42', displayName: '王店长' };

const transports = new Map<string, FetchLike>();

/**
 * Sends the requests of clients of `baseUrl` to an in-process workbench (the plugin test kit)
 * instead of over the network; answers the function that undoes it.
 */
export function routeInProcess(baseUrl: string, transport: FetchLike): () => void {
  transports.set(baseUrl, transport);
  return () => transports.delete(baseUrl);
}

/**
 * The test kit's browser-like client (session cookie, CSRF header, parsed answers) over the network,
 * or to an in-process workbench when its base URL was routed there with `routeInProcess`.
 */
export class Client extends TestClient {
  constructor(baseUrl: string, defaults: Record<string, string> = {}) {
    super((request) => (transports.get(baseUrl) ?? fetch)(request), baseUrl, defaults);
  }
}

/**
 * A workbench with listings and fulfillment listening on a port, and its owner logged in: for
 * tests of what the server does with input as it arrives over a socket (body parser, validation,
 * list queries). The test kit serves it in this process, with cheap hashes; loaded on demand so
 * that this module stays light.
 */
export async function startShopServer(): Promise<{ server: TestServer; owner: Client }> {
  const { startInProcess } = await import('./in-process.js');
  const { server, owner } = await startInProcess({ plugins: [], enabled: ['listings', 'fulfillment'], listen: true, clock: 'system', logLevel: 'info' });
  return { server, owner };
}

/** Creates the owner through the setup link and answers a client logged in as the owner. */
export async function setupOwner(server: TestServer, extra: Record<string, unknown> = {}): Promise<Client> {
  const client = new Client(server.url);
  const reply = await client.post('/api/auth/setup', { token: server.setupToken, ...OWNER, ...extra });
  if (reply.status !== 201) throw new Error(`setup failed: ${reply.status} ${reply.text}`);
  return client;
}

/** Creates a staff account with the given roles and answers a client logged in as it. */
export async function staffClient(server: TestServer, owner: Client, username: string, roles: string[]): Promise<Client> {
  const password = 'staff-pass-123';
  const created = await owner.post('/api/users', { username, displayName: username, password, roles });
  if (created.status !== 201) throw new Error(`could not create ${username}: ${created.status} ${created.text}`);
  const client = new Client(server.url);
  const login = await client.login(username, password);
  if (login.status !== 200) throw new Error(`could not log in ${username}: ${login.status} ${login.text}`);
  return client;
}
