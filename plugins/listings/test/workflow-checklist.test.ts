// The listing checklist through the API: each quality rule failing and passing, the settings it
// reads, submitting with failures, and the review queue that shows them.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createProduct, staffClient, startListings, type Client, type TestServer } from './api.js';

const P = '/api/listings/products';

let server: TestServer;
let owner: Client;
let editor: Client;
let reviewer: Client;

const main = (extra: Record<string, unknown> = {}) => ({ url: 'https://img.example/main.jpg', kind: 'main', width: 800, watermark: true, ...extra });
const details = (n: number, extra: Record<string, unknown> = {}) =>
  Array.from({ length: n }, (_, i) => ({ url: `https://img.example/d${i}.jpg`, kind: 'detail', watermark: true, ...extra }));
const goodImages = () => [main(), ...details(5)];

type Rule = { id: string; title: { 'zh-CN': string; en: string }; passed: boolean; detail: { 'zh-CN': string; en: string } };

async function checklist(body: Record<string, unknown>) {
  const product = await createProduct(owner, { images: goodImages(), ...body });
  const reply = await editor.get(`${P}/${product.id}/checklist`);
  expect(reply.status, reply.text).toBe(200);
  return reply.body as { rules: Rule[]; passed: boolean };
}

async function rule(body: Record<string, unknown>, id: string): Promise<Rule> {
  const found = (await checklist(body)).rules.find((r) => r.id === id);
  expect(found, `rule ${id}`).toBeDefined();
  return found!;
}

beforeAll(async () => {
  ({ server, owner } = await startListings({ inProcess: true }));
  for (const [id, permissions] of [
    ['editor', ['listings.products.read', 'listings.products.edit']],
    ['reviewer', ['listings.products.read', 'listings.products.review']],
  ] as const) {
    const reply = await owner.post('/api/roles', { id, name: { 'zh-CN': id }, permissions });
    expect(reply.status, reply.text).toBe(201);
  }
  editor = await staffClient(server, owner, 'xiaoli', ['editor']);
  reviewer = await staffClient(server, owner, 'laozhang', ['reviewer']);
});

afterAll(async () => {
  await server?.dispose();
});

describe('each rule', () => {
  test('a complete product passes every rule, each with a title and a detail in both languages', async () => {
    const result = await checklist({});
    expect(result.passed).toBe(true);
    expect(result.rules.map((r) => r.id)).toEqual(['detail-images', 'main-image', 'title-length', 'required-attributes', 'forbidden-words', 'promotion-words', 'watermark', 'sku-price']);
    for (const r of result.rules) {
      expect(r.passed, r.id).toBe(true);
      expect(r.title['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(r.detail['zh-CN'].length).toBeGreaterThan(0);
      expect(r.detail.en.length).toBeGreaterThan(0);
    }
  });

  test('detail images: fewer than 5 fails, saying how many there are and how many are needed', async () => {
    const few = await rule({ images: [main(), ...details(3)] }, 'detail-images');
    expect(few.passed).toBe(false);
    expect(few.detail['zh-CN']).toBe('详情图 3 张，至少要 5 张');
    expect((await rule({ images: [main(), ...details(5)] }, 'detail-images')).passed).toBe(true);
  });

  test('main image: missing, without a width, or narrower than 710 px fails', async () => {
    const none = await rule({ images: details(5) }, 'main-image');
    expect(none).toMatchObject({ passed: false, detail: { 'zh-CN': '还没有主图' } });
    const narrow = await rule({ images: [main({ width: 709 }), ...details(5)] }, 'main-image');
    expect(narrow.passed).toBe(false);
    expect(narrow.detail['zh-CN']).toContain('709');
    expect(narrow.detail['zh-CN']).toContain('710');
    const unknown = await rule({ images: [{ url: 'https://img.example/m.jpg', kind: 'main', watermark: true }, ...details(5)] }, 'main-image');
    expect(unknown.passed).toBe(false);
    expect(unknown.detail['zh-CN']).toContain('宽度');
    expect((await rule({ images: [main({ width: 600 }), main({ width: 710 }), ...details(5)] }, 'main-image')).passed).toBe(true);
  });

  test('title length: Chinese counts 1, two Latin letters or digits count 1, at most 30', async () => {
    const long = await rule({ title: '纯'.repeat(31) }, 'title-length');
    expect(long.passed).toBe(false);
    expect(long.detail['zh-CN']).toContain('31');
    expect(long.detail['zh-CN']).toContain('30');
    expect((await rule({ title: '纯'.repeat(30) }, 'title-length')).passed).toBe(true);
    expect((await rule({ title: '纯'.repeat(29) + 'AB' }, 'title-length')).passed).toBe(true);
    expect((await rule({ title: '纯'.repeat(29) + 'ABC' }, 'title-length')).passed).toBe(false);
    expect((await rule({ title: 'T'.repeat(60) }, 'title-length')).passed).toBe(true);
  });

  test('required attributes: 颜色/尺码/面料 on the product or on every SKU', async () => {
    const code = `A${Date.now().toString(36)}`.toUpperCase();
    const partly = await rule(
      {
        attributes: { 面料: '纯棉' },
        skus: [
          { code: `${code}-1`, attributes: { 颜色: '黑色', 尺码: 'M' }, price: 9900, cost: 3000 },
          { code: `${code}-2`, attributes: { 颜色: '白色' }, price: 9900, cost: 3000 },
        ],
      },
      'required-attributes',
    );
    expect(partly.passed).toBe(false);
    expect(partly.detail['zh-CN']).toBe('缺少属性：尺码（1 个 SKU 没填）');

    const noFabric = await rule({ attributes: {} }, 'required-attributes');
    expect(noFabric.passed).toBe(false);
    expect(noFabric.detail['zh-CN']).toContain('面料');
    expect(noFabric.detail['zh-CN']).not.toContain('颜色');

    const onProduct = await rule({ attributes: { 面料: '棉', 颜色: '黑色', 尺码: '均码' }, skus: [] }, 'required-attributes');
    expect(onProduct.passed).toBe(true);
    const noSkus = await rule({ attributes: { 面料: '棉' }, skus: [] }, 'required-attributes');
    expect(noSkus.passed).toBe(false);
  });

  test('forbidden words in the title fail and are named', async () => {
    const bad = await rule({ title: '全网第一 纯棉T恤 顶级面料' }, 'forbidden-words');
    expect(bad.passed).toBe(false);
    expect(bad.detail['zh-CN']).toContain('全网第一');
    expect(bad.detail['zh-CN']).toContain('顶级');
    expect((await rule({ title: '纯棉T恤 舒适透气' }, 'forbidden-words')).passed).toBe(true);
  });

  test('promotion words: only those on the allowed list', async () => {
    const bad = await rule({ title: '秒杀 纯棉T恤 包邮' }, 'promotion-words');
    expect(bad.passed).toBe(false);
    expect(bad.detail['zh-CN']).toContain('秒杀');
    expect(bad.detail['zh-CN']).not.toMatch(/「包邮」/);
    expect((await rule({ title: '限时打折 纯棉T恤 包邮 新品' }, 'promotion-words')).passed).toBe(true);
  });

  test('watermark: every image must carry the shop watermark', async () => {
    const bad = await rule({ images: [main(), { url: 'https://img.example/x.jpg', kind: 'detail' }, ...details(5)] }, 'watermark');
    expect(bad.passed).toBe(false);
    expect(bad.detail['zh-CN']).toContain('第 2 张');
    expect((await rule({ images: [] }, 'watermark')).passed).toBe(false);
    expect((await rule({}, 'watermark')).passed).toBe(true);
  });

  test('at least one SKU with a price', async () => {
    const code = `Z${Date.now().toString(36)}`.toUpperCase();
    const unpriced = await rule({ skus: [{ code: `${code}-1`, attributes: { 颜色: '黑', 尺码: 'M' }, price: 0, cost: 0 }] }, 'sku-price');
    expect(unpriced.passed).toBe(false);
    expect((await rule({ skus: [] }, 'sku-price')).passed).toBe(false);
    const one = await rule(
      {
        skus: [
          { code: `${code}-2`, attributes: { 颜色: '黑', 尺码: 'M' }, price: 0, cost: 0 },
          { code: `${code}-3`, attributes: { 颜色: '白', 尺码: 'M' }, price: 5900, cost: 2000 },
        ],
      },
      'sku-price',
    );
    expect(one.passed).toBe(true);
  });
});

describe('the rules follow the settings', () => {
  test('a figure changed in the settings applies to the next check', async () => {
    const product = await createProduct(owner, { images: [main(), ...details(3)], title: '秒杀 纯棉T恤' });
    const before = await editor.get(`${P}/${product.id}/checklist`);
    expect(before.body.rules.filter((r: Rule) => !r.passed).map((r: Rule) => r.id)).toEqual(['detail-images', 'promotion-words']);

    const current = await owner.get('/api/settings/listings');
    expect(current.status, current.text).toBe(200);
    const saved = await owner.put('/api/settings/listings', {
      value: { checklist: { minDetailImages: 3, allowedPromotionWords: ['包邮', '秒杀'] } },
      version: current.body.version,
    });
    expect(saved.status, saved.text).toBe(200);
    try {
      const after = await editor.get(`${P}/${product.id}/checklist`);
      expect(after.body.passed).toBe(true);
    } finally {
      const now = await owner.get('/api/settings/listings');
      await owner.put('/api/settings/listings', { value: {}, version: now.body.version });
    }
    expect((await editor.get(`${P}/${product.id}/checklist`)).body.passed).toBe(false);
  });
});

describe('submitting with failed rules, and the review queue', () => {
  test('failures need a written reason (400 naming /reason); with one it goes through', async () => {
    const product = await createProduct(owner, { images: [main({ width: 600 }), ...details(2)] });
    const bare = await editor.post(`${P}/${product.id}/submit`, { version: product.version });
    expect(bare.status, bare.text).toBe(400);
    expect(bare.body.detail).toContain('详情图数量');
    expect(bare.body.errors).toContainEqual(expect.objectContaining({ path: '/reason', in: 'body' }));
    const blank = await editor.post(`${P}/${product.id}/submit`, { version: product.version, reason: '   ' });
    expect(blank.status, blank.text).toBe(400);
    expect((await owner.get(`${P}/${product.id}`)).body.status).toBe('draft');

    const ok = await editor.post(`${P}/${product.id}/submit`, { version: product.version, reason: '供应商的详情图下周才到，先上架抢流量' });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ status: 'submitted', submitReason: '供应商的详情图下周才到，先上架抢流量' });

    const history = await editor.get(`${P}/${product.id}/history`);
    expect(history.body.items[0]).toMatchObject({ action: 'submit', failedRules: ['detail-images', 'main-image'], note: '供应商的详情图下周才到，先上架抢流量' });

    const queue = await reviewer.get(`/api/listings/review-queue?q=${encodeURIComponent(product.itemCode)}`);
    expect(queue.status, queue.text).toBe(200);
    expect(queue.body.total).toBe(1);
    expect(queue.body.items[0]).toMatchObject({
      id: product.id,
      submitterName: 'xiaoli',
      submitReason: '供应商的详情图下周才到，先上架抢流量',
      failedRules: [
        { id: 'detail-images', title: { 'zh-CN': '详情图数量' } },
        { id: 'main-image', title: { 'zh-CN': '主图宽度' } },
      ],
    });
  });

  test('the queue holds submitted, unreviewed products only, oldest first, and needs the review permission', async () => {
    const a = await createProduct(owner, { images: goodImages() });
    const b = await createProduct(owner, { images: goodImages() });
    const draft = await createProduct(owner, { images: goodImages() });
    const sa = await editor.post(`${P}/${a.id}/submit`, { version: a.version });
    const sb = await editor.post(`${P}/${b.id}/submit`, { version: b.version });

    const queue = await reviewer.get('/api/listings/review-queue?pageSize=500');
    expect(queue.status, queue.text).toBe(200);
    const ids = queue.body.items.map((i: { id: number }) => i.id);
    expect(ids).toContain(a.id);
    expect(ids).toContain(b.id);
    expect(ids).not.toContain(draft.id);
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
    expect(queue.body.items.find((i: { id: number }) => i.id === b.id)).toMatchObject({ failedRules: [], submitReason: null });
    expect(queue.body.total).toBe(ids.length);

    const newestFirst = await reviewer.get('/api/listings/review-queue?pageSize=500&sort=-submittedAt');
    const desc = newestFirst.body.items.map((i: { id: number }) => i.id);
    expect(desc.indexOf(b.id)).toBeLessThan(desc.indexOf(a.id));
    expect((await reviewer.get('/api/listings/review-queue?sort=price')).status).toBe(400);

    await reviewer.post(`${P}/${a.id}/review`, { version: sa.body.version, decision: 'approve' });
    const after = await reviewer.get('/api/listings/review-queue?pageSize=500');
    expect(after.body.items.map((i: { id: number }) => i.id)).not.toContain(a.id);
    expect(after.body.total).toBe(queue.body.total - 1);

    expect((await editor.get('/api/listings/review-queue')).status).toBe(403);
  });
});
