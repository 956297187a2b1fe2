import { ConflictError, InputError, NotFoundError, invisibleCharacterIn, type Queryable, type SqlValue, type Transaction } from '@workbench/plugin-api';
import type { Sku } from '../types.js';
import { productStore, type SkuRow } from './product-store.js';

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

/** Trims a code; one of only spaces, or with an invisible character, is refused with the field path. */
export function cleanCode(value: string, path: string, label: { 'zh-CN': string; en: string }): string {
  const clean = value.trim();
  if (clean === '') {
    throw new InputError({ 'zh-CN': `请填写${label['zh-CN']}`, en: `Enter the ${label.en}` }, { errors: [{ path, in: 'body', message: '不能为空' }] });
  }
  const hidden = invisibleCharacterIn(clean);
  if (hidden) {
    // Also behind the body schema, so a write that does not come through a route refuses them too.
    throw new InputError(
      { 'zh-CN': `${label['zh-CN']}“${clean}”含有看不见的字符 ${hidden}，请删掉后重新输入`, en: `The ${label.en} “${clean}” contains the invisible character ${hidden}; delete it and type it again` },
      { errors: [{ path, in: 'body', message: `看不见的字符 ${hidden}` }] },
    );
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

/** When a SKU write happens, and where in the request body the SKU sits (for the field a problem names). */
export interface SkuWriteAt {
  now: string;
  path?: string;
}

/**
 * Adds a SKU to a product. A stub with the same 商家编码 (met in an order before the product was
 * entered) is taken over and completed instead, so whatever refers to it keeps its id.
 */
export async function addSku(tx: Transaction, productId: number, input: SkuInput, at: SkuWriteAt): Promise<Sku> {
  const { now, path = '' } = at;
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
  return (await productStore(tx).sku(id))!;
}

/** The SKU, or a 404 naming it. */
export async function requireSkuRow(q: Queryable, id: number): Promise<SkuRow> {
  const row = await q.get<SkuRow>('SELECT * FROM listings_skus WHERE id = ?', [id]);
  if (!row) throw new NotFoundError({ 'zh-CN': `没有找到 SKU #${id}，可能已被删除`, en: `SKU #${id} was not found; it may have been deleted` });
  return row;
}

/**
 * Changes a SKU with the version its editor read. Completing a stub — giving it a product, a price
 * and a cost — clears its "needs completing" flag. `path` prefixes the field paths of refusals, for
 * a SKU changed inside a larger request (`/skus/update/1`).
 */
export async function updateSku(tx: Transaction, id: number, patch: SkuPatch, at: SkuWriteAt): Promise<Sku> {
  const { now, path = '' } = at;
  const current = await requireSkuRow(tx, id);
  // Checked before anything else so a stale row is named (code and field path) rather than answered
  // with the generic conflict of updateVersioned, which still guards the write itself.
  if (current.version !== patch.version) {
    throw new ConflictError(
      {
        'zh-CN': `SKU“${current.code}”刚被别人修改过（你看到的是第 ${patch.version} 版，现在是第 ${current.version} 版），请刷新后再改`,
        en: `SKU “${current.code}” was changed by someone else (you saw version ${patch.version}, it is now ${current.version}); reload and try again`,
      },
      { errors: [{ path: `${path}/version`, in: 'body', message: '版本已过期' }] },
    );
  }
  const changes: Record<string, SqlValue> = { updated_at: now };
  if (patch.code !== undefined) {
    const code = cleanCode(patch.code, `${path}/code`, { 'zh-CN': '商家编码', en: 'outer SKU code' });
    if (code !== current.code) await checkCodeFree(tx, code, `${path}/code`, id);
    changes.code = code;
  }
  const barcode = cleanBarcode(patch.barcode);
  if (barcode !== undefined) {
    if (barcode !== null) await checkBarcodeFree(tx, barcode, `${path}/barcode`, id);
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
        { errors: [{ path: `${path}/productId`, in: 'body', message: '已有商品' }] },
      );
    }
    productId = (await productStore(tx).require(patch.productId)).id;
    changes.product_id = productId;
  }
  // A stub's 0 price and cost are placeholders, so they count as given only when sent.
  const priced = patch.price !== undefined || current.price > 0;
  const costed = patch.cost !== undefined || current.cost > 0;
  if (current.needs_completing === 1 && productId !== null && priced && costed) changes.needs_completing = 0;
  await tx.updateVersioned('listings_skus', { id, version: patch.version }, changes);
  return (await productStore(tx).sku(id))!;
}

/** Deletes a SKU. */
export async function deleteSku(tx: Transaction, id: number): Promise<void> {
  await requireSkuRow(tx, id);
  await tx.run('DELETE FROM listings_skus WHERE id = ?', [id]);
}

/**
 * Refuses a 商家编码 or barcode given twice among `skus` (400 at `${path}/i/code`), before any row is
 * written, so the clerk hears about both rows instead of a 409 naming the request's own product.
 */
export function refuseRepeatedCodes(skus: SkuInput[], path = '/skus'): void {
  const seen = new Map<string, number>();
  const barcodes = new Map<string, number>();
  for (const [i, sku] of skus.entries()) {
    const code = sku.code.trim();
    const first = seen.get(code);
    if (first !== undefined) {
      throw new InputError(
        { 'zh-CN': `商家编码“${code}”在第 ${first + 1} 个和第 ${i + 1} 个 SKU 里重复了`, en: `The outer SKU code “${code}” appears in SKU ${first + 1} and SKU ${i + 1}` },
        { errors: [{ path: `${path}/${i}/code`, in: 'body', message: '重复' }] },
      );
    }
    seen.set(code, i);
    const barcode = sku.barcode?.trim();
    if (!barcode) continue;
    const firstBarcode = barcodes.get(barcode);
    if (firstBarcode !== undefined) {
      throw new InputError(
        { 'zh-CN': `条形码 ${barcode} 在第 ${firstBarcode + 1} 个和第 ${i + 1} 个 SKU 里重复了`, en: `Barcode ${barcode} appears in SKU ${firstBarcode + 1} and SKU ${i + 1}` },
        { errors: [{ path: `${path}/${i}/barcode`, in: 'body', message: '重复' }] },
      );
    }
    barcodes.set(barcode, i);
  }
}

/** A change to one of the product's SKUs inside a product save; a SKU never changes product here. */
export type SkuUpdate = Partial<SkuInput> & { id: number; version: number };

/** What a product save does to its SKUs (`skus` of `PATCH /products/:id`). */
export interface SkuChanges {
  create?: SkuInput[];
  update?: SkuUpdate[];
  remove?: number[];
}

/**
 * Refuses an id that is not one of the product's SKUs, or that is named twice (changed twice, or
 * both changed and deleted), before anything is written, with the path of the offending entry.
 */
export async function checkSkuIds(q: Queryable, productId: number, changes: SkuChanges, path: string): Promise<void> {
  const named = [
    ...(changes.update ?? []).map((u, i) => ({ id: u.id, at: `${path}/update/${i}/id` })),
    ...(changes.remove ?? []).map((id, i) => ({ id, at: `${path}/remove/${i}` })),
  ];
  if (named.length === 0) return;
  const rows = await q.all<{ id: number; product_id: number | null; code: string }>(
    `SELECT id, product_id, code FROM listings_skus WHERE id IN (${named.map(() => '?').join(', ')})`,
    named.map((n) => n.id),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const seen = new Set<number>();
  for (const { id, at } of named) {
    const row = byId.get(id);
    if (!row) {
      throw new NotFoundError(
        { 'zh-CN': `没有找到 SKU #${id}，可能已被别人删除；请刷新后再改`, en: `SKU #${id} was not found; someone may have deleted it. Reload and try again` },
        { errors: [{ path: at, in: 'body', message: '不存在' }] },
      );
    }
    if (row.product_id !== productId) {
      throw new InputError(
        { 'zh-CN': `SKU“${row.code}”不是这个商品的，不能在这里修改或删除`, en: `SKU “${row.code}” does not belong to this product; it cannot be changed or deleted here` },
        { errors: [{ path: at, in: 'body', message: '不属于该商品' }] },
      );
    }
    if (seen.has(id)) {
      throw new InputError(
        { 'zh-CN': `SKU“${row.code}”在这次保存里出现了两次，请只改一次`, en: `SKU “${row.code}” appears twice in this save; change it only once` },
        { errors: [{ path: at, in: 'body', message: '重复' }] },
      );
    }
    seen.add(id);
  }
}

/**
 * Applies a product save's SKU changes in the caller's transaction, so a refusal of any of them
 * rolls back the rest. Deletions go first and changes before additions: a code or barcode freed by
 * a deleted or renamed row may then be taken by another row of the same save.
 */
export async function applySkuChanges(tx: Transaction, productId: number, changes: SkuChanges, at: SkuWriteAt): Promise<void> {
  const { now, path = '/skus' } = at;
  const create = changes.create ?? [];
  refuseRepeatedCodes(create, `${path}/create`);
  await checkSkuIds(tx, productId, changes, path);
  for (const id of changes.remove ?? []) await deleteSku(tx, id);
  for (const [i, { id, ...patch }] of (changes.update ?? []).entries()) await updateSku(tx, id, patch, { now, path: `${path}/update/${i}` });
  for (const [i, sku] of create.entries()) await addSku(tx, productId, sku, { now, path: `${path}/create/${i}` });
}
