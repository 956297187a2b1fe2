// The optional TLS setting: with a certificate and key in config.yaml the workbench speaks HTTPS
// only, and the session cookie is marked Secure; without it, plain HTTP and no Secure flag.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OWNER } from './helpers/client.js';
import { runCli, startServer, type TestServer } from './helpers/server.js';

let certDir: string;
let cert: string;
let tls: TestServer;
let plain: TestServer;

beforeAll(async () => {
  certDir = await mkdtemp(join(tmpdir(), 'workbench-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
    '-keyout', join(certDir, 'key.pem'), '-out', join(certDir, 'cert.pem')], { stdio: 'ignore' });
  cert = await readFile(join(certDir, 'cert.pem'), 'utf8');
  [tls, plain] = await Promise.all([
    startServer({ config: { server: { tls: { certFile: join(certDir, 'cert.pem'), keyFile: join(certDir, 'key.pem') } } } }),
    startServer(),
  ]);
});
afterAll(async () => {
  await Promise.all([tls?.dispose(), plain?.dispose()]);
  await rm(certDir, { recursive: true, force: true });
});

interface HttpsReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** node:https trusting only the certificate made above. */
function secure(path: string, options: { method?: string; body?: unknown } = {}): Promise<HttpsReply> {
  const url = new URL(path, tls.url);
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = request(
      url,
      { method: options.method ?? 'GET', ca: cert, headers: body === undefined ? {} : { 'content-type': 'application/json', 'x-workbench-request': '1' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

describe('server.tls', () => {
  test('with a certificate and key the workbench answers over HTTPS and marks the session cookie Secure', async () => {
    expect(tls.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const health = await secure('/api/health');
    expect(health.status).toBe(200);
    const setup = await secure('/api/auth/setup', { method: 'POST', body: { token: tls.setupToken, ...OWNER } });
    expect(setup.status, setup.text).toBe(201);
    const cookie = String(setup.headers['set-cookie']);
    expect(cookie).toMatch(/wb_session=/);
    expect(cookie).toMatch(/;\s*Secure/i);
    // Plain HTTP on the same port gets no answer.
    await expect(fetch(tls.url.replace('https:', 'http:') + '/api/health')).rejects.toThrow();
  });

  test('without it the workbench speaks plain HTTP and the cookie has no Secure flag (a browser would drop it)', async () => {
    expect(plain.url).toMatch(/^http:\/\//);
    const res = await fetch(`${plain.url}/api/auth/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-workbench-request': '1' },
      body: JSON.stringify({ token: plain.setupToken, ...OWNER }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('set-cookie')).not.toMatch(/Secure/i);
  });

  test('a key file that cannot be read stops the start with a message naming it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'workbench-tls-bad-'));
    try {
      const config = join(dir, 'config.yaml');
      await import('node:fs/promises').then((fs) => fs.writeFile(config, `server:\n  tls:\n    certFile: ${join(certDir, 'cert.pem')}\n    keyFile: ./missing-key.pem\ndataDir: ./data\n`));
      const result = await runCli([], { WORKBENCH_CONFIG: config });
      expect(result.code).not.toBe(0);
      expect(result.code).not.toBeNull();
      expect(result.output).toContain('missing-key.pem');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
