import type { TestServer } from './server.js';

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export const OWNER = { username: 'dianzhang', password: 'correct-horse-42', displayName: '王店长' };

type Transport = (request: Request) => Response | Promise<Response>;
const transports = new Map<string, Transport>();

/**
 * Sends the requests of clients of `baseUrl` to an in-process workbench (the plugin test kit)
 * instead of over the network; answers the function that undoes it.
 */
export function routeInProcess(baseUrl: string, transport: Transport): () => void {
  transports.set(baseUrl, transport);
  return () => transports.delete(baseUrl);
}

/**
 * A browser-like API client: keeps the session cookie, sends the CSRF header the UI sends, and
 * parses JSON and problem+json answers.
 */
export class Client {
  cookie = '';
  constructor(
    readonly baseUrl: string,
    private readonly defaults: Record<string, string> = {},
  ) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const transport = transports.get(this.baseUrl);
    const init: RequestInit = {
      method,
      headers: {
        // An in-process Request carries no Host header by itself; the host check wants one.
        ...(transport ? { host: new URL(this.baseUrl).host } : {}),
        ...(method === 'GET' ? {} : { 'x-workbench-request': '1' }),
        ...(body !== undefined && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...this.defaults,
        ...headers,
      },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    };
    const res = transport ? await transport(new Request(this.baseUrl + path, init)) : await fetch(this.baseUrl + path, init);
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const [pair = ''] = setCookie.split(';');
      this.cookie = pair.endsWith('=') ? '' : pair;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (HTML, SSE): keep the text
    }
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  }

  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers);
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body ?? {}, headers);
  }
  put<T = any>(path: string, body: unknown, headers?: Record<string, string>) {
    return this.request<T>('PUT', path, body, headers);
  }
  patch<T = any>(path: string, body: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', path, body, headers);
  }

  async login(username: string, password: string): Promise<Reply> {
    return this.post('/api/auth/login', { username, password });
  }
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
