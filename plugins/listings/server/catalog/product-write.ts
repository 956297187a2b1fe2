import { ConflictError, InputError, type Queryable, type SqlValue, type Transaction } from '@workbench/plugin-api';
import type { Product } from '../types.js';
import { categoryStore } from './category-store.js';
import { productStore, type ProductDetail } from './product-store.js';
import { addSku, applySkuChanges, cleanCode, refuseRepeatedCodes, type SkuChanges, type SkuInput } from './sku-write.js';

/** The product fields the catalog edits; status and the workflow's fields belong to the workflow area. */
export type ProductFields = Pick<Product, 'title' | 'itemCode' | 'categoryId' | 'description' | 'images' | 'attributes' | 'shippingTemplate' | 'showcaseSlot'>;

export type ProductInput = Pick<ProductFields, 'title' | 'itemCode'> & Partial<Omit<ProductFields, 'title' | 'itemCode'>> & { skus?: SkuInput[] };
/** A product save: its changed fields and, optionally, what happens to its SKUs, all in one transaction. */
export type ProductPatch = Partial<ProductFields> & { version: number; skus?: SkuChanges };

/** Trims a title; an empty one is refused at `/title`. */
export function cleanTitle(title: string): string {
  const clean = title.trim();
  if (clean === '') {
    throw new InputError({ 'zh-CN': '请填写商品标题', en: 'Enter the product title' }, { errors: [{ path: '/title', in: 'body', message: '不能为空' }] });
  }
  return clean;
}

/** Refuses a 货号 another product already has. */
export async function checkItemCodeFree(q: Queryable, itemCode: string, exceptId = 0): Promise<void> {
  const holder = await q.get<{ title: string }>('SELECT title FROM listings_products WHERE item_code = ? AND id <> ?', [itemCode, exceptId]);
  if (holder) {
    throw new ConflictError(
      { 'zh-CN': `货号“${itemCode}”已经是商品“${holder.title}”的了，请换一个`, en: `Item code “${itemCode}” already belongs to “${holder.title}”; choose another` },
      { errors: [{ path: '/itemCode', in: 'body', message: '重复' }] },
    );
  }
}

async function checkCategory(q: Queryable, categoryId: number | null | undefined): Promise<void> {
  if (categoryId === null || categoryId === undefined) return;
  if (!(await categoryStore(q).get(categoryId))) {
    throw new InputError({ 'zh-CN': `分类 #${categoryId} 不存在，请重新选择`, en: `Category #${categoryId} does not exist; choose another` }, { errors: [{ path: '/categoryId', in: 'body', message: '不存在' }] });
  }
}

/** A showcase slot (橱窗推荐位) must exist in the shop's settings and not be another product's. */
async function checkShowcase(q: Queryable, slot: number | null | undefined, slots: number, exceptId = 0): Promise<void> {
  if (slot === null || slot === undefined) return;
  if (slot > slots) {
    throw new InputError(
      slots === 0
        ? { 'zh-CN': '店铺没有设置橱窗推荐位', en: 'The shop has no showcase slots set up' }
        : { 'zh-CN': `橱窗推荐位只有 ${slots} 个，请填 1 到 ${slots}`, en: `There are ${slots} showcase slots; choose 1 to ${slots}` },
      { errors: [{ path: '/showcaseSlot', in: 'body', message: `1–${slots}` }] },
    );
  }
  const holder = await q.get<{ title: string; item_code: string }>('SELECT title, item_code FROM listings_products WHERE showcase_slot = ? AND id <> ?', [slot, exceptId]);
  if (holder) {
    throw new ConflictError(
      {
        'zh-CN': `橱窗推荐位 ${slot} 已经给了商品“${holder.title}”（货号 ${holder.item_code}），请先把它撤下或换一个位置`,
        en: `Showcase slot ${slot} is taken by “${holder.title}” (item code ${holder.item_code}); free it first or choose another`,
      },
      { errors: [{ path: '/showcaseSlot', in: 'body', message: '已占用' }] },
    );
  }
}

/** Creates a product, and its SKUs when given, in the caller's transaction. */
export async function createProduct(tx: Transaction, input: ProductInput, context: { now: string; actorId: number | null; showcaseSlots: number }): Promise<ProductDetail> {
  const title = cleanTitle(input.title);
  const itemCode = cleanCode(input.itemCode, '/itemCode', { 'zh-CN': '货号', en: 'item code' });
  await checkItemCodeFree(tx, itemCode);
  await checkCategory(tx, input.categoryId);
  await checkShowcase(tx, input.showcaseSlot, context.showcaseSlots);
  const skus = input.skus ?? [];
  refuseRepeatedCodes(skus);
  const { lastId } = await tx.run(
    `INSERT INTO listings_products (title, item_code, category_id, description, images, attributes, shipping_template, showcase_slot, created_at, updated_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      title,
      itemCode,
      input.categoryId ?? null,
      input.description ?? '',
      JSON.stringify(input.images ?? []),
      JSON.stringify(input.attributes ?? {}),
      input.shippingTemplate?.trim() || null,
      input.showcaseSlot ?? null,
      context.now,
      context.now,
      context.actorId,
    ],
  );
  for (const [i, sku] of skus.entries()) await addSku(tx, lastId, sku, { now: context.now, path: `/skus/${i}` });
  return productStore(tx).requireDetail(lastId);
}

/**
 * Changes a product's catalog fields with the version its editor read (stale → 409), then its SKUs
 * when `skus` is given, in the caller's transaction: a refusal of any part leaves all of it unsaved.
 * The product's version moves even when only SKUs change, so an editor holding the old detail is stale.
 */
export async function updateProduct(tx: Transaction, id: number, patch: ProductPatch, context: { now: string; showcaseSlots: number }): Promise<ProductDetail> {
  const changes: Record<string, SqlValue> = { updated_at: context.now };
  if (patch.title !== undefined) changes.title = cleanTitle(patch.title);
  if (patch.itemCode !== undefined) {
    const itemCode = cleanCode(patch.itemCode, '/itemCode', { 'zh-CN': '货号', en: 'item code' });
    await checkItemCodeFree(tx, itemCode, id);
    changes.item_code = itemCode;
  }
  if (patch.categoryId !== undefined) {
    await checkCategory(tx, patch.categoryId);
    changes.category_id = patch.categoryId;
  }
  if (patch.showcaseSlot !== undefined) {
    await checkShowcase(tx, patch.showcaseSlot, context.showcaseSlots, id);
    changes.showcase_slot = patch.showcaseSlot;
  }
  if (patch.description !== undefined) changes.description = patch.description;
  if (patch.images !== undefined) changes.images = JSON.stringify(patch.images);
  if (patch.attributes !== undefined) changes.attributes = JSON.stringify(patch.attributes);
  if (patch.shippingTemplate !== undefined) changes.shipping_template = patch.shippingTemplate?.trim() || null;
  await tx.updateVersioned('listings_products', { id, version: patch.version }, changes);
  if (patch.skus) await applySkuChanges(tx, id, patch.skus, { now: context.now });
  return productStore(tx).requireDetail(id);
}
