import type { PluginContext, Transaction } from '@workbench/plugin-api';
import { DEMO_CATEGORIES, DEMO_PRODUCTS, type DemoProduct } from './demo-catalog.js';
import { fillDemoPromotions } from './demo-promotions.js';
import { shiftDays } from './demo-time.js';

/** The colleague the demo shows as having prepared and submitted products. */
const OPERATOR = '小林（运营）';
const REVIEWER = '王店长';

/** Registers the demo clothing shop the owner may load at first-run setup. */
export function registerDemoShop(ctx: PluginContext): void {
  ctx.demo.register(async (tx, { now }) => {
    const categories = await fillCategories(tx, now);
    const products: { id: number; skuIds: number[]; spec: DemoProduct }[] = [];
    let slot = 0;
    for (const [index, spec] of DEMO_PRODUCTS.entries()) {
      const showcase = spec.status === 'listed' && slot < 6 ? ++slot : null;
      products.push({ ...(await fillProduct(tx, spec, index, spec.category ? categories.get(spec.category)! : null, showcase, now)), spec });
    }
    await fillDemoPromotions(tx, now, {
      bottomsCategoryId: categories.get('bottoms')!,
      campaignProductIds: products.filter((p) => p.spec.category === 'coats' && p.spec.status === 'listed').map((p) => p.id),
    });
  });
}

async function fillCategories(tx: Transaction, now: string): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const order = new Map<string, number>();
  for (const c of DEMO_CATEGORIES) {
    const siblings = c.parent ?? '';
    const sortOrder = (order.get(siblings) ?? 0) + 1;
    order.set(siblings, sortOrder);
    const { lastId } = await tx.run(
      'INSERT INTO listings_categories (name, parent_id, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
      [c.name, c.parent ? ids.get(c.parent)! : null, sortOrder, now, now],
    );
    ids.set(c.key, lastId);
  }
  return ids;
}

/** Images as the checklist wants them for products on sale; drafts still miss some detail shots. */
function images(spec: DemoProduct): { url: string; kind: 'main' | 'detail'; width: number; height: number; watermark: boolean }[] {
  const base = `https://img.xiaowang-shop.example/${spec.itemCode.toLowerCase()}`;
  const details = spec.status === 'draft' ? 2 : 5;
  return [
    { url: `${base}/main.jpg`, kind: 'main', width: 800, height: 800, watermark: true },
    ...Array.from({ length: details }, (_, i) => ({ url: `${base}/detail-${i + 1}.jpg`, kind: 'detail' as const, width: 790, height: 1200, watermark: true })),
  ];
}

function description(spec: DemoProduct): string {
  return `${spec.title}。面料：${spec.fabric}。尺码按详情页的尺码表选；拿不准的话，把身高体重发给客服帮您挑。`;
}

async function fillProduct(tx: Transaction, spec: DemoProduct, index: number, categoryId: number | null, showcase: number | null, now: string) {
  // Older products first: each one a day apart, so lists sorted by time look lived-in.
  const created = shiftDays(now, -(60 - index));
  const submitted = spec.status === 'draft' ? null : shiftDays(created, 1);
  const reviewed = spec.status === 'listed' || spec.status === 'delisted' ? shiftDays(created, 1.2) : null;
  const delisted = spec.status === 'delisted' ? shiftDays(now, -3) : null;
  const attributes: Record<string, string> = {
    面料: spec.fabric,
    颜色: spec.colors.map(([c]) => c).join('/'),
    尺码: spec.sizes.join('/'),
    ...(spec.style ? { 风格: spec.style } : {}),
  };
  const { lastId: productId } = await tx.run(
    `INSERT INTO listings_products (title, item_code, category_id, description, images, attributes, shipping_template, showcase_slot, status,
       submitted_at, submit_reason, reviewed_at, review_note, listed_at, delisted_at, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [spec.title, spec.itemCode, categoryId, description(spec), JSON.stringify(images(spec)), JSON.stringify(attributes), spec.price >= 99 ? '包邮（偏远地区除外）' : '满 99 包邮',
      showcase, spec.status, submitted, spec.status === 'submitted' && spec.price > 250 ? '真丝款主图还在重拍，先提交审核占位' : null,
      reviewed, null, reviewed, delisted, 1, created, delisted ?? reviewed ?? created],
  );
  const skuIds: number[] = [];
  for (const [color, colorCode] of spec.colors) {
    for (const size of spec.sizes) {
      const code = `${spec.itemCode}-${colorCode}-${size === '均码' ? 'F' : size}`;
      // Bigger sizes use a little more cloth: a few 元 more cost, same price.
      const extra = size === 'XL' || size === 'XXL' ? 300 : 0;
      const { lastId } = await tx.run(
        'INSERT INTO listings_skus (product_id, code, attributes, price, cost, weight_grams, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [productId, code, JSON.stringify({ 颜色: color, 尺码: size }), spec.price * 100, spec.cost * 100 + extra, 200 + Math.round(spec.cost * 4), created, created],
      );
      skuIds.push(lastId);
    }
  }
  await fillHistory(tx, productId, spec, { submitted, reviewed, delisted });
  return { id: productId, skuIds };
}

async function fillHistory(tx: Transaction, productId: number, spec: DemoProduct, at: { submitted: string | null; reviewed: string | null; delisted: string | null }) {
  const add = (action: string, from: string, to: string, when: string, who: string, note: string | null) =>
    tx.run('INSERT INTO listings_product_history (product_id, action, from_status, to_status, actor_name, at, note) VALUES (?, ?, ?, ?, ?, ?, ?)', [productId, action, from, to, who, when, note]);
  if (at.submitted) await add('submit', 'draft', 'submitted', at.submitted, OPERATOR, null);
  if (at.reviewed) await add('approve', 'submitted', 'listed', at.reviewed, REVIEWER, null);
  if (at.delisted) await add('delist', 'listed', 'delisted', at.delisted, OPERATOR, spec.status === 'delisted' ? '浅蓝 S 码断货，等补货后再上' : null);
}
