import { NotFoundError, type Queryable } from '@workbench/plugin-api';
import type { Campaign, CampaignPrice, CampaignStatus } from './campaign-types.js';
import { likePattern } from '../catalog/product-list.js';

export interface CampaignRow {
  id: number;
  name: string;
  kind: string;
  starts_at: string;
  ends_at: string;
  /** When it actually ended; null before it did (or if it ended before this was kept). */
  ended_at: string | null;
  status: CampaignStatus;
  forecast_sales: number | null;
  same_period_sales: number | null;
  cost: number | null;
  report: string | null;
  closed_at: string | null;
  closed_by: number | null;
  version: number;
  created_at: string;
  updated_at: string;
  created_by: number | null;
}

/** A SKU of one of the campaign's products, with what the price check and reports need. */
export interface CampaignSku {
  skuId: number;
  productId: number;
  productTitle: string;
  categoryId: number | null;
  code: string;
  price: number;
  cost: number;
}

interface PriceRow {
  sku_id: number;
  product_id: number;
  code: string;
  regular_price: number;
  sku_cost: number;
  price: number;
  set_by: number;
  set_at: string;
  confirmed_by: number | null;
  confirmed_at: string | null;
}

const SORTABLE: Record<string, string> = { id: 'id', name: 'name', startsAt: 'starts_at', endsAt: 'ends_at', status: 'status', createdAt: 'created_at' };

export interface CampaignListQuery {
  page: number;
  pageSize: number;
  sort?: string;
  q?: string;
  status?: CampaignStatus;
}


/** Reads of 活动 over `listings_campaigns` with their products, prices and coupons; campaign-writes and the lifecycle routes write them. */
export interface CampaignStore {
  /** The SKUs of these products, product by product in the order they were added. */
  skus(productIds: readonly number[]): Promise<CampaignSku[]>;
  /** Ids of the campaign's products, ascending. */
  productIds(campaignId: number): Promise<number[]>;
  /** Ids of the coupons the campaign uses, ascending. */
  couponIds(campaignId: number): Promise<number[]>;
  /** The campaign prices with each SKU's everyday price and cost, product by product. */
  prices(campaignId: number): Promise<CampaignPrice[]>;
  /** The bare row, for code that needs the stored report or only the state. */
  row(id: number): Promise<CampaignRow | undefined>;
  /** The campaign with its products, coupons, promotions and prices, or a 404 a clerk understands. */
  require(id: number): Promise<Campaign>;
  /** One page of campaigns, newest start first unless `sort` says otherwise. */
  list(query: CampaignListQuery): Promise<{ items: Campaign[]; total: number; page: number; pageSize: number }>;
}

/** The campaign store over a transaction or any other Queryable. */
export function campaignStore(q: Queryable): CampaignStore {
  return new DbCampaignStore(q);
}

class DbCampaignStore implements CampaignStore {
  constructor(private readonly q: Queryable) {}

  async skus(productIds: readonly number[]): Promise<CampaignSku[]> {
    if (productIds.length === 0) return [];
    const marks = productIds.map(() => '?').join(', ');
    return this.q.all<CampaignSku>(
      `SELECT s.id AS skuId, s.product_id AS productId, p.title AS productTitle, p.category_id AS categoryId,
              s.code, s.price, s.cost
         FROM listings_skus s JOIN listings_products p ON p.id = s.product_id
        WHERE s.product_id IN (${marks}) ORDER BY s.product_id, s.id`,
      [...productIds],
    );
  }

  async productIds(campaignId: number): Promise<number[]> {
    const rows = await this.q.all<{ product_id: number }>('SELECT product_id FROM listings_campaign_products WHERE campaign_id = ? ORDER BY product_id', [campaignId]);
    return rows.map((r) => r.product_id);
  }

  async couponIds(campaignId: number): Promise<number[]> {
    const rows = await this.q.all<{ coupon_id: number }>('SELECT coupon_id FROM listings_campaign_coupons WHERE campaign_id = ? ORDER BY coupon_id', [campaignId]);
    return rows.map((r) => r.coupon_id);
  }

  async prices(campaignId: number): Promise<CampaignPrice[]> {
    const rows = await this.q.all<PriceRow>(
      `SELECT cp.sku_id, s.product_id, s.code, s.price AS regular_price, s.cost AS sku_cost, cp.price,
              cp.set_by, cp.set_at, cp.confirmed_by, cp.confirmed_at
         FROM listings_campaign_prices cp JOIN listings_skus s ON s.id = cp.sku_id
        WHERE cp.campaign_id = ? ORDER BY s.product_id, s.id`,
      [campaignId],
    );
    return rows.map((r) => ({
      skuId: r.sku_id,
      productId: r.product_id,
      code: r.code,
      regularPrice: r.regular_price,
      cost: r.sku_cost,
      price: r.price,
      setBy: r.set_by,
      setAt: r.set_at,
      confirmedBy: r.confirmed_by,
      confirmedAt: r.confirmed_at,
    }));
  }

  private async fromRow(row: CampaignRow): Promise<Campaign> {
    const productIds = await this.productIds(row.id);
    const prices = await this.prices(row.id);
    const priced = new Set(prices.map((p) => p.skuId));
    const skus = await this.skus(productIds);
    const promotions = await this.q.all<{ id: number }>('SELECT id FROM listings_promotions WHERE campaign_id = ? ORDER BY id', [row.id]);
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      status: row.status,
      productIds,
      couponIds: await this.couponIds(row.id),
      promotionIds: promotions.map((p) => p.id),
      prices,
      unpricedSkuIds: skus.filter((s) => !priced.has(s.skuId)).map((s) => s.skuId),
      forecastSales: row.forecast_sales,
      samePeriodSales: row.same_period_sales,
      cost: row.cost,
      hasReport: row.report !== null,
      closedAt: row.closed_at,
      closedBy: row.closed_by,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      createdBy: row.created_by,
    };
  }

  async row(id: number): Promise<CampaignRow | undefined> {
    return this.q.get<CampaignRow>('SELECT * FROM listings_campaigns WHERE id = ?', [id]);
  }

  async require(id: number): Promise<Campaign> {
    const row = await this.row(id);
    if (!row) throw new NotFoundError({ 'zh-CN': `没有找到活动 #${id}，可能已被删除`, en: `Campaign #${id} was not found; it may have been deleted` });
    return this.fromRow(row);
  }

  async list(query: CampaignListQuery): Promise<{ items: Campaign[]; total: number; page: number; pageSize: number }> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (query.status) (where.push('status = ?'), params.push(query.status));
    if (query.q) (where.push("(name LIKE ? ESCAPE '\\' OR kind LIKE ? ESCAPE '\\')"), params.push(likePattern(query.q), likePattern(query.q)));
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const desc = query.sort?.startsWith('-') ?? false;
    const column = SORTABLE[query.sort?.replace(/^-/, '') ?? ''];
    const order = column ? `${column} ${desc ? 'DESC' : 'ASC'}, id` : 'starts_at DESC, id DESC';
    const total = (await this.q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM listings_campaigns ${clause}`, params))?.n ?? 0;
    const rows = await this.q.all<CampaignRow>(`SELECT * FROM listings_campaigns ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`, [
      ...params,
      query.pageSize,
      (query.page - 1) * query.pageSize,
    ]);
    const items: Campaign[] = [];
    for (const row of rows) items.push(await this.fromRow(row));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
