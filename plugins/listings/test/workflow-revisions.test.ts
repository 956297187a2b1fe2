// Changes to a listed product's reviewed fields wait in a revision until a second person approves
// them; what everyone else sees (prices included) stays the listed version until then.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { colleague, createProduct, reviewerClient, submitAndApprove, startListings, unique, type Client, type TestServer } from './api.js';
import { runImport } from './fixtures/catalog-import-run.js';

const API = '/api/listings';
const P = `${API}/products`;

let server: TestServer;
let owner: Client;
let editor: Client;
let reviewer: Client;
let editorId: number;

beforeAll(async () => {
  ({ server, owner } = await startListings({ folders: [join(import.meta.dirname, 'fixtures', 'catalog-consumer')], enabled: ['listings', 'catalog-consumer'], inProcess: true }));
  editor = await colleague(server, owner, 'xiaoli', ['listings.products.read', 'listings.products.edit', 'listings.products.review', 'listings.price']);
  reviewer = await reviewerClient(server, owner, ['listings.price']);
  editorId = (await editor.get('/api/auth/me')).body.id;
});

afterAll(async () => {
  await server?.dispose();
});

/** A listed product with two SKUs at 129 元 (submitted by the owner, approved by the reviewer). */
async function listedProduct() {
  const product = await createProduct(owner);
  await submitAndApprove(owner, reviewer, product);
  return (await owner.get(`${P}/${product.id}`)).body as { id: number; version: number; status: string; title: string; skus: { id: number; code: string; price: number; cost: number; version: number }[] } & Record<string, any>;
}

async function unitPrice(client: Client, skuId: number): Promise<number> {
  const priced = await client.post(`${API}/price`, { lines: [{ skuId, qty: 1 }] });
  expect(priced.status, priced.text).toBe(200);
  return priced.body.lines[0].unitPrice;
}

describe('an edit of a listed product waits for review', () => {
  test('title and price go to a pending revision; cost and the threshold save at once; prices stay listed', async () => {
    const p = await listedProduct();
    const [black, white] = p.skus;
    const saved = await editor.patch(`${P}/${p.id}`, {
      version: p.version,
      title: '纯棉圆领短袖T恤 夏季新款 加厚',
      skus: { update: [{ id: black!.id, version: black!.version, price: 9900, cost: 4000, lowStockThreshold: 3 }] },
    });
    expect(saved.status, saved.text).toBe(200);
    // The listed version is unchanged where review is needed, changed where it is not.
    expect(saved.body.status).toBe('listed');
    expect(saved.body.title).toBe(p.title);
    const sku = saved.body.skus.find((s: { id: number }) => s.id === black!.id);
    expect(sku).toMatchObject({ price: 12900, cost: 4000, lowStockThreshold: 3 });
    expect(saved.body.version).toBeGreaterThan(p.version);
    expect(saved.body.revision).toMatchObject({ status: 'pending', productId: p.id, editors: [{ id: editorId }] });
    expect(saved.body.revision.diff).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'title', before: p.title, after: '纯棉圆领短袖T恤 夏季新款 加厚' }),
        expect.objectContaining({ field: 'price', skuId: black!.id, code: black!.code, before: 12900, after: 9900 }),
      ]),
    );
    expect(saved.body.revision.diff).toHaveLength(2);
    expect(saved.body.revision.proposed.title).toBe('纯棉圆领短袖T恤 夏季新款 加厚');

    // Reading it answers the listed version plus the pending revision.
    const read = await owner.get(`${P}/${p.id}`);
    expect(read.body.title).toBe(p.title);
    expect(read.body.revision.id).toBe(saved.body.revision.id);

    // The pricing engine and the SKU list keep the listed price until approval.
    expect(await unitPrice(editor, black!.id)).toBe(12900);
    const skus = await owner.get(`${API}/skus?productId=${p.id}`);
    expect(skus.body.items.map((s: { price: number }) => s.price)).toEqual([12900, 12900]);

    // One SKU changed alone goes the same way.
    const single = await editor.patch(`${API}/skus/${white!.id}`, { version: white!.version, price: 11900 });
    expect(single.status, single.text).toBe(200);
    expect(single.body.price).toBe(12900);
    expect(await unitPrice(editor, white!.id)).toBe(12900);
    const again = await owner.get(`${P}/${p.id}`);
    expect(again.body.revision.diff).toContainEqual(expect.objectContaining({ field: 'price', skuId: white!.id, before: 12900, after: 11900 }));
  });

  test('a second edit updates the pending revision, checked against the version read', async () => {
    const p = await listedProduct();
    const first = await editor.patch(`${P}/${p.id}`, { version: p.version, description: '第一版描述' });
    expect(first.status, first.text).toBe(200);
    const revision = first.body.revision;

    const stale = await owner.patch(`${P}/${p.id}`, { version: p.version, description: '旧版本上的修改' });
    expect(stale.status, stale.text).toBe(409);

    const second = await owner.patch(`${P}/${p.id}`, { version: first.body.version, description: '第二版描述', attributes: { 面料: '莱卡棉' } });
    expect(second.status, second.text).toBe(200);
    expect(second.body.revision.id).toBe(revision.id);
    expect(second.body.revision.version).toBe(revision.version + 1);
    expect(second.body.revision.diff).toEqual([
      expect.objectContaining({ field: 'description', before: '', after: '第二版描述' }),
      expect.objectContaining({ field: 'attributes', before: { 面料: '纯棉' }, after: { 面料: '莱卡棉' } }),
    ]);
    expect(second.body.revision.editors.map((e: { id: number }) => e.id)).toContain(editorId);
    expect(second.body.description).toBe('');

    // Setting a field back to the listed value takes it out of the revision.
    const back = await owner.patch(`${P}/${p.id}`, { version: second.body.version, description: '' });
    expect(back.body.revision.diff.map((d: { field: string }) => d.field)).toEqual(['attributes']);
  });

  test('a draft product still saves directly', async () => {
    const p = await createProduct(owner);
    const saved = await owner.patch(`${P}/${p.id}`, { version: p.version, title: '草稿直接改' });
    expect(saved.body).toMatchObject({ title: '草稿直接改', revision: null });
  });
});

describe('reviewing a revision', () => {
  test('the queue shows it with before → after; nobody who edited it may approve it; approval applies it at once', async () => {
    const p = await listedProduct();
    const [black] = p.skus;
    const saved = await editor.patch(`${P}/${p.id}`, { version: p.version, skus: { update: [{ id: black!.id, version: black!.version, price: 9900 }] } });
    const revision = saved.body.revision;

    const queue = await reviewer.get(`${API}/revisions`);
    expect(queue.status, queue.text).toBe(200);
    const item = queue.body.items.find((i: { id: number }) => i.id === revision.id);
    expect(item).toMatchObject({ productId: p.id, productTitle: p.title, status: 'pending' });
    expect(item.diff).toEqual([expect.objectContaining({ field: 'price', code: black!.code, before: 12900, after: 9900 })]);

    const own = await editor.post(`${API}/revisions/${revision.id}/review`, { version: revision.version, decision: 'approve' });
    expect(own.status, own.text).toBe(403);

    // A revision changed after the reviewer read it is not approved blind.
    const later = await owner.patch(`${P}/${p.id}`, { version: saved.body.version, description: '后来补的描述' });
    const stale = await reviewer.post(`${API}/revisions/${revision.id}/review`, { version: revision.version, decision: 'approve' });
    expect(stale.status, stale.text).toBe(409);

    const approved = await reviewer.post(`${API}/revisions/${revision.id}/review`, { version: later.body.revision.version, decision: 'approve', note: '价格核对无误' });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body).toMatchObject({ status: 'listed', description: '后来补的描述', revision: null });
    expect(approved.body.skus.find((s: { id: number }) => s.id === black!.id).price).toBe(9900);
    expect(await unitPrice(reviewer, black!.id)).toBe(9900);

    const history = await owner.get(`${P}/${p.id}/history`);
    expect(history.body.items.at(-1)).toMatchObject({ action: 'approve-revision', actorName: expect.any(String), note: '价格核对无误' });
    const past = await owner.get(`${P}/${p.id}/revisions`);
    expect(past.body.items[0]).toMatchObject({ id: revision.id, status: 'approved', reviewNote: '价格核对无误' });
    expect(past.body.items[0].diff).toContainEqual(expect.objectContaining({ field: 'price', before: 12900, after: 9900 }));
  });

  test('rejecting keeps the listed version and the reviewer’s written reason', async () => {
    const p = await listedProduct();
    const saved = await editor.patch(`${P}/${p.id}`, { version: p.version, title: '纯棉T恤 全网最低价' });
    const revision = saved.body.revision;
    const silent = await reviewer.post(`${API}/revisions/${revision.id}/review`, { version: revision.version, decision: 'reject' });
    expect(silent.status, silent.text).toBe(400);
    const rejected = await reviewer.post(`${API}/revisions/${revision.id}/review`, { version: revision.version, decision: 'reject', note: '标题不能写“最低价”' });
    expect(rejected.status, rejected.text).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'listed', title: p.title, revision: null });
    const past = await owner.get(`${P}/${p.id}/revisions`);
    expect(past.body.items[0]).toMatchObject({ status: 'rejected', reviewNote: '标题不能写“最低价”' });
    const history = await owner.get(`${P}/${p.id}/history`);
    expect(history.body.items.at(-1)).toMatchObject({ action: 'reject-revision', note: '标题不能写“最低价”' });
    // Decided, it cannot be decided again.
    const twice = await reviewer.post(`${API}/revisions/${revision.id}/review`, { version: rejected.body.version, decision: 'approve' });
    expect(twice.status, twice.text).toBe(409);
  });

  test('the editor may withdraw a pending revision; the listed version stays and nothing waits', async () => {
    const p = await listedProduct();
    const saved = await editor.patch(`${P}/${p.id}`, { version: p.version, title: '撤回前的新标题' });
    const revision = saved.body.revision;
    const withdrawn = await editor.post(`${API}/revisions/${revision.id}/withdraw`, { version: revision.version });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect(withdrawn.body).toMatchObject({ title: p.title, revision: null });
    const queue = await reviewer.get(`${API}/revisions`);
    expect(queue.body.items.map((i: { id: number }) => i.id)).not.toContain(revision.id);
    const past = await owner.get(`${P}/${p.id}/revisions`);
    expect(past.body.items[0]).toMatchObject({ id: revision.id, status: 'withdrawn' });
    expect(past.body.items[0].diff).toEqual([expect.objectContaining({ field: 'title', after: '撤回前的新标题' })]);
  });

  test('the checklist runs on the revision, not on the listed version', async () => {
    const p = await listedProduct();
    const saved = await editor.patch(`${P}/${p.id}`, { version: p.version, title: '纯棉T恤 全网第一' });
    const rules = saved.body.revision.checklist.rules as { id: string; passed: boolean }[];
    expect(rules.find((r) => r.id === 'forbidden-words')?.passed).toBe(false);
    const listed = await owner.get(`${P}/${p.id}/checklist`);
    expect(listed.body.rules.find((r: { id: string }) => r.id === 'forbidden-words').passed).toBe(true);
  });

  test('a SKU added or removed on a listed product waits for review too', async () => {
    const p = await listedProduct();
    const [black, white] = p.skus;
    const code = `${black!.code}-XL`;
    const saved = await editor.patch(`${P}/${p.id}`, {
      version: p.version,
      skus: { create: [{ code, attributes: { 颜色: '黑色', 尺码: 'XL' }, price: 13900, cost: 4600 }], remove: [white!.id] },
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.skus.map((s: { id: number }) => s.id)).toEqual([black!.id, white!.id]);
    expect(saved.body.revision.diff).toEqual([
      expect.objectContaining({ field: 'sku', code, before: null, after: expect.objectContaining({ price: 13900 }) }),
      expect.objectContaining({ field: 'sku', skuId: white!.id, code: white!.code, after: null }),
    ]);
    const approved = await reviewer.post(`${API}/revisions/${saved.body.revision.id}/review`, { version: saved.body.revision.version, decision: 'approve' });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body.skus.map((s: { code: string }) => s.code)).toEqual([black!.code, code]);
  });
});

describe('a stub SKU joining a listed product', () => {
  test('joins at once but stays unsellable until its price is approved', async () => {
    const p = await listedProduct();
    const stub = (await owner.post('/api/catalog-consumer/ensure', { code: unique('STUB') })).body.sku;
    const attached = await editor.patch(`${API}/skus/${stub.id}`, { productId: p.id, price: 8900, cost: 3000, version: stub.version });
    expect(attached.status, attached.text).toBe(200);
    expect(attached.body).toMatchObject({ productId: p.id, price: 0, cost: 3000, needsCompleting: true });
    expect((await editor.post(`${API}/price`, { lines: [{ skuId: stub.id, qty: 1 }] })).status).toBe(400);
    const read = await owner.get(`${P}/${p.id}`);
    expect(read.body.revision.diff).toEqual([expect.objectContaining({ field: 'price', skuId: stub.id, before: 0, after: 8900 })]);
    const approved = await reviewer.post(`${API}/revisions/${read.body.revision.id}/review`, { version: read.body.revision.version, decision: 'approve' });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body.skus.find((s: { id: number }) => s.id === stub.id)).toMatchObject({ price: 8900, needsCompleting: false });
    expect(await unitPrice(editor, stub.id)).toBe(8900);
  });
});

describe('the CSV import', () => {
  test('puts a listed product’s new price into its revision and saves its cost at once', async () => {
    const p = await listedProduct();
    const [black, white] = p.skus;
    const csv = [
      '货号,标题,商家编码,价格,成本',
      `${p.itemCode},${p.title},${black!.code},99.00,40.00`,
      // Unchanged row: the same file again must change nothing.
      `${p.itemCode},${p.title},${white!.code},129.00,45.00`,
    ].join('\n');
    const report = await runImport(editor, csv);
    expect(report).toMatchObject({ updated: 1, unchanged: 1, rejected: [] });
    const read = await owner.get(`${P}/${p.id}`);
    expect(read.body.skus[0]).toMatchObject({ price: 12900, cost: 4000 });
    expect(read.body.revision.diff).toEqual([expect.objectContaining({ field: 'price', skuId: black!.id, before: 12900, after: 9900 })]);
    expect(read.body.revision.editors.map((e: { id: number }) => e.id)).toEqual([editorId]);
  });
});

describe('delisting', () => {
  test('frees the showcase slot, so another product can take it', async () => {
    const holder = await listedProduct();
    const withSlot = await owner.patch(`${P}/${holder.id}`, { version: holder.version, showcaseSlot: 1 });
    expect(withSlot.status, withSlot.text).toBe(200);
    expect(withSlot.body.showcaseSlot).toBe(1);
    const other = await createProduct(owner);
    const taken = await owner.patch(`${P}/${other.id}`, { version: other.version, showcaseSlot: 1 });
    expect(taken.status, taken.text).toBe(409);

    const delisted = await owner.post(`${P}/${holder.id}/delist`, { version: withSlot.body.version, reason: '断码' });
    expect(delisted.status, delisted.text).toBe(200);
    expect(delisted.body.showcaseSlot).toBeNull();
    const history = await owner.get(`${P}/${holder.id}/history`);
    expect(history.body.items.at(-1).note).toMatch(/橱窗推荐位 1/);

    const now = await owner.patch(`${P}/${other.id}`, { version: other.version, showcaseSlot: 1 });
    expect(now.status, now.text).toBe(200);
    expect(now.body.showcaseSlot).toBe(1);
  });
});
