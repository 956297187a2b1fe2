// The pricing engine (plugins/listings/server/promotions/engine.ts, bundled on the fly with
// esbuild) on a 50-line cart under 200 active promotions, against a naive single pass over the
// same promotions measured in this same process. Run alone with `node bench/pricing.mjs` or
// through `npm run bench`.
import { formatTable, importSource, installCleanup, int, ratio } from './lib.mjs';

/** Every measurement is repeated this many times, interleaved; the median is reported. */
export const ROUNDS = 5;
/** How long one case runs in one round. */
const WINDOW_MS = 400;
const AT = '2026-11-23T19:30:00.000+08:00';


/** 60 SKUs of 60 products in 10 categories (the last 10 are gifts), 200 promotions of every kind. */
function fixture(lineCount) {
  const skus = new Map();
  for (let id = 1; id <= 60; id++) {
    skus.set(id, { skuId: id, productId: id, categoryId: (id % 10) + 1, code: `SKU-${id}`, title: `商品 ${id}`, price: 5_000 + ((id * 1_237) % 20_000), cost: 2_000 + ((id * 311) % 2_000) });
  }
  const rule = (i) => {
    switch (i % 5) {
      case 0:
        return { kind: 'percent', percent: 80 + (i % 19) };
      case 1:
        return { kind: 'member', levels: { V1: 98 - (i % 7), V2: 95 - (i % 9) } };
      case 2:
        return { kind: 'full-reduction', tiers: [{ threshold: 10_000 + i * 500, amount: 1_000 + i * 20 }, { threshold: 50_000 + i * 800, amount: 5_000 + i * 30 }] };
      case 3:
        return { kind: 'full-gift', threshold: 20_000 + i * 300, giftSkuId: 51 + (i % 10), qty: 1 };
      default:
        return { kind: 'bundle', skuIds: [...new Set([1 + (i % 50), 1 + ((i * 7 + 3) % 50)])], price: 9_000 + i * 10 };
    }
  };
  const promotions = Array.from({ length: 200 }, (_, k) => {
    const r = rule(k);
    const scope = k % 3 === 0 ? {} : k % 3 === 1 ? { categoryIds: [(k % 10) + 1] } : { productIds: [1 + (k % 50), 1 + ((k * 3) % 50)] };
    return { id: k + 1, name: `促销 ${k + 1}`, kind: r.kind, rule: r, scope, startsAt: '2026-11-01T00:00:00.000+08:00', endsAt: '2026-12-31T00:00:00.000+08:00', status: 'active', suspendedReason: null, campaignId: null, version: 1, createdAt: AT, updatedAt: AT };
  });
  const lines = Array.from({ length: lineCount }, (_, i) => ({ skuId: i + 1, qty: 1 + (i % 3) }));
  const policy = {
    order: ['bundle', 'member', 'percent', 'full-reduction', 'full-gift', 'coupon'],
    combinable: ['bundle+full-reduction', 'member+full-reduction', 'percent+full-reduction', 'bundle+full-gift', 'member+full-gift', 'percent+full-gift', 'full-reduction+full-gift'],
  };
  return { cart: { lines, memberLevel: 'V2', shipping: 800, at: AT }, skus, promotions, policy, at: AT };
}

/**
 * The baseline: one pass over every promotion and every line, keeping the single biggest saving
 * per line, with no stacking, no rounding rules and no explanation. The least any pricer must do
 * to look at all 200 promotions for all 50 lines.
 */
function naivePrice(input) {
  const { lines, memberLevel } = input.cart;
  const best = new Array(lines.length).fill(0);
  let goods = 0;
  for (const line of lines) goods += input.skus.get(line.skuId).price * line.qty;
  for (const p of input.promotions) {
    const products = p.scope.productIds ?? [];
    const categories = p.scope.categoryIds ?? [];
    for (let i = 0; i < lines.length; i++) {
      const sku = input.skus.get(lines[i].skuId);
      if (products.length + categories.length > 0 && !products.includes(sku.productId) && !categories.includes(sku.categoryId)) continue;
      const amount = sku.price * lines[i].qty;
      const r = p.rule;
      let off = 0;
      if (r.kind === 'percent') off = Math.round((amount * (100 - r.percent)) / 100);
      else if (r.kind === 'member' && r.levels[memberLevel] !== undefined) off = Math.round((amount * (100 - r.levels[memberLevel])) / 100);
      else if (r.kind === 'full-reduction') for (const t of r.tiers) if (goods >= t.threshold) off = Math.max(off, Math.round((t.amount * amount) / goods));
      if (off > best[i]) best[i] = off;
    }
  }
  return goods - best.reduce((s, v) => s + v, 0);
}

/** Runs `fn` for one window and answers calls per second. */
function window(fn, windowMs = WINDOW_MS) {
  let n = 0;
  const started = performance.now();
  let now = started;
  while (now - started < windowMs) {
    for (let k = 0; k < 10; k++) fn();
    n += 10;
    now = performance.now();
  }
  return (n * 1000) / (now - started);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs the pricing benchmark and answers table rows. `log` gets progress lines. */
export async function runPricing({ log = (line) => console.error(line), rounds = ROUNDS, windowMs = WINDOW_MS } = {}) {
  const { priceCart } = await importSource('plugins/listings/server/promotions/engine.ts', 'pricing-engine');
  const big = fixture(50);
  const small = fixture(5);
  const withCoupon = {
    ...big,
    coupon: {
      coupon: { id: 1, name: '抵价券', faceValue: 2_000, threshold: 0, productIds: [], validFrom: '2026-11-01T00:00:00.000+08:00', validUntil: '2026-12-31T00:00:00.000+08:00', version: 1, createdAt: AT },
      code: { code: 'BENCH', couponId: 1, status: 'issued', issuedAt: AT, expiresAt: '2026-12-31T00:00:00.000+08:00', usedAt: null, orderRef: null },
    },
    policy: { ...big.policy, combinable: [...big.policy.combinable, 'coupon+full-reduction', 'coupon+percent'] },
  };
  // A guard, not a speed figure: the engine must really discount and explain this cart.
  const check = priceCart(big);
  if (!(check.discountTotal > 0) || check.explanation.length !== 200) throw new Error('the engine did not price the benchmark cart as expected');

  const cases = [
    { id: 'naive', label: 'naive pass', name: 'naive single pass, 50 lines × 200 promotions (no stacking, no explanation)', op: () => naivePrice(big) },
    { id: 'engine', name: 'priceCart, 50 lines × 200 promotions, default policy', base: 'naive', op: () => priceCart(big) },
    { id: 'coupon', name: 'priceCart, 50 lines × 200 promotions + a coupon that combines', base: 'naive', op: () => priceCart(withCoupon) },
    { id: 'small', name: 'priceCart, 5 lines × 200 promotions', base: 'naive', op: () => priceCart(small) },
  ];
  const byId = new Map(cases.map((c) => [c.id, c]));
  // Warm-up: the JIT settles before anything is measured.
  for (const c of cases) window(c.op, windowMs);
  for (const c of cases) c.rounds = [];
  for (let round = 1; round <= rounds; round++) {
    for (const c of cases) c.rounds.push(window(c.op, windowMs));
    log(`  pricing round ${round}/${rounds}: ${cases.map((c) => `${c.id} ${int(c.rounds.at(-1))}`).join(', ')}`);
  }
  return cases.map((c) => {
    const perSecond = median(c.rounds);
    let vs = 'baseline';
    if (c.base) {
      const base = byId.get(c.base);
      const ratios = c.rounds.map((r, i) => r / base.rounds[i]);
      vs = `${ratio(median(ratios))} ${base.label} (rounds ${ratio(Math.min(...ratios)).slice(0, -1)}–${ratio(Math.max(...ratios))}; ${(1000 / perSecond).toFixed(2)} ms a cart)`;
    }
    return ['pricing', c.name, `${int(perSecond)} carts/s`, vs];
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  installCleanup();
  const rows = await runPricing();
  console.log(formatTable(rows));
}
