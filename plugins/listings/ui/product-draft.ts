import { fenToYuan, yuanToFen } from '@workbench/ui';
import type { Product, ProductImage, Sku } from '../server/types.js';
import type { PendingRevision } from '../server/revisions/revision-types.js';

/** What GET /products/:id answers: a listed product's pending changes come with it. */
export type ProductDetail = Product & { skus: Sku[]; revision?: PendingRevision | null };

/**
 * The product the form edits: as listed, or — with changes awaiting review — as it would be once
 * they are approved, so a further save adds to those changes instead of undoing them. SKUs the
 * changes add have no id yet; saving sends them again and the server keeps one per 商家编码.
 */
export function editedVersion(p: ProductDetail): { product: ProductDetail; skus: Sku[]; newSkus: Sku[] } {
  const r = p.revision;
  if (!r) return { product: p, skus: p.skus, newSkus: [] };
  const skus = r.proposed.skus.filter((s): s is Sku => s.id !== null);
  const newSkus = r.proposed.skus.filter((s) => s.id === null).map((s) => ({ ...s, id: 0 }));
  return { product: { ...p, title: r.proposed.title, description: r.proposed.description, images: r.proposed.images, attributes: r.proposed.attributes, skus }, skus, newSkus };
}

/** One SKU row as the editor holds it: typed text, turned into numbers only when saved. */
export interface SkuDraft {
  /** Set for a row the server already has. */
  id?: number;
  version?: number;
  code: string;
  color: string;
  size: string;
  /** Attributes other than 颜色/尺码, kept as they were. */
  otherAttributes: Record<string, string>;
  price: string;
  cost: string;
  barcode: string;
  weight: string;
  threshold: string;
}

export interface ImageDraft {
  url: string;
  kind: 'main' | 'detail';
  width: string;
  /** The shop's watermark is on it (the checklist's 店铺水印 rule). */
  watermark: boolean;
  /** Kept as it came, so saving a product never drops it. */
  height?: number;
}

/** The product form: every field as the inputs hold it. */
export interface ProductDraft {
  title: string;
  itemCode: string;
  categoryId: string;
  description: string;
  attributes: [string, string][];
  images: ImageDraft[];
  shippingTemplate: string;
  showcaseSlot: string;
  skus: SkuDraft[];
}

/** One problem with the draft: a JSON pointer into the request and the message. */
export interface DraftProblem {
  path: string;
  message: { 'zh-CN': string; en: string };
}

export const COLOR = '颜色';
export const SIZE = '尺码';

/** A blank SKU row. */
export function emptySku(): SkuDraft {
  return { code: '', color: '', size: '', otherAttributes: {}, price: '', cost: '', barcode: '', weight: '', threshold: '' };
}

/** A blank product: one 面料 attribute to fill in and one SKU row. */
export function emptyDraft(): ProductDraft {
  return { title: '', itemCode: '', categoryId: '', description: '', attributes: [['面料', '']], images: [], shippingTemplate: '', showcaseSlot: '', skus: [emptySku()] };
}

/** The form for a product the server sent. */
export function toDraft(p: ProductDetail): ProductDraft {
  return {
    title: p.title,
    itemCode: p.itemCode,
    categoryId: p.categoryId === null ? '' : String(p.categoryId),
    description: p.description,
    attributes: Object.entries(p.attributes),
    images: p.images.map((i) => ({ url: i.url, kind: i.kind, width: i.width === undefined ? '' : String(i.width), watermark: i.watermark === true, ...(i.height === undefined ? {} : { height: i.height }) })),
    shippingTemplate: p.shippingTemplate ?? '',
    showcaseSlot: p.showcaseSlot === null ? '' : String(p.showcaseSlot),
    skus: p.skus.map((s) => {
      const { [COLOR]: color = '', [SIZE]: size = '', ...otherAttributes } = s.attributes;
      return {
        // 0: a SKU still waiting in the changes for review, sent as new on the next save.
        ...(s.id === 0 ? {} : { id: s.id, version: s.version }),
        code: s.code,
        color,
        size,
        otherAttributes,
        price: fenToYuan(s.price),
        cost: fenToYuan(s.cost),
        barcode: s.barcode ?? '',
        weight: s.weightGrams === null ? '' : String(s.weightGrams),
        threshold: s.lowStockThreshold === null ? '' : String(s.lowStockThreshold),
      };
    }),
  };
}

const whole = (text: string): number | null | undefined => (text.trim() === '' ? null : /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined);

/** The SKU body the API takes (`SkuInput`), or the problems of the row. */
export function skuBody(s: SkuDraft, index: number, problems: DraftProblem[]): Record<string, unknown> {
  const at = `/skus/${index}`;
  const price = yuanToFen(s.price);
  const cost = yuanToFen(s.cost);
  const weight = whole(s.weight);
  const threshold = whole(s.threshold);
  if (!s.code.trim()) problems.push({ path: `${at}/code`, message: { 'zh-CN': `第 ${index + 1} 行缺少商家编码`, en: `Row ${index + 1} needs a SKU code` } });
  if (price === undefined) problems.push({ path: `${at}/price`, message: { 'zh-CN': `第 ${index + 1} 行的售价请写成元，例如 129 或 129.90`, en: `Row ${index + 1}: enter the price in yuan, e.g. 129 or 129.90` } });
  if (cost === undefined) problems.push({ path: `${at}/cost`, message: { 'zh-CN': `第 ${index + 1} 行的成本请写成元，例如 45.50`, en: `Row ${index + 1}: enter the cost in yuan, e.g. 45.50` } });
  if (weight === undefined) problems.push({ path: `${at}/weightGrams`, message: { 'zh-CN': `第 ${index + 1} 行的重量请写整数克`, en: `Row ${index + 1}: weight in whole grams` } });
  if (threshold === undefined) problems.push({ path: `${at}/lowStockThreshold`, message: { 'zh-CN': `第 ${index + 1} 行的预警线请写整数件`, en: `Row ${index + 1}: threshold in whole pieces` } });
  const attributes: Record<string, string> = { ...s.otherAttributes };
  if (s.color.trim()) attributes[COLOR] = s.color.trim();
  if (s.size.trim()) attributes[SIZE] = s.size.trim();
  return {
    code: s.code.trim(),
    attributes,
    price: price ?? 0,
    cost: cost ?? 0,
    barcode: s.barcode.trim() || null,
    weightGrams: weight ?? null,
    lowStockThreshold: threshold ?? null,
  };
}

/** The product fields of a POST/PATCH body (without SKUs), or the problems of the form. */
export function productBody(d: ProductDraft, problems: DraftProblem[]): Record<string, unknown> {
  if (!d.title.trim()) problems.push({ path: '/title', message: { 'zh-CN': '请填写商品标题', en: 'Enter a title' } });
  if (!d.itemCode.trim()) problems.push({ path: '/itemCode', message: { 'zh-CN': '请填写货号', en: 'Enter the item code' } });
  const slot = whole(d.showcaseSlot);
  if (slot === undefined) problems.push({ path: '/showcaseSlot', message: { 'zh-CN': '橱窗位请写数字', en: 'The showcase slot is a number' } });
  const images: ProductImage[] = [];
  d.images.forEach((img, i) => {
    if (!img.url.trim()) return;
    const width = whole(img.width);
    if (width === undefined) problems.push({ path: `/images/${i}/width`, message: { 'zh-CN': `第 ${i + 1} 张图的宽度请写整数像素`, en: `Image ${i + 1}: width in whole pixels` } });
    images.push({ url: img.url.trim(), kind: img.kind, ...(typeof width === 'number' ? { width } : {}), ...(img.height === undefined ? {} : { height: img.height }), ...(img.watermark ? { watermark: true } : {}) });
  });
  const attributes = Object.fromEntries(d.attributes.map(([k, v]) => [k.trim(), v.trim()] as const).filter(([k, v]) => k && v));
  return {
    title: d.title.trim(),
    itemCode: d.itemCode.trim(),
    categoryId: d.categoryId ? Number(d.categoryId) : null,
    description: d.description,
    images,
    attributes,
    shippingTemplate: d.shippingTemplate.trim() || null,
    showcaseSlot: slot ?? null,
  };
}

/**
 * The `skus` of a product save (`PATCH /products/:id`): rows to add, rows to change (with the
 * version read), ids to delete. The server applies them with the product's fields in one
 * transaction, so a refused row leaves the whole product as it was.
 */
export interface SkuChanges {
  create: Record<string, unknown>[];
  update: ({ id: number } & Record<string, unknown>)[];
  remove: number[];
}

/** The SKU changes of a save, and the form row behind each create and update entry. */
export interface SkuSave {
  changes: SkuChanges;
  /** `rows.update[1]` is the form row sent as `update[1]`: refusals name entries, the table marks rows. */
  rows: { create: number[]; update: number[] };
}

/** Compares the rows with the SKUs the server sent, so only real changes are written. */
export function skuChanges(rows: SkuDraft[], original: Sku[], problems: DraftProblem[]): SkuSave {
  const save: SkuSave = { changes: { create: [], update: [], remove: [] }, rows: { create: [], update: [] } };
  const kept = new Set<number>();
  rows.forEach((row, i) => {
    const body = skuBody(row, i, problems);
    if (row.id === undefined) {
      save.changes.create.push(body);
      save.rows.create.push(i);
      return;
    }
    kept.add(row.id);
    const before = original.find((s) => s.id === row.id);
    const same = before && JSON.stringify(sameShape(before)) === JSON.stringify(body);
    if (same) return;
    save.changes.update.push({ id: row.id, ...body, version: row.version });
    save.rows.update.push(i);
  });
  for (const s of original) if (!kept.has(s.id)) save.changes.remove.push(s.id);
  return save;
}

/**
 * The form's path for a field the server refused: `/skus/update/1/code` and `/skus/create/0/code`
 * become the `/skus/<row>/code` the SKU table marks. Other paths are the form's already.
 */
export function formPath(path: string, rows: SkuSave['rows']): string {
  const match = /^\/skus\/(create|update)\/(\d+)(\/.*)?$/.exec(path);
  if (!match) return path;
  const row = rows[match[1] as 'create' | 'update'][Number(match[2])];
  return row === undefined ? path : `/skus/${row}${match[3] ?? ''}`;
}

/** The form row a refusal at `path` points at, if any. */
export function problemRow(path: string): number | undefined {
  const match = /^\/skus\/(\d+)(\/|$)/.exec(path);
  return match ? Number(match[1]) : undefined;
}

function sameShape(s: Sku): Record<string, unknown> {
  const { [COLOR]: color, [SIZE]: size, ...rest } = s.attributes;
  const attributes: Record<string, string> = { ...rest };
  if (color) attributes[COLOR] = color;
  if (size) attributes[SIZE] = size;
  return { code: s.code, attributes, price: s.price, cost: s.cost, barcode: s.barcode, weightGrams: s.weightGrams, lowStockThreshold: s.lowStockThreshold };
}
