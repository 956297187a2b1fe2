import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import type { TestHostOptions } from '@workbench/plugin-api/testing';
import { Client, staffClient, type Reply } from './helpers/client.js';
import { startInProcess } from './helpers/in-process.js';
import { FIXTURE_PLUGINS, type TestServer } from './helpers/server.js';

const CHINESE = /[\u4e00-\u9fff]/;

let server: TestServer;
/** Started with a LAN host name allowed and a small body limit. */
let tuned: TestServer;
let owner: Client;
let staff: Client;

// The test kit listening on a port in this process: the checks below are about what the socket
// carries (Host header, bodies, addresses) and what the workbench logs, not about the process.
const listening = (config: Record<string, unknown> = {}): TestHostOptions => ({ plugins: [join(FIXTURE_PLUGINS, 'example')], listen: true, clock: 'system', logLevel: 'info', config });

beforeAll(async () => {
  let started;
  [started, { server: tuned }] = await Promise.all([startInProcess(listening()), startInProcess(listening({ server: { allowedHosts: ['shop-pc.local'], bodyLimitBytes: 2048 } }))]);
  ({ server, owner } = started);
  staff = await staffClient(server, owner, 'kefu', ['customer-service']);
});
afterAll(async () => {
  await Promise.all([server?.dispose(), tuned?.dispose()]);
});

function portOf(s: TestServer): number {
  return Number(new URL(s.url).port);
}

interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  body: any;
}

/** node:http, because fetch (undici) always sends the real Host header. */
function raw(s: TestServer, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<RawReply> {
  const url = new URL(s.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method: options.method ?? 'GET', path: options.path, headers: options.headers ?? {} },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => {
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body });
        });
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

function expectProblem(reply: Reply, status: number): void {
  expect(reply.status).toBe(status);
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(reply.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
}

/** A POST exactly as given: no CSRF header or cookie is added unless passed. */
async function bare(s: TestServer, path: string, headers: Record<string, string>, body: unknown = {}): Promise<Reply> {
  const res = await fetch(s.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, headers: res.headers, text, body: parsed };
}

async function noteCount(): Promise<number> {
  const reply = await owner.get('/api/example/notes?pageSize=1');
  expect(reply.status).toBe(200);
  return reply.body.total;
}

describe('CSRF', () => {
  test('a POST without the x-workbench-request header is refused with 403, even with a valid session', async () => {
    const before = await noteCount();
    const reply = await bare(server, '/api/example/notes', { cookie: owner.cookie }, { text: '跨站写入' });
    expectProblem(reply, 403);
    expect(reply.body.detail).toMatch(CHINESE);
    // Refused before the route ran: nothing was written.
    expect(await noteCount()).toBe(before);
  });

  test('a wrong header value is refused too', async () => {
    expectProblem(await bare(server, '/api/example/notes', { cookie: owner.cookie, 'x-workbench-request': 'yes' }, { text: 'x' }), 403);
  });

  test('a foreign Origin is refused even with the header', async () => {
    const before = await noteCount();
    const reply = await owner.post('/api/example/notes', { text: '跨站写入' }, { origin: 'http://evil.example' });
    expectProblem(reply, 403);
    expect(await noteCount()).toBe(before);
    // Same host name on another port is another origin.
    expectProblem(await owner.post('/api/example/notes', { text: 'x' }, { origin: 'http://127.0.0.1:1' }), 403);
    expectProblem(await owner.post('/api/example/notes', { text: 'x' }, { origin: 'null' }), 403);
  });

  test('Sec-Fetch-Site: cross-site or same-site is refused even with the header', async () => {
    const before = await noteCount();
    expectProblem(await owner.post('/api/example/notes', { text: 'x' }, { 'sec-fetch-site': 'cross-site' }), 403);
    expectProblem(await owner.post('/api/example/notes', { text: 'x' }, { 'sec-fetch-site': 'same-site' }), 403);
    expect(await noteCount()).toBe(before);
  });

  test('the header with a matching Origin and Sec-Fetch-Site passes', async () => {
    const before = await noteCount();
    const reply = await owner.post('/api/example/notes', { text: '同源写入' }, { origin: server.url, 'sec-fetch-site': 'same-origin' });
    expect(reply.status).toBe(201);
    expect(await noteCount()).toBe(before + 1);
    // Without Origin (e.g. a script or curl) the header alone is enough.
    expect((await owner.post('/api/example/notes', { text: '无来源' })).status).toBe(201);
  });

  test('GET needs no header', async () => {
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const notes = await fetch(`${server.url}/api/example/notes`, { headers: { cookie: owner.cookie } });
    expect(notes.status).toBe(200);
  });

  test('the CSRF check also guards login and setup', async () => {
    expectProblem(await bare(server, '/api/auth/login', {}, { username: 'dianzhang', password: 'correct-horse-42' }), 403);
    expectProblem(await bare(server, '/api/auth/login', { 'x-workbench-request': '1', origin: 'http://evil.example' }, { username: 'dianzhang', password: 'correct-horse-42' }), 403);
  });
});

describe('Host check', () => {
  test('an unknown Host is refused with 403 problem+json that mentions allowedHosts', async () => {
    const reply = await raw(server, { path: '/api/health', headers: { host: `evil.example:${portOf(server)}` } });
    expect(reply.status).toBe(403);
    expect(reply.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reply.body).toMatchObject({ status: 403, title: expect.any(String), detail: expect.any(String) });
    expect(reply.body.detail).toContain('allowedHosts');
    expect(reply.body.detail).toContain('evil.example');
  });

  test('the Host check runs before everything else, UI and writes included', async () => {
    const page = await raw(server, { path: '/', headers: { host: 'evil.example' } });
    expect(page.status).toBe(403);
    expect(page.text).not.toMatch(/<html/i);
    const write = await raw(server, {
      method: 'POST',
      path: '/api/example/notes',
      headers: { host: `evil.example:${portOf(server)}`, cookie: owner.cookie, 'x-workbench-request': '1', 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'rebinding' }),
    });
    expect(write.status).toBe(403);
    expect(write.body.detail).toContain('allowedHosts');
  });

  test('the refusal speaks English to an English browser', async () => {
    const reply = await raw(server, { path: '/api/health', headers: { host: 'evil.example', 'accept-language': 'en-US,en;q=0.9' } });
    expect(reply.status).toBe(403);
    expect(reply.body.detail).not.toMatch(CHINESE);
    expect(reply.body.detail).toContain('allowedHosts');
  });

  test('localhost and 127.0.0.1 pass', async () => {
    for (const host of [`localhost:${portOf(server)}`, `127.0.0.1:${portOf(server)}`, 'localhost', 'LOCALHOST:7410']) {
      const reply = await raw(server, { path: '/api/health', headers: { host } });
      expect(reply.status, host).toBe(200);
    }
  });

  test('a look-alike of an allowed name is refused', async () => {
    for (const host of ['localhost.evil.example', '127.0.0.1.evil.example', 'evil-localhost']) {
      expect((await raw(server, { path: '/api/health', headers: { host } })).status, host).toBe(403);
    }
  });

  test('a host listed in server.allowedHosts passes; it is not allowed elsewhere', async () => {
    const port = portOf(tuned);
    expect((await raw(tuned, { path: '/api/health', headers: { host: `shop-pc.local:${port}` } })).status).toBe(200);
    expect((await raw(tuned, { path: '/api/health', headers: { host: `evil.example:${port}` } })).status).toBe(403);
    expect((await raw(server, { path: '/api/health', headers: { host: `shop-pc.local:${portOf(server)}` } })).status).toBe(403);
  });
});

describe('security headers', () => {
  function checkHeaders(get: (name: string) => string | null | undefined, where: string): void {
    const csp = get('content-security-policy') ?? '';
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map(([name, ...values]) => [name!.toLowerCase(), values]),
    );
    const scriptSrc = directives.get('script-src') ?? directives.get('default-src');
    expect(scriptSrc, `${where}: CSP ${csp}`).toBeDefined();
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(scriptSrc).not.toContain('*');
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(get('x-content-type-options'), where).toBe('nosniff');
    expect(get('x-frame-options'), where).toBe('DENY');
    expect(get('referrer-policy'), where).toBe('no-referrer');
  }

  test('API answers, problems and the UI page carry them', async () => {
    const api = await owner.get('/api/auth/me');
    expect(api.status).toBe(200);
    checkHeaders((n) => api.headers.get(n), 'GET /api/auth/me');

    const problem = await new Client(server.url).get('/api/auth/me');
    expect(problem.status).toBe(401);
    checkHeaders((n) => problem.headers.get(n), '401 problem');

    const refused = await bare(server, '/api/example/notes', {}, { text: 'x' });
    expect(refused.status).toBe(403);
    checkHeaders((n) => refused.headers.get(n), 'CSRF refusal');

    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    checkHeaders((n) => page.headers.get(n), 'GET /');
  });
});

describe('caching', () => {
  test('every API reply says no-store, so no browser or proxy keeps an answer with customer data; the UI page may be cached', async () => {
    const replies: [string, Reply | RawReply][] = [
      ['GET /api/auth/me', await owner.get('/api/auth/me')],
      ['GET /api/example/notes', await owner.get('/api/example/notes?pageSize=1')],
      ['GET /api/audit', await owner.get('/api/audit')],
      ['GET /api/health', await owner.get('/api/health')],
      ['401 problem', await new Client(server.url).get('/api/example/notes')],
      ['403 for a colleague', await staff.get('/api/audit')],
      ['404 problem', await owner.get('/api/example/no-such-route')],
      ['host refusal', await raw(server, { path: '/api/health', headers: { host: `evil.example:${portOf(server)}` } })],
    ];
    for (const [where, reply] of replies) {
      const value = reply.headers instanceof Headers ? reply.headers.get('cache-control') : reply.headers['cache-control'];
      expect(value, where).toBe('no-store');
    }
    const page = await fetch(`${server.url}/`);
    expect(page.headers.get('cache-control') ?? '').not.toContain('no-store');
  });
});

describe('binding, errors and limits', () => {
  test('the server listens on 127.0.0.1 by default', () => {
    expect(server.output()).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.output()).not.toMatch(/allowedHosts is empty/);
  });

  test('listening beyond this PC with no allowedHosts warns that other PCs will be refused, and without TLS that traffic is unencrypted', async () => {
    const { server: lan } = await startInProcess(listening({ server: { host: '0.0.0.0' } }));
    try {
      expect(lan.output()).toMatch(/WARN .*server\.allowedHosts is empty/);
      expect(lan.output()).toMatch(/WARN .*plain HTTP.*server\.tls/);
    } finally {
      await lan.dispose();
    }
  });

  test('an unknown API path is a 404 problem, in Chinese by default and in English on request', async () => {
    const zh = await new Client(server.url).get('/api/nope');
    expectProblem(zh, 404);
    expect(zh.body.detail).toMatch(CHINESE);
    expect(zh.body.title).toMatch(CHINESE);

    const en = await new Client(server.url).get('/api/nope', { 'accept-language': 'en' });
    expectProblem(en, 404);
    expect(en.body.detail).not.toMatch(CHINESE);
    expect(en.body.title).toBe('Not found');

    expectProblem(await owner.post('/api/nope', {}), 404);
    expectProblem(await new Client(server.url).get('/api/nope/deeper/still'), 404);
  });

  test('without a session protected routes answer 401; with too few permissions 403', async () => {
    const anonymous = new Client(server.url);
    expectProblem(await anonymous.get('/api/example/notes'), 401);
    expectProblem(await anonymous.get('/api/users'), 401);
    expectProblem(await anonymous.post('/api/example/notes', { text: 'x' }), 401);
    expectProblem(await anonymous.post('/api/users', { username: 'sneaky', displayName: 'sneaky', password: 'sneaky-pass-1', roles: ['owner'] }), 401);

    expectProblem(await staff.get('/api/example/notes'), 403);
    const escalate = await staff.post('/api/users', { username: 'sneaky', displayName: 'sneaky', password: 'sneaky-pass-1', roles: ['owner'] });
    expectProblem(escalate, 403);
    const roles = await owner.get('/api/roles');
    const version = (roles.body.items as { id: string; version: number }[]).find((r) => r.id === 'customer-service')!.version;
    expectProblem(await staff.patch('/api/roles/customer-service', { version, permissions: ['core.users.manage'] }), 403);
    expect((await owner.get('/api/users')).body.items.map((u: { username: string }) => u.username)).not.toContain('sneaky');
    expect((await staff.get('/api/auth/me')).body.permissions).toEqual([]);
  });

  test('a request body over server.bodyLimitBytes is refused with 413', async () => {
    const big = { username: 'dianzhang', password: 'x'.repeat(10 * 1024) };
    const reply = await new Client(tuned.url).post('/api/auth/login', big);
    expectProblem(reply, 413);
    // The same request under the limit is read normally (here: a schema error, not 413).
    const small = await new Client(tuned.url).post('/api/auth/login', { username: 'dianzhang', password: 'x'.repeat(300), extra: 1 });
    expectProblem(small, 400);
  });

  test('a request body over the limit without Content-Length is refused with 413 too', async () => {
    const chunks = Array.from({ length: 10 }, () => 'x'.repeat(1024));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"username":"dianzhang","password":"'));
        for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
        controller.enqueue(new TextEncoder().encode('"}'));
        controller.close();
      },
    });
    const res = await fetch(`${tuned.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-workbench-request': '1' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});

describe('login rate limit', () => {
  test('the lock also covers unknown accounts and other spellings of the same name', async () => {
    // Unknown and existing names behave alike, so the lock does not reveal which accounts exist.
    const guesser = new Client(server.url);
    for (let i = 0; i < 5; i++) expectProblem(await guesser.login(i % 2 ? 'GHOST' : 'ghost', `guess-${i}`), 401);
    const locked = await guesser.login('Ghost', 'guess-5');
    expectProblem(locked, 429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(locked.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  test('parallel guesses are counted before the password is checked, so the right one among 60 is refused', async () => {
    await staffClient(server, owner, 'bingfa', ['warehouse']);
    const guesses = Array.from({ length: 59 }, (_, i) => `wrong-guess-${i}`);
    guesses.push('staff-pass-123');
    const replies = await Promise.all(guesses.map((password) => new Client(server.url).login('bingfa', password)));
    const tried = replies.filter((r) => r.status !== 429);
    expect(tried.length).toBeLessThanOrEqual(5);
    expect(replies.at(-1)!.status).toBe(429);
  }, 90_000);

  test('a wrong current password when changing one’s own password counts as a wrong guess', async () => {
    const mover = await staffClient(server, owner, 'gaimima', ['warehouse']);
    for (let i = 0; i < 5; i++) expectProblem(await mover.patch('/api/auth/me', { currentPassword: `guess-${i}-wrong`, newPassword: 'a-new-password-9' }), 403);
    const locked = await mover.patch('/api/auth/me', { currentPassword: 'staff-pass-123', newPassword: 'a-new-password-9' });
    expectProblem(locked, 429);
    expect(locked.body.detail).toMatch(CHINESE);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
