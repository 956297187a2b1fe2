// The pricing engine (plugins/listings/server/promotions/engine.ts, bundled on the fly with
// esbuild) on a 50-line cart under 200 active promotions (`benchInput` of
// plugins/listings/test/fixtures/pricing-inputs.ts), against a naive single pass over the
// same promotions measured in this same process. Run alone with `node bench/pricing.mjs` or
// through `npm run bench`.
import { formatTable, importSource, installCleanup, int, ratio } from './lib.mjs';

/** Every measurement is repeated this many times, interleaved; the median is reported. */
export const ROUNDS = 5;
/** How long one case runs in one round. */
const WINDOW_MS = 400;

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
  // The cart the pricing reference test prices too (its digest is held there), so both look at one input.
  const { benchInput } = await importSource('plugins/listings/test/fixtures/pricing-inputs.ts', 'pricing-inputs');
  const big = benchInput(50, false);
  const small = benchInput(5, false);
  const withCoupon = benchInput(50, true);
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
