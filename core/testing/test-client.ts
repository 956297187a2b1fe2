/** An answer, with its JSON (or problem+json) parsed into `body` when it is JSON. */
export interface TestReply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export type FetchLike = (request: Request) => Response | Promise<Response>;

/**
 * A browser-like client: keeps the session cookie, sends the CSRF header the UI sends on every
 * request that changes something, and parses JSON and problem+json answers.
 */
export class TestClient {
  cookie = '';

  constructor(
    private readonly fetcher: FetchLike,
    private readonly baseUrl = 'http://localhost',
    private readonly defaults: Record<string, string> = {},
  ) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestReply<T>> {
    const url = new URL(path, this.baseUrl);
    const request = new Request(url, {
      method,
      headers: {
        // The host check reads the Host header, which an in-process Request does not carry by itself.
        host: url.host,
        ...(method === 'GET' || method === 'HEAD' ? {} : { 'x-workbench-request': '1' }),
        ...(body !== undefined && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...this.defaults,
        ...headers,
      },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    });
    const res = await this.fetcher(request);
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
      // not JSON (HTML, CSV, server-sent events): keep the text
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
  delete<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', path, undefined, headers);
  }

  login(username: string, password: string): Promise<TestReply> {
    return this.post('/api/auth/login', { username, password });
  }
}
