import { ConflictError, type JsonSchema, type PluginContext, type SqlValue } from '@workbench/plugin-api';
import { type CampaignListQuery, campaignStore } from './campaign-store.js';
import { assertStatus, PREPARING } from './campaign-status.js';
import { assertWindowOrder, refreshPricingStatus, setCoupons, setProducts } from './campaign-writes.js';
import { CAMPAIGN_SCHEMAS } from './campaign-schemas.js';
import { def, ID_PARAMS, nullable, ref } from '../shared/schema-refs.js';
import type { Campaign } from './campaign-types.js';
import { listQuery } from '../shared/list-query.js';

const PERMISSION = 'listings.campaigns.run';
const name: JsonSchema = { type: 'string', minLength: 1, maxLength: 60, pattern: '\\S' };
const kind: JsonSchema = { type: 'string', maxLength: 30 };
const idList: JsonSchema = { type: 'array', items: def('id'), maxItems: 500 };

interface CreateBody {
  name: string;
  kind?: string;
  startsAt: string;
  endsAt: string;
  productIds?: number[];
  couponIds?: number[];
  forecastSales?: number | null;
  samePeriodSales?: number | null;
  cost?: number | null;
}

type PatchBody = Partial<CreateBody> & { version: number };

/** Fields that fix what the campaign sells and when: frozen once it is scheduled. */
const PLAN_FIELDS = ['startsAt', 'endsAt', 'productIds', 'couponIds'] as const;

/** Campaign records: list, create, read, change, delete a draft. */
export function addCampaignRoutes(ctx: PluginContext): void {
  ctx.routes.add<Record<string, string>, CampaignListQuery>({
    method: 'get',
    path: '/campaigns',
    permission: PERMISSION,
    summary: { 'zh-CN': '活动列表', en: 'Campaigns' },
    query: listQuery({ status: { type: 'string', enum: ['draft', 'prices-set', 'checked', 'scheduled', 'running', 'ended', 'closed'] } }),
    response: ref(CAMPAIGN_SCHEMAS.page),
    handler: ({ query }) => ctx.db.read((q) => campaignStore(q).list(query)),
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, CreateBody, Campaign>({
    method: 'post',
    path: '/campaigns',
    permission: PERMISSION,
    summary: { 'zh-CN': '新建活动', en: 'Create a campaign' },
    body: {
      type: 'object',
      properties: {
        name, kind, startsAt: def('timestamp'), endsAt: def('timestamp'), productIds: idList, couponIds: idList,
        forecastSales: nullable(def('price')), samePeriodSales: nullable(def('price')), cost: nullable(def('price')),
      },
      required: ['name', 'startsAt', 'endsAt'],
      additionalProperties: false,
    },
    response: ref(CAMPAIGN_SCHEMAS.campaign),
    status: 201,
    action: 'create campaign',
    handler: ({ body, actor }) => {
      assertWindowOrder(body.startsAt, body.endsAt);
      return ctx.db.transaction(async (tx) => {
        const now = ctx.now();
        const { lastId } = await tx.run(
          `INSERT INTO listings_campaigns (name, kind, starts_at, ends_at, forecast_sales, same_period_sales, cost, created_at, updated_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [body.name.trim(), body.kind?.trim() ?? '', ctx.shopTime(body.startsAt), ctx.shopTime(body.endsAt),
            body.forecastSales ?? null, body.samePeriodSales ?? null, body.cost ?? null, now, now, actor!.id],
        );
        await setProducts(tx, lastId, body.productIds ?? []);
        await setCoupons(tx, lastId, body.couponIds ?? []);
        return campaignStore(tx).require(lastId);
      });
    },
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, Campaign>({
    method: 'get',
    path: '/campaigns/:id',
    permission: PERMISSION,
    summary: { 'zh-CN': '一个活动（商品、优惠券、活动价与核对情况）', en: 'One campaign (products, coupons, prices and their check)' },
    params: ID_PARAMS,
    response: ref(CAMPAIGN_SCHEMAS.campaign),
    handler: ({ params }) => ctx.db.read((q) => campaignStore(q).require(params.id)),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, PatchBody, Campaign>({
    method: 'patch',
    path: '/campaigns/:id',
    permission: PERMISSION,
    summary: { 'zh-CN': '修改活动（须带上读到的版本号）', en: 'Change a campaign (send the version you read)' },
    description: {
      'zh-CN': '排期之后只能改名称、类型、预估销售额、同期销售额和费用；时间、商品和优惠券要先取消排期。',
      en: 'Once scheduled, only the name, kind and the sales and cost figures change; unschedule to change the window, products or coupons.',
    },
    params: ID_PARAMS,
    body: {
      type: 'object',
      properties: {
        name, kind, startsAt: def('timestamp'), endsAt: def('timestamp'), productIds: idList, couponIds: idList,
        forecastSales: nullable(def('price')), samePeriodSales: nullable(def('price')), cost: nullable(def('price')), version: def('version'),
      },
      required: ['version'],
      additionalProperties: false,
    },
    response: ref(CAMPAIGN_SCHEMAS.campaign),
    action: 'update campaign',
    handler: ({ params, body }) =>
      ctx.db.transaction(async (tx) => {
        const campaign = await campaignStore(tx).require(params.id);
        assertStatus(campaign, ['draft', 'prices-set', 'checked', 'scheduled', 'running', 'ended'], { 'zh-CN': '再修改', en: 'change any more' });
        const planChanged = PLAN_FIELDS.filter((f) => body[f] !== undefined);
        if (!PREPARING.includes(campaign.status) && planChanged.length > 0) {
          throw new ConflictError(
            { 'zh-CN': '活动已经排期，不能再改时间、商品或优惠券；请先取消排期', en: 'The campaign is scheduled; unschedule it before changing its window, products or coupons' },
            { errors: planChanged.map((f) => ({ path: `/${f}`, in: 'body', message: campaign.status })) },
          );
        }
        assertWindowOrder(body.startsAt ?? campaign.startsAt, body.endsAt ?? campaign.endsAt);
        const changes: Record<string, SqlValue> = { updated_at: ctx.now() };
        if (body.name !== undefined) changes.name = body.name.trim();
        if (body.kind !== undefined) changes.kind = body.kind.trim();
        if (body.startsAt !== undefined) changes.starts_at = ctx.shopTime(body.startsAt);
        if (body.endsAt !== undefined) changes.ends_at = ctx.shopTime(body.endsAt);
        if (body.forecastSales !== undefined) changes.forecast_sales = body.forecastSales;
        if (body.samePeriodSales !== undefined) changes.same_period_sales = body.samePeriodSales;
        if (body.cost !== undefined) changes.cost = body.cost;
        await tx.updateVersioned('listings_campaigns', { id: params.id, version: body.version }, changes);
        if (body.productIds) await setProducts(tx, params.id, body.productIds);
        if (body.couponIds) await setCoupons(tx, params.id, body.couponIds);
        await refreshPricingStatus(tx, params.id);
        return campaignStore(tx).require(params.id);
      }),
  });

  ctx.routes.add<{ id: number }>({
    method: 'delete',
    path: '/campaigns/:id',
    permission: PERMISSION,
    summary: { 'zh-CN': '删除还没排期的活动', en: 'Delete a campaign that is not scheduled yet' },
    params: ID_PARAMS,
    status: 204,
    action: 'delete campaign',
    handler: ({ params }) =>
      ctx.db.transaction(async (tx) => {
        const campaign = await campaignStore(tx).require(params.id);
        assertStatus(campaign, PREPARING, { 'zh-CN': '删除', en: 'be deleted' });
        // Promotions made for it stay, unattached, for the promotions area to end or reuse.
        await tx.run('UPDATE listings_promotions SET campaign_id = NULL WHERE campaign_id = ?', [params.id]);
        await tx.run('DELETE FROM listings_campaigns WHERE id = ?', [params.id]);
        return undefined;
      }),
  });
}
