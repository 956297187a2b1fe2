import { NotFoundError, type Queryable } from '@workbench/plugin-api';
import type { Product, ProductImage, Sku } from '../types.js';

/** A product with its SKUs, as the product editor and the API show it. */
export interface ProductDetail extends Product {
  skus: Sku[];
}

export interface ProductRow {
  id: number;
  title: string;
  item_code: string;
  category_id: number | null;
  description: string;
  images: string;
  attributes: string;
  shipping_template: string | null;
  showcase_slot: number | null;
  status: Product['status'];
  commission_percent: number | null;
  scheduled_list_at: string | null;
  scheduled_delist_at: string | null;
  submitted_by: number | null;
  submitted_at: string | null;
  submit_reason: string | null;
  reviewed_by: number | null;
  reviewed_at: string | null;
  review_note: string | null;
  listed_at: string | null;
  delisted_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SkuRow {
  id: number;
  product_id: number | null;
  code: string;
  attributes: string;
  price: number;
  cost: number;
  barcode: string | null;
  weight_grams: number | null;
  low_stock_threshold: number | null;
  needs_completing: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export function productFromRow(row: ProductRow): Product {
  return {
    id: row.id,
    title: row.title,
    itemCode: row.item_code,
    categoryId: row.category_id,
    description: row.description,
    images: JSON.parse(row.images) as ProductImage[],
    attributes: JSON.parse(row.attributes) as Record<string, string>,
    shippingTemplate: row.shipping_template,
    showcaseSlot: row.showcase_slot,
    status: row.status,
    commissionPercent: row.commission_percent,
    scheduledListAt: row.scheduled_list_at,
    scheduledDelistAt: row.scheduled_delist_at,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at,
    submitReason: row.submit_reason,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
    reviewNote: row.review_note,
    listedAt: row.listed_at,
    delistedAt: row.delisted_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function skuFromRow(row: SkuRow): Sku {
  return {
    id: row.id,
    productId: row.product_id,
    code: row.code,
    attributes: JSON.parse(row.attributes) as Record<string, string>,
    price: row.price,
    cost: row.cost,
    barcode: row.barcode,
    weightGrams: row.weight_grams,
    lowStockThreshold: row.low_stock_threshold,
    needsCompleting: row.needs_completing === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Reads of products and their SKUs over `listings_products` and `listings_skus`; writes live in product-write and sku-write. */
export interface ProductStore {
  get(id: number): Promise<Product | undefined>;
  /** The product, or a 404 a clerk understands. */
  require(id: number): Promise<Product>;
  /** The product with its SKUs, or a 404. */
  requireDetail(id: number): Promise<ProductDetail>;
  /** The product's SKUs in the order they were added. */
  skus(productId: number): Promise<Sku[]>;
  sku(id: number): Promise<Sku | undefined>;
}

/** The product store over a transaction or any other Queryable. */
export function productStore(q: Queryable): ProductStore {
  return new DbProductStore(q);
}

class DbProductStore implements ProductStore {
  constructor(private readonly q: Queryable) {}

  async get(id: number): Promise<Product | undefined> {
    const row = await this.q.get<ProductRow>('SELECT * FROM listings_products WHERE id = ?', [id]);
    return row && productFromRow(row);
  }

  async require(id: number): Promise<Product> {
    const product = await this.get(id);
    if (!product) throw new NotFoundError({ 'zh-CN': `没有找到商品 #${id}，可能已被删除`, en: `Product #${id} was not found; it may have been deleted` });
    return product;
  }

  async requireDetail(id: number): Promise<ProductDetail> {
    const product = await this.require(id);
    return { ...product, skus: await this.skus(id) };
  }

  async skus(productId: number): Promise<Sku[]> {
    const rows = await this.q.all<SkuRow>('SELECT * FROM listings_skus WHERE product_id = ? ORDER BY id', [productId]);
    return rows.map(skuFromRow);
  }

  async sku(id: number): Promise<Sku | undefined> {
    const row = await this.q.get<SkuRow>('SELECT * FROM listings_skus WHERE id = ?', [id]);
    return row && skuFromRow(row);
  }
}
