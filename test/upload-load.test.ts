import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Client, setupOwner } from './helpers/client.js';
import { startServer, type TestServer } from './helpers/server.js';

// Uploads are streamed to <dataDir>/tmp/uploads and only `server.uploadSlots` (2) are taken in at
// once, so large files sent together neither pile up in memory nor stay there.

const MiB = 1024 * 1024;
const IMPORTER = '/api/example/importers/notes-text';
const han = /[\u4e00-\u9fff]/;

let server: TestServer;
let owner: Client;

beforeAll(async () => {
  server = await startServer();
  owner = await setupOwner(server);
});
afterAll(async () => {
  await server?.dispose();
});

function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match![1]) / 1024;
}

/**
 * A multipart body with one file of `size` bytes: a single over-long line, which the example
 * importer reads whole and rejects (quickly, and without writing anything). Generated as it is
 * sent, so the test never holds the file; `held` keeps all but the first MiB back until it settles.
 */
function multipart(size: number, name: string, held?: Promise<void>): { body: ReadableStream<Uint8Array>; type: string } {
  const boundary = `----upload-load-${Math.random().toString(36).slice(2)}`;
  const encoder = new TextEncoder();
  const chunk = new Uint8Array(MiB).fill(0x61);
  let sent = 0;
  let stage: 'head' | 'file' | 'tail' | 'done' = 'head';
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (stage === 'head') {
        controller.enqueue(encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n`));
        stage = 'file';
      } else if (stage === 'file') {
        if (sent >= MiB && held) await held;
        const n = Math.min(MiB, size - sent);
        controller.enqueue(n === MiB ? chunk : chunk.subarray(0, n));
        sent += n;
        if (sent >= size) stage = 'tail';
      } else if (stage === 'tail') {
        controller.enqueue(encoder.encode(`\r\n--${boundary}--\r\n`));
        stage = 'done';
      } else controller.close();
    },
  });
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

interface UploadReply {
  status: number;
  headers: Headers;
  body: any;
}

async function send(target: TestServer, client: Client, size: number, name: string, held?: Promise<void>, locale = 'zh-CN'): Promise<UploadReply> {
  const { body, type } = multipart(size, name, held);
  const res = await fetch(target.url + IMPORTER, {
    method: 'POST',
    headers: { cookie: client.cookie, 'x-workbench-request': '1', 'content-type': type, 'accept-language': locale },
    body,
    duplex: 'half',
  } as RequestInit);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

/** Waits for an import run to end and answers its last event. */
async function finished(target: TestServer, client: Client, runId: string): Promise<{ type: string; result?: any }> {
  for (;;) {
    const state = await client.get(`${IMPORTER}/runs/${runId}`);
    if (state.body.state !== 'running') return state.body.last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function expectBusy(reply: UploadReply): void {
  expect(reply.status, JSON.stringify(reply.body)).toBe(503);
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(reply.body).toMatchObject({ status: 503, type: expect.stringMatching(/^https:\/\/workbench\.local\/problems\//) });
}

function uploadArea(target: TestServer): string[] {
  const dir = join(target.dataDir, 'tmp', 'uploads');
  return existsSync(dir) ? readdirSync(dir) : [];
}

test('six 40 MiB uploads at once: memory stays low, those beyond the slots are refused, the temp files are gone after', async () => {
  const baseline = rssMiB(server.pid);
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(server.pid))), 20);
  let replies: UploadReply[];
  try {
    replies = await Promise.all(Array.from({ length: 6 }, (_, i) => send(server, owner, 40 * MiB, `big-${i}.txt`)));
    const accepted = replies.filter((r) => r.status === 202);
    expect(accepted.length).toBeGreaterThan(0);
    for (const reply of accepted) {
      const last = await finished(server, owner, reply.body.runId);
      // The one line is far too long for a note: rejected, nothing imported.
      expect(last).toMatchObject({ type: 'done', result: { imported: 0, rejected: [{ row: 1 }] } });
    }
  } finally {
    clearInterval(sampler);
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = rssMiB(server.pid);
  const refused = replies.filter((r) => r.status !== 202);
  console.log(`RSS: before ${Math.round(baseline)} MiB, peak ${Math.round(peak)} MiB, 1 s after ${Math.round(after)} MiB; ${6 - refused.length} accepted, ${refused.length} refused`);
  for (const reply of refused) expectBusy(reply);
  expect(refused.length).toBeGreaterThanOrEqual(1);
  // Before uploads were streamed and bounded: +572 MiB at the peak and +493 MiB a second after.
  expect(peak - baseline).toBeLessThan(350);
  expect(after - baseline).toBeLessThan(300);
  expect(uploadArea(server)).toEqual([]);
}, 180_000);

test('an upload beyond the slots is refused at once with 503, Retry-After and a message; the slot frees when an import ends', async () => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const first = send(server, owner, 4 * MiB, 'slow-1.txt', held);
  const second = send(server, owner, 4 * MiB, 'slow-2.txt', held);
  // Both are being received (their first MiB is in the temp area) before the third comes.
  const started = performance.now();
  while (uploadArea(server).length < 2 && performance.now() - started < 10_000) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(uploadArea(server)).toHaveLength(2);

  const third = await send(server, owner, 1 * MiB, 'third.txt');
  expectBusy(third);
  expect(third.body.detail).toMatch(han);
  const english = new Client(server.url);
  english.cookie = owner.cookie;
  const inEnglish = await send(server, english, 1 * MiB, 'third.txt', undefined, 'en');
  expectBusy(inEnglish);
  expect(inEnglish.body.detail).toMatch(/upload/i);

  release();
  for (const reply of await Promise.all([first, second])) {
    expect(reply.status, JSON.stringify(reply.body)).toBe(202);
    expect(await finished(server, owner, reply.body.runId)).toMatchObject({ type: 'done' });
  }
  expect(uploadArea(server)).toEqual([]);
  const now = await send(server, owner, 1 * MiB, 'after.txt');
  expect(now.status, JSON.stringify(now.body)).toBe(202);
  await finished(server, owner, now.body.runId);
}, 120_000);

test('server.uploadSlots sets how many uploads are taken in at once, and files left in the temp area by a crash are swept at start', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'workbench-uploads-'));
  const leftover = join(dir, 'data', 'tmp', 'uploads', 'crashed-upload');
  await mkdir(leftover, { recursive: true });
  await writeFile(join(leftover, 'part-0'), 'half an upload');
  const one = await startServer({ dir, config: { server: { uploadSlots: 1 } } });
  try {
    const [, token] = (await one.waitFor(/setup\?token=([A-Za-z0-9_-]+)/)) as RegExpMatchArray & [string, string];
    const client = await setupOwner({ ...one, setupToken: token });
    expect(existsSync(leftover)).toBe(false);

    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = send(one, client, 4 * MiB, 'slow.txt', held);
    const started = performance.now();
    while (uploadArea(one).length < 1 && performance.now() - started < 10_000) await new Promise((resolve) => setTimeout(resolve, 50));
    expectBusy(await send(one, client, 1 * MiB, 'second.txt'));
    release();
    const reply = await first;
    expect(reply.status).toBe(202);
    await finished(one, client, reply.body.runId);
  } finally {
    await one.dispose();
    await rm(dir, { recursive: true, force: true });
  }
}, 120_000);
