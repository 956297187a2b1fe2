/** An answer, with its JSON (or problem+json) parsed into `body` when it is JSON. */
export interface TestReply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** An import run followed to its end by `TestClient.runImport`. */
export interface ImportRun<R = any, P = any> {
  /** 202 when the run started; otherwise the refusal's status. */
  status: number;
  /** The answer to the upload itself. */
  reply: TestReply;
  /** What the run's `done` event carried. */
  result?: R;
  /** The problem (problem+json) of its `failed` event. */
  problem?: P;
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

  /**
   * Uploads one file to an importer (`POST <path>`, multipart with the field `file`) and follows
   * its run to the end: the `result` of its `done` event, or the `problem` of its `failed` one.
   * A refusal before the run starts (any status but 202) comes back with neither, in `reply`.
   */
  async runImport<R = any>(path: string, file: { name: string; bytes: Uint8Array | string; type?: string }, headers: Record<string, string> = {}): Promise<ImportRun<R>> {
    const form = new FormData();
    form.append('file', new Blob([file.bytes as BlobPart], { type: file.type ?? 'text/csv' }), file.name);
    const reply = await this.post(path, form, headers);
    if (reply.status !== 202) return { status: reply.status, reply };
    const stream = await this.get(reply.body.events, { accept: 'text/event-stream' });
    const event = (name: string) => {
      const block = stream.text.split(/\n\n/).find((b) => b.startsWith(`event: ${name}`));
      return block === undefined ? undefined : JSON.parse(block.slice(block.indexOf('data:') + 'data:'.length));
    };
    return { status: 202, reply, result: event('done')?.result, problem: event('failed')?.problem };
  }

  login(username: string, password: string): Promise<TestReply> {
    return this.post('/api/auth/login', { username, password });
  }
}
