import { ConflictError, InputError, NotFoundError, type Queryable, type SqlValue, type Transaction } from '@workbench/plugin-api';
import type { Sku } from '../types.js';
import { readSku, requireProduct, type SkuRow } from './product-store.js';

/** What a clerk sends for one SKU (`SkuInput` in the README). */
export interface SkuInput {
  code: string;
  attributes?: Record<string, string>;
  price: number;
  cost: number;
  barcode?: string | null;
  weightGrams?: number | null;
  lowStockThreshold?: number | null;
}

/** A change to one SKU; `productId` may only be given to a stub that has no product yet. */
export type SkuPatch = Partial<SkuInput> & { productId?: number; version: number };

/** Trims a code; one of only spaces is refused with the field path. */
export function cleanCode(value: string, path: string, label: { 'zh-CN': string; en: string }): string {
  const clean = value.trim();
  if (clean === '') {
    throw new InputError({ 'zh-CN': `请填写${label['zh-CN']}`, en: `Enter the ${label.en}` }, { errors: [{ path, in: 'body', message: '不能为空' }] });
  }
  return clean;
}

const cleanBarcode = (value: string | null | undefined): string | null | undefined =>
  value === undefined || value === null ? value : value.trim() === '' ? null : value.trim();

/** Who holds a 商家编码, for the messages that name them. */
async function owner(q: Queryable, productId: number | null): Promise<string> {
  if (productId === null) return '';
  const p = await q.get<{ title: string; item_code: string }>('SELECT title, item_code FROM listings_products WHERE id = ?', [productId]);
  return p ? `商品“${p.title}”（货号 ${p.item_code}）` : '';
}

/** Refuses a 商家编码 another SKU (other than `exceptId`) already has. Answers the stub holding it, if the holder is one. */
export async function checkCodeFree(q: Queryable, code: string, path: string, exceptId = 0): Promise<SkuRow | undefined> {
  const holder = await q.get<SkuRow>('SELECT * FROM listings_skus WHERE code = ? AND id <> ?', [code, exceptId]);
  if (!holder) return undefined;
  if (holder.product_id === null && exceptId === 0) return holder;
  const who = await owner(q, holder.product_id);
  throw new ConflictError(
    {
      'zh-CN': `商家编码“${code}”已经被${who || '一个待补全的 SKU'}使用，同一店铺内不能重复`,
      en: `The outer SKU code “${code}” is already used${who ? ` by ${who}` : ' by a SKU waiting to be completed'}; codes must be unique in the shop`,
    },
    { errors: [{ path, in: 'body', message: '重复' }] },
  );
}

/** Refuses a barcode another SKU already has. */
export async function checkBarcodeFree(q: Queryable, barcode: string, path: string, exceptId = 0): Promise<void> {
  const holder = await q.get<{ code: string }>('SELECT code FROM listings_skus WHERE barcode = ? AND id <> ?', [barcode, exceptId]);
  if (holder) {
    throw new ConflictError(
      { 'zh-CN': `条形码 ${barcode} 已经用在商家编码“${holder.code}”上了`, en: `Barcode ${barcode} is already on the SKU “${holder.code}”` },
      { errors: [{ path, in: 'body', message: '重复' }] },
    );
  }
}

/**
 * Adds a SKU to a product. A stub with the same 商家编码 (met in an order before the product was
 * entered) is taken over and completed instead, so whatever refers to it keeps its id.
 */
export async function addSku(tx: Transaction, productId: number, input: SkuInput, now: string, path = ''): Promise<Sku> {
  const code = cleanCode(input.code, `${path}/code`, { 'zh-CN': '商家编码', en: 'outer SKU code' });
  const barcode = cleanBarcode(input.barcode) ?? null;
  const stub = await checkCodeFree(tx, code, `${path}/code`);
  if (barcode !== null) await checkBarcodeFree(tx, barcode, `${path}/barcode`, stub?.id ?? 0);
  const values = [JSON.stringify(input.attributes ?? {}), input.price, input.cost, barcode, input.weightGrams ?? null, input.lowStockThreshold ?? null];
  let id: number;
  if (stub) {
    await tx.run(
      `UPDATE listings_skus SET product_id = ?, attributes = ?, price = ?, cost = ?, barcode = ?, weight_grams = ?, low_stock_threshold = ?,
         needs_completing = 0, version = version + 1, updated_at = ? WHERE id = ?`,
      [productId, ...values, now, stub.id],
    );
    id = stub.id;
  } else {
    ({ lastId: id } = await tx.run(
      `INSERT INTO listings_skus (product_id, code, attributes, price, cost, barcode, weight_grams, low_stock_threshold, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [productId, code, ...values, now, now],
    ));
  }
  return (await readSku(tx, id))!;
}

/** The SKU, or a 404 naming it. */
export async function requireSkuRow(q: Queryable, id: number): Promise<SkuRow> {
  const row = await q.get<SkuRow>('SELECT * FROM listings_skus WHERE id = ?', [id]);
  if (!row) throw new NotFoundError({ 'zh-CN': `没有找到 SKU #${id}，可能已被删除`, en: `SKU #${id} was not found; it may have been deleted` });
  return row;
}

/**
 * Changes a SKU with the version its editor read. Completing a stub — giving it a product, a price
 * and a cost — clears its "needs completing" flag.
 */
export async function updateSku(tx: Transaction, id: number, patch: SkuPatch, now: string): Promise<Sku> {
  const current = await requireSkuRow(tx, id);
  const changes: Record<string, SqlValue> = { updated_at: now };
  if (patch.code !== undefined) {
    const code = cleanCode(patch.code, '/code', { 'zh-CN': '商家编码', en: 'outer SKU code' });
    if (code !== current.code) await checkCodeFree(tx, code, '/code', id);
    changes.code = code;
  }
  const barcode = cleanBarcode(patch.barcode);
  if (barcode !== undefined) {
    if (barcode !== null) await checkBarcodeFree(tx, barcode, '/barcode', id);
    changes.barcode = barcode;
  }
  if (patch.attributes !== undefined) changes.attributes = JSON.stringify(patch.attributes);
  if (patch.price !== undefined) changes.price = patch.price;
  if (patch.cost !== undefined) changes.cost = patch.cost;
  if (patch.weightGrams !== undefined) changes.weight_grams = patch.weightGrams;
  if (patch.lowStockThreshold !== undefined) changes.low_stock_threshold = patch.lowStockThreshold;
  let productId = current.product_id;
  if (patch.productId !== undefined && patch.productId !== current.product_id) {
    if (current.product_id !== null) {
      throw new ConflictError(
        { 'zh-CN': `SKU“${current.code}”已经属于${await owner(tx, current.product_id)}，不能改到别的商品下`, en: `SKU “${current.code}” already belongs to another product; it cannot move` },
        { errors: [{ path: '/productId', in: 'body', message: '已有商品' }] },
      );
    }
    productId = (await requireProduct(tx, patch.productId)).id;
    changes.product_id = productId;
  }
  // A stub's 0 price and cost are placeholders, so they count as given only when sent.
  const priced = patch.price !== undefined || current.price > 0;
  const costed = patch.cost !== undefined || current.cost > 0;
  if (current.needs_completing === 1 && productId !== null && priced && costed) changes.needs_completing = 0;
  await tx.updateVersioned('listings_skus', { id, version: patch.version }, changes);
  return (await readSku(tx, id))!;
}

/** Deletes a SKU. */
export async function deleteSku(tx: Transaction, id: number): Promise<void> {
  await requireSkuRow(tx, id);
  await tx.run('DELETE FROM listings_skus WHERE id = ?', [id]);
}
