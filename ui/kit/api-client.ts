import { ApiError, type Problem } from './api-error.js';

export type Query = Record<string, string | number | boolean | undefined | null>;

/** The header the core's CSRF check asks of every state-changing request. */
const CSRF_HEADER = 'x-workbench-request';

/**
 * The one way the browser talks to the workbench API. Every call sends the CSRF header and the
 * user's language; a problem+json answer becomes an {@link ApiError} with a readable message; a
 * 401 (the session ended) sends the user to the login page once, via `onUnauthorized`.
 *
 * @example
 * const page = await api.get<Page<Note>>('/example/notes', { page: 1, pageSize: 50 });
 * await api.put('/settings/example', { value, version });
 */
export class ApiClient {
  constructor(
    private readonly base = '/api',
    private readonly options: { locale?: () => string; onUnauthorized?: () => void } = {},
  ) {}

  get<T>(path: string, query?: Query): Promise<T> {
    return this.request<T>('GET', path + queryString(query));
  }
  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }
  put<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }
  patch<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }
  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  /** The full URL of an API path, e.g. for an EventSource or a printable. */
  url(path: string, query?: Query): string {
    return this.base + path + queryString(query);
  }

  /** Sends a request; `body` may be a FormData (file uploads) or anything JSON. */
  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { [CSRF_HEADER]: '1', accept: 'application/json, application/problem+json' };
    const locale = this.options.locale?.();
    if (locale) headers['accept-language'] = locale;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    let res: Response;
    try {
      res = await fetch(this.base + path, { method, headers, body: payload, credentials: 'same-origin' });
    } catch {
      throw new ApiError({
        title: locale === 'en' ? 'The workbench cannot be reached' : '连不上工作台',
        status: 0,
        detail: locale === 'en' ? 'Check that the workbench is running on the shop PC, then try again.' : '请确认店里那台电脑上的工作台正在运行，然后再试一次。',
      });
    }
    if (res.status === 204) return undefined as T;
    const type = res.headers.get('content-type') ?? '';
    const data: unknown = type.includes('json') ? await res.json() : await res.text();
    if (res.ok) return data as T;
    const problem: Problem =
      typeof data === 'object' && data !== null && 'title' in data ? (data as Problem) : { title: res.statusText || String(res.status), status: res.status, detail: typeof data === 'string' ? data.slice(0, 200) : undefined };
    problem.status ??= res.status;
    if (res.status === 401 && !path.startsWith('/auth/')) this.options.onUnauthorized?.();
    throw new ApiError(problem);
  }
}

function queryString(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
