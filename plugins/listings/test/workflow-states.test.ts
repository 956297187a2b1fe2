// The listing workflow through the API: draft → 待审核 → 已上架 → 已下架, who may do what, and history.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createProduct, staffClient, startListings, type Client, type TestServer } from './api.js';
import { LISTENER } from './fulfillment.js';

const P = '/api/listings/products';

let server: TestServer;
let owner: Client;
let editor: Client;
let reviewer: Client;
let both: Client;
let viewer: Client;
let editorId: number;

/** Images that satisfy every checklist rule with the default settings. */
const goodImages = [
  { url: 'https://img.example/main.jpg', kind: 'main', width: 800, height: 800, watermark: true },
  ...Array.from({ length: 5 }, (_, i) => ({ url: `https://img.example/d${i}.jpg`, kind: 'detail', watermark: true })),
];
const goodProduct = () => createProduct(owner, { images: goodImages });

async function role(id: string, permissions: string[]) {
  const reply = await owner.post('/api/roles', { id, name: { 'zh-CN': id }, permissions });
  expect(reply.status, reply.text).toBe(201);
}

async function heard(name: string) {
  const reply = await owner.get(`/api/listener-stub/heard?name=${encodeURIComponent(name)}`);
  expect(reply.status, reply.text).toBe(200);
  return reply.body.items.map((i: { payload: unknown }) => i.payload) as Record<string, unknown>[];
}

function expectProblem(reply: { status: number; body: any; text: string }, status: number, detail?: RegExp) {
  expect(reply.status, reply.text).toBe(status);
  if (detail) expect(reply.body.detail).toMatch(detail);
}

beforeAll(async () => {
  ({ server, owner } = await startListings({ folders: [LISTENER], enabled: ['listings', 'listener-stub'], inProcess: true }));
  await role('editor', ['listings.products.read', 'listings.products.edit']);
  await role('reviewer', ['listings.products.read', 'listings.products.review']);
  await role('editor-reviewer', ['listings.products.read', 'listings.products.edit', 'listings.products.review']);
  await role('viewer', ['listings.products.read']);
  editor = await staffClient(server, owner, 'xiaoli', ['editor']);
  reviewer = await staffClient(server, owner, 'laozhang', ['reviewer']);
  both = await staffClient(server, owner, 'xiaochen', ['editor-reviewer']);
  viewer = await staffClient(server, owner, 'xiaozhou', ['viewer']);
  editorId = (await editor.get('/api/auth/me')).body.id;
});

afterAll(async () => {
  await server?.dispose();
});

describe('the happy path and its history', () => {
  test('submit → approve → 已上架 → 下架 → resubmit → reject, each move recorded', async () => {
    const product = await goodProduct();
    expect(product.status).toBe('draft');

    const submitted = await editor.post(`${P}/${product.id}/submit`, { version: product.version });
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', submittedBy: editorId, submitReason: null, reviewedAt: null });
    expect(submitted.body.version).toBe(product.version + 1);

    const approved = await reviewer.post(`${P}/${product.id}/review`, { version: submitted.body.version, decision: 'approve', note: '图片清楚' });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body).toMatchObject({ status: 'listed', reviewNote: '图片清楚' });
    expect(Date.parse(approved.body.listedAt)).not.toBeNaN();
    expect(await heard('listings.product.listed')).toContainEqual({ productId: product.id });

    const delisted = await editor.post(`${P}/${product.id}/delist`, { version: approved.body.version, reason: '滞销' });
    expect(delisted.status, delisted.text).toBe(200);
    expect(delisted.body.status).toBe('delisted');
    expect(Date.parse(delisted.body.delistedAt)).not.toBeNaN();
    expect(await heard('listings.product.delisted')).toContainEqual({ productId: product.id, reason: '滞销' });

    const again = await editor.post(`${P}/${product.id}/submit`, { version: delisted.body.version });
    expect(again.status, again.text).toBe(200);
    expect(again.body).toMatchObject({ status: 'submitted', reviewedAt: null, reviewNote: null });

    const rejected = await reviewer.post(`${P}/${product.id}/review`, { version: again.body.version, decision: 'reject', note: '颜色图不对' });
    expect(rejected.status, rejected.text).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'draft', reviewNote: '颜色图不对' });

    const history = await viewer.get(`${P}/${product.id}/history`);
    expect(history.status, history.text).toBe(200);
    expect(history.body.items.map((h: any) => [h.action, h.fromStatus, h.toStatus, h.actorName, h.note])).toEqual([
      ['submit', 'draft', 'submitted', 'xiaoli', null],
      ['approve', 'submitted', 'listed', 'laozhang', '图片清楚'],
      ['delist', 'listed', 'delisted', 'xiaoli', '滞销'],
      ['submit', 'delisted', 'submitted', 'xiaoli', null],
      ['reject', 'submitted', 'draft', 'laozhang', '颜色图不对'],
    ]);
    expect(history.body.items[0].actorId).toBe(editorId);
    for (const h of history.body.items) expect(Date.parse(h.at)).not.toBeNaN();
  });

  test('a delisting without a reason is recorded as 手动下架', async () => {
    const product = await goodProduct();
    const s = await editor.post(`${P}/${product.id}/submit`, { version: product.version });
    const a = await reviewer.post(`${P}/${product.id}/review`, { version: s.body.version, decision: 'approve' });
    const d = await editor.post(`${P}/${product.id}/delist`, { version: a.body.version });
    expect(d.status, d.text).toBe(200);
    expect(await heard('listings.product.delisted')).toContainEqual({ productId: product.id, reason: '手动下架' });
  });

  test('a rejection needs a note saying what to fix', async () => {
    const product = await goodProduct();
    const s = await editor.post(`${P}/${product.id}/submit`, { version: product.version });
    const r = await reviewer.post(`${P}/${product.id}/review`, { version: s.body.version, decision: 'reject', note: '  ' });
    expectProblem(r, 400, /原因/);
    expect(r.body.errors).toContainEqual(expect.objectContaining({ path: '/note' }));
    expect((await owner.get(`${P}/${product.id}`)).body.status).toBe('submitted');
  });
});

describe('who may move a product', () => {
  test('nobody reviews their own submission, staff or owner (403 in Chinese)', async () => {
    const mine = await goodProduct();
    const s = await both.post(`${P}/${mine.id}/submit`, { version: mine.version });
    expect(s.status, s.text).toBe(200);
    const self = await both.post(`${P}/${mine.id}/review`, { version: s.body.version, decision: 'approve' });
    expectProblem(self, 403, /自己提交.*另一位/);

    const owners = await goodProduct();
    const o = await owner.post(`${P}/${owners.id}/submit`, { version: owners.version });
    const ownSelf = await owner.post(`${P}/${owners.id}/review`, { version: o.body.version, decision: 'approve' });
    expectProblem(ownSelf, 403, /自己提交/);

    // Someone else may: the same submissions go through.
    expect((await reviewer.post(`${P}/${mine.id}/review`, { version: s.body.version, decision: 'approve' })).body.status).toBe('listed');
    expect((await both.post(`${P}/${owners.id}/review`, { version: o.body.version, decision: 'approve' })).body.status).toBe('listed');
  });

  test('reviewing needs the review permission; submitting and delisting need edit', async () => {
    const product = await goodProduct();
    expectProblem(await viewer.post(`${P}/${product.id}/submit`, { version: product.version }), 403);
    const s = await editor.post(`${P}/${product.id}/submit`, { version: product.version });
    expectProblem(await editor.post(`${P}/${product.id}/review`, { version: s.body.version, decision: 'approve' }), 403);
    const a = await reviewer.post(`${P}/${product.id}/review`, { version: s.body.version, decision: 'approve' });
    expect(a.body.status).toBe('listed');
    expectProblem(await reviewer.post(`${P}/${product.id}/delist`, { version: a.body.version }), 403);
    expect((await owner.get(`${P}/${product.id}`)).body.status).toBe('listed');
  });
});

describe('refusals', () => {
  test('moves the state does not allow are 409 naming the current state', async () => {
    const product = await goodProduct();
    expectProblem(await reviewer.post(`${P}/${product.id}/review`, { version: product.version, decision: 'approve' }), 409, /「草稿」/);
    expectProblem(await editor.post(`${P}/${product.id}/delist`, { version: product.version }), 409, /「草稿」.*「已上架」/);

    const s = await editor.post(`${P}/${product.id}/submit`, { version: product.version });
    expectProblem(await editor.post(`${P}/${product.id}/submit`, { version: s.body.version }), 409, /「待审核」/);

    const a = await reviewer.post(`${P}/${product.id}/review`, { version: s.body.version, decision: 'approve' });
    expectProblem(await editor.post(`${P}/${product.id}/submit`, { version: a.body.version }), 409, /「已上架」/);
    expectProblem(await reviewer.post(`${P}/${product.id}/review`, { version: a.body.version, decision: 'reject', note: 'x' }), 409, /「已上架」/);

    const d = await editor.post(`${P}/${product.id}/delist`, { version: a.body.version });
    expectProblem(await editor.post(`${P}/${product.id}/delist`, { version: d.body.version }), 409, /「已下架」/);
  });

  test('a stale version is 409 and changes nothing', async () => {
    const product = await goodProduct();
    const edited = await owner.patch(`${P}/${product.id}`, { description: '面料说明', version: product.version });
    expect(edited.status, edited.text).toBe(200);
    const stale = await editor.post(`${P}/${product.id}/submit`, { version: product.version });
    expectProblem(stale, 409, /刷新/);
    expect((await owner.get(`${P}/${product.id}`)).body.status).toBe('draft');

    const s = await editor.post(`${P}/${product.id}/submit`, { version: edited.body.version });
    expect(s.status, s.text).toBe(200);
    expectProblem(await reviewer.post(`${P}/${product.id}/review`, { version: edited.body.version, decision: 'approve' }), 409, /刷新/);
    const a = await reviewer.post(`${P}/${product.id}/review`, { version: s.body.version, decision: 'approve' });
    expectProblem(await editor.post(`${P}/${product.id}/delist`, { version: s.body.version }), 409, /刷新/);
    expect((await owner.get(`${P}/${product.id}`)).body.version).toBe(a.body.version);
  });

  test('a listener that refuses the delisting rolls it back: the event runs inside the move', async () => {
    const product = await goodProduct();
    const s = await editor.post(`${P}/${product.id}/submit`, { version: product.version });
    const a = await reviewer.post(`${P}/${product.id}/review`, { version: s.body.version, decision: 'approve' });
    expect((await owner.post('/api/listener-stub/vetoes', { productId: product.id })).status).toBe(204);
    expectProblem(await editor.post(`${P}/${product.id}/delist`, { version: a.body.version, reason: '缺货' }), 409, /未发货/);
    const after = await owner.get(`${P}/${product.id}`);
    expect(after.body).toMatchObject({ status: 'listed', version: a.body.version, delistedAt: null });
    const actions = (await owner.get(`${P}/${product.id}/history`)).body.items.map((h: any) => h.action);
    expect(actions).toEqual(['submit', 'approve']);
  });

  test('an unknown product is 404 for every workflow route', async () => {
    expectProblem(await owner.get(`${P}/999999/history`), 404);
    expectProblem(await owner.get(`${P}/999999/checklist`), 404);
    expectProblem(await owner.post(`${P}/999999/submit`, { version: 1 }), 404);
    expectProblem(await owner.post(`${P}/999999/review`, { version: 1, decision: 'approve' }), 404);
    expectProblem(await owner.post(`${P}/999999/delist`, { version: 1 }), 404);
  });

  test('bodies are checked: a review needs a known decision and the version', async () => {
    const product = await goodProduct();
    expectProblem(await editor.post(`${P}/${product.id}/submit`, {}), 400);
    expectProblem(await reviewer.post(`${P}/${product.id}/review`, { version: product.version, decision: 'maybe' }), 400);
  });
});
