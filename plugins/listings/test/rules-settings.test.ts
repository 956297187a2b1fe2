// Every setting of schemas/settings.schema.json, changed through PUT /api/settings/listings, changes
// what the plugin does at the next use — and the default comes back when the change is undone.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createProduct, DAY, reviewerClient, startListings, submitAndApprove, unique, type Client, type TestServer } from './api.js';
import { heard, LISTENER, setStock } from './fulfillment.js';
const API = '/api/listings';
const P = `${API}/products`;
const hour = 3_600_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

let server: TestServer;
let owner: Client;
let reviewer: Client;

/** Saves `value` as the whole settings value, runs `fn`, and always puts the defaults back. */
async function withSettings(value: Record<string, unknown>, fn: () => Promise<void>) {
  const current = await owner.get('/api/settings/listings');
  expect(current.status, current.text).toBe(200);
  const saved = await owner.put('/api/settings/listings', { value, version: current.body.version });
  expect(saved.status, saved.text).toBe(200);
  try {
    await fn();
  } finally {
    const now = await owner.get('/api/settings/listings');
    const reset = await owner.put('/api/settings/listings', { value: {}, version: now.body.version });
    expect(reset.status, reset.text).toBe(200);
  }
}

const goodImages = [
  { url: 'https://img.example/main.jpg', kind: 'main', width: 800, watermark: true },
  ...Array.from({ length: 5 }, (_, i) => ({ url: `https://img.example/d${i}.jpg`, kind: 'detail', watermark: true })),
];

type Rule = { id: string; passed: boolean; detail: { 'zh-CN': string } };
async function rule(productId: number, id: string): Promise<Rule> {
  const reply = await owner.get(`${P}/${productId}/checklist`);
  expect(reply.status, reply.text).toBe(200);
  const found = (reply.body.rules as Rule[]).find((r) => r.id === id);
  expect(found, id).toBeDefined();
  return found!;
}

beforeAll(async () => {
  ({ server, owner } = await startListings({ folders: [LISTENER], enabled: ['listings', 'fulfillment', 'listener-stub'], inProcess: true }));
  reviewer = await reviewerClient(server, owner);
});

afterAll(async () => {
  await server?.dispose();
});

describe('lowStockThreshold', () => {
  test('raising it to 20 makes 15 pieces low (with 20 in the event); back at 10 they are not', async () => {
    const code = unique('LS');
    const product = await createProduct(owner, { images: goodImages, itemCode: code, skus: [{ code: `${code}-A`, attributes: { 颜色: '黑色', 尺码: 'M' }, price: 12900, cost: 4500 }] });
    await submitAndApprove(owner, reviewer, product);
    const sku = product.skus[0]!;
    await setStock(owner, [[sku, 15]]);

    const before = await owner.post(`${API}/stock-warnings/check`);
    expect(before.body.threshold).toBe(10);
    expect(before.body.items.map((i: { skuId: number }) => i.skuId)).not.toContain(sku.id);

    await withSettings({ lowStockThreshold: 20 }, async () => {
      const during = await owner.post(`${API}/stock-warnings/check`);
      expect(during.status, during.text).toBe(200);
      expect(during.body.threshold).toBe(20);
      expect(during.body.items).toContainEqual(expect.objectContaining({ skuId: sku.id, stock: 15, threshold: 20 }));
      expect(await heard(owner, 'listings.sku.low-stock')).toContainEqual({ skuId: sku.id, code: sku.code, stock: 15, threshold: 20 });
    });

    const after = await owner.post(`${API}/stock-warnings/check`);
    expect(after.body.items.map((i: { skuId: number }) => i.skuId)).not.toContain(sku.id);
  });
});

describe('showcaseSlots', () => {
  test('with 3 slots, slot 4 is refused; by default (10) it is fine', async () => {
    await withSettings({ showcaseSlots: 3 }, async () => {
      const refused = await owner.post(P, { title: '橱窗测试', itemCode: unique('SC'), showcaseSlot: 4 });
      expect(refused.status, refused.text).toBe(400);
      const fits = await owner.post(P, { title: '橱窗测试', itemCode: unique('SC'), showcaseSlot: 3 });
      expect(fits.status, fits.text).toBe(201);
    });
    const later = await owner.post(P, { title: '橱窗测试', itemCode: unique('SC'), showcaseSlot: 4 });
    expect(later.status, later.text).toBe(201);
  });
});

describe('checklist figures', () => {
  test('mainImageWidth 1000 fails an 800 px main image and says 1000', async () => {
    const product = await createProduct(owner, { images: goodImages });
    expect((await rule(product.id, 'main-image')).passed).toBe(true);
    await withSettings({ checklist: { mainImageWidth: 1000 } }, async () => {
      const r = await rule(product.id, 'main-image');
      expect(r.passed).toBe(false);
      expect(r.detail['zh-CN']).toContain('1000');
      expect(r.detail['zh-CN']).toContain('800');
    });
  });

  test('titleMaxChars 10: eleven Chinese characters fail, ten pass', async () => {
    const eleven = await createProduct(owner, { images: goodImages, title: '纯'.repeat(11) });
    const ten = await createProduct(owner, { images: goodImages, title: '纯'.repeat(10) });
    expect((await rule(eleven.id, 'title-length')).passed).toBe(true);
    await withSettings({ checklist: { titleMaxChars: 10 } }, async () => {
      const r = await rule(eleven.id, 'title-length');
      expect(r.passed).toBe(false);
      expect(r.detail['zh-CN']).toContain('10');
      expect((await rule(ten.id, 'title-length')).passed).toBe(true);
    });
  });

  test('requiredAttributes: an added 季节 is asked for; a list of only 面料 passes SKUs without 颜色', async () => {
    const code = unique('RA');
    const product = await createProduct(owner, { images: goodImages, itemCode: code, attributes: { 面料: '纯棉' }, skus: [{ code: `${code}-1`, attributes: { 尺码: 'M' }, price: 9900, cost: 3000 }] });
    expect((await rule(product.id, 'required-attributes')).passed).toBe(false);
    await withSettings({ checklist: { requiredAttributes: ['面料'] } }, async () => {
      expect((await rule(product.id, 'required-attributes')).passed).toBe(true);
    });
    const full = await createProduct(owner, { images: goodImages });
    expect((await rule(full.id, 'required-attributes')).passed).toBe(true);
    await withSettings({ checklist: { requiredAttributes: ['颜色', '尺码', '面料', '季节'] } }, async () => {
      const r = await rule(full.id, 'required-attributes');
      expect(r.passed).toBe(false);
      expect(r.detail['zh-CN']).toContain('季节');
    });
  });

  test('forbiddenWords: a new word is caught, and a default one no longer listed passes', async () => {
    const product = await createProduct(owner, { images: goodImages, title: '顶级 纯棉T恤 爆炸款' });
    const byDefault = await rule(product.id, 'forbidden-words');
    expect(byDefault.passed).toBe(false);
    expect(byDefault.detail['zh-CN']).toContain('顶级');
    await withSettings({ checklist: { forbiddenWords: ['爆炸'] } }, async () => {
      const r = await rule(product.id, 'forbidden-words');
      expect(r.passed).toBe(false);
      expect(r.detail['zh-CN']).toContain('爆炸');
      expect(r.detail['zh-CN']).not.toContain('顶级');
    });
    await withSettings({ checklist: { forbiddenWords: [] } }, async () => {
      expect((await rule(product.id, 'forbidden-words')).passed).toBe(true);
    });
  });

  test('allowedPromotionWords: taking 包邮 off the list flags it', async () => {
    const product = await createProduct(owner, { images: goodImages, title: '纯棉T恤 包邮' });
    expect((await rule(product.id, 'promotion-words')).passed).toBe(true);
    await withSettings({ checklist: { allowedPromotionWords: ['新品'] } }, async () => {
      const r = await rule(product.id, 'promotion-words');
      expect(r.passed).toBe(false);
      expect(r.detail['zh-CN']).toContain('包邮');
    });
  });
});

describe('promotions figures', () => {
  test('couponValidityDays 7: a new coupon is valid 7 days and its codes expire 7 days after issue', async () => {
    await withSettings({ promotions: { couponValidityDays: 7 } }, async () => {
      const created = await owner.post(`${API}/coupons`, { name: '七天券', faceValue: 500 });
      expect(created.status, created.text).toBe(201);
      expect(Date.parse(created.body.validUntil) - Date.parse(created.body.validFrom)).toBe(7 * DAY);
      // A coupon valid longer than 7 days: its codes still expire 7 days after they are issued.
      const long = await owner.post(`${API}/coupons`, { name: '长期券', faceValue: 500, validUntil: iso(30 * DAY) });
      const issued = await owner.post(`${API}/coupons/${long.body.id}/issue`, { count: 1 });
      expect(issued.status, issued.text).toBe(200);
      const code = issued.body.codes[0];
      expect(Date.parse(code.expiresAt) - Date.parse(code.issuedAt)).toBe(7 * DAY);
    });
    const byDefault = await owner.post(`${API}/coupons`, { name: '默认券', faceValue: 500 });
    expect(Date.parse(byDefault.body.validUntil) - Date.parse(byDefault.body.validFrom)).toBe(15 * DAY);
  });

  test('bundleMaxItems 3 refuses a 4-item bundle that the default 5 allows', async () => {
    const products = await Promise.all(Array.from({ length: 4 }, () => createProduct(owner)));
    const four = products.map((p) => p.skus[0]!.id);
    const body = { name: '四件套', kind: 'bundle', rule: { kind: 'bundle', skuIds: four, price: 20000 }, startsAt: iso(-hour), endsAt: iso(DAY) };
    await withSettings({ promotions: { bundleMaxItems: 3 } }, async () => {
      const refused = await owner.post(`${API}/promotions`, body);
      expect(refused.status, refused.text).toBe(400);
      expect(refused.body.errors).toContainEqual(expect.objectContaining({ path: '/rule/skuIds' }));
      expect(refused.body.detail).toContain('3');
      const three = await owner.post(`${API}/promotions`, { ...body, name: '三件套', rule: { kind: 'bundle', skuIds: four.slice(0, 3), price: 20000 } });
      expect(three.status, three.text).toBe(201);
    });
    const allowed = await owner.post(`${API}/promotions`, body);
    expect(allowed.status, allowed.text).toBe(201);
  });

  test('maxCommissionPercent 40 refuses 41 % (70 is the default limit)', async () => {
    const product = await createProduct(owner);
    await withSettings({ promotions: { maxCommissionPercent: 40 } }, async () => {
      const refused = await owner.put(`${P}/${product.id}/commission`, { percent: 41, version: product.version });
      expect(refused.status, refused.text).toBe(400);
      expect(refused.body.detail).toMatch(/最多 40%/);
      const ok = await owner.put(`${P}/${product.id}/commission`, { percent: 40, version: product.version });
      expect(ok.status, ok.text).toBe(200);
    });
    const current = (await owner.get(`${P}/${product.id}`)).body;
    const later = await owner.put(`${P}/${product.id}/commission`, { percent: 60, version: current.version });
    expect(later.status, later.text).toBe(200);
  });

  test('stackingOrder and combinable change what POST /price charges', async () => {
    const product = await createProduct(owner);
    await submitAndApprove(owner, reviewer, product);
    const percent = (await owner.post(`${API}/promotions`, { name: '八折', kind: 'percent', rule: { kind: 'percent', percent: 80 }, scope: { productIds: [product.id] }, startsAt: iso(-hour), endsAt: iso(DAY) })).body;
    const reduction = (await owner.post(`${API}/promotions`, { name: '满 200 减 50', kind: 'full-reduction', rule: { kind: 'full-reduction', tiers: [{ threshold: 20000, amount: 5000 }] }, scope: { productIds: [product.id] }, startsAt: iso(-hour), endsAt: iso(DAY) })).body;
    const coupon = (await owner.post(`${API}/coupons`, { name: '10 元券', faceValue: 1000, productIds: [product.id] })).body;
    const code = (await owner.post(`${API}/coupons/${coupon.id}/issue`, { count: 1 })).body.codes[0].code as string;
    const cart = { lines: [{ skuId: product.skus[0]!.id, qty: 2 }] };
    const price = async (extra: Record<string, unknown> = {}) => {
      const reply = await owner.post(`${API}/price`, { ...cart, ...extra });
      expect(reply.status, reply.text).toBe(200);
      return reply.body as { total: number; explanation: { kind: string; outcome: string }[] };
    };
    try {
      // Default: 八折 first (258 → 206.40), then 满 200 减 50 → 156.40; the coupon does not combine.
      expect((await price()).total).toBe(15640);
      expect((await price({ couponCode: code })).total).toBe(15640);

      await withSettings({ promotions: { stackingOrder: ['bundle', 'member', 'full-reduction', 'percent', 'full-gift', 'coupon'] } }, async () => {
        expect((await owner.get(`${API}/stacking-policy`)).body.order).toEqual(['bundle', 'member', 'full-reduction', 'percent', 'full-gift', 'coupon']);
        // 满减 first: 258 − 50 = 208, then 八折 → 166.40.
        expect((await price()).total).toBe(16640);
      });

      await withSettings({ promotions: { combinable: [] } }, async () => {
        // Nothing combines: 八折 alone (206.40) beats 满减 alone (208).
        const alone = await price();
        expect(alone.total).toBe(20640);
        expect(alone.explanation.find((s) => s.kind === 'full-reduction')?.outcome).toBe('refused');
      });

      await withSettings({ promotions: { combinable: ['percent+full-reduction', 'percent+coupon', 'full-reduction+coupon'] } }, async () => {
        expect((await owner.get(`${API}/stacking-policy`)).body.combinable).toContain('percent+coupon');
        // The coupon now stacks on top: 156.40 − 10 = 146.40.
        const stacked = await price({ couponCode: code });
        expect(stacked.total).toBe(14640);
        expect(stacked.explanation.find((s) => s.kind === 'coupon')?.outcome).toBe('applied');
      });
      expect((await price({ couponCode: code })).total).toBe(15640);
    } finally {
      await owner.post(`${API}/promotions/${percent.id}/end`, { version: percent.version });
      await owner.post(`${API}/promotions/${reduction.id}/end`, { version: reduction.version });
    }
  });
});
