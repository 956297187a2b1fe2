// Promotions CRUD: list, create (one rule schema per kind), read, change, end.
import { ConflictError, InputError, isWorkbenchError, type Locale, type PluginContext } from '@workbench/plugin-api';
import type { Promotion, PromotionRule, PromotionScope } from '../types.js';
import { checkCampaign, checkRule, checkScope, checkWindow } from './promotion-checks.js';
import { type PromotionListQuery, promotionStore } from './promotion-store.js';
import { PROMOTION_SCHEMAS, RULE_KINDS, promotionCreateBody, type RuleKind } from './schemas.js';
import { def, ID_PARAMS, ref } from '../shared/schema-refs.js';
import { listingsSettings } from '../settings.js';
import { listQuery } from '../shared/list-query.js';

const PERMISSION = 'listings.promotions.manage';
const PROMOTION = ref(PROMOTION_SCHEMAS.promotion);

interface CreateBody {
  name: string;
  kind: RuleKind;
  rule: PromotionRule;
  scope?: PromotionScope;
  startsAt: string;
  endsAt: string;
  campaignId?: number | null;
}

interface PatchBody {
  version: number;
  name?: string;
  rule?: unknown;
  scope?: PromotionScope;
  startsAt?: string;
  endsAt?: string;
  status?: 'active' | 'suspended';
  suspendedReason?: string | null;
  campaignId?: number | null;
}

const ended = () => new ConflictError({ 'zh-CN': '促销已经结束，不能再修改或结束', en: 'The promotion has ended; it can no longer change' });

/** Adds the promotion routes. */
export function addPromotionRoutes(ctx: PluginContext): void {
  /** A rule sent to PATCH is checked against the schema of the promotion's own kind. */
  const validateRule = (kind: RuleKind, rule: unknown, locale: Locale): PromotionRule => {
    try {
      return ctx.schemas.validate<PromotionRule>(PROMOTION_SCHEMAS.ruleOf(kind), rule, locale);
    } catch (error) {
      if (!isWorkbenchError(error)) throw error;
      // Point the failing fields at /rule/... in the body the client sent.
      throw new InputError(error.text, { errors: error.errors.map((e) => ({ ...e, path: `/rule${e.path === '/' ? '' : e.path}`, in: 'body' })), cause: error });
    }
  };

  ctx.routes.add<Record<string, string>, PromotionListQuery>({
    method: 'get',
    path: '/promotions',
    permission: PERMISSION,
    summary: { 'zh-CN': '促销列表', en: 'Promotions' },
    query: listQuery({
      status: { type: 'string', enum: ['active', 'suspended', 'ended'] },
      kind: { type: 'string', enum: RULE_KINDS },
      campaignId: { type: 'integer', minimum: 1 },
    }),
    response: { allOf: [def('page')], properties: { items: { type: 'array', items: PROMOTION } } },
    handler: ({ query }) => ctx.db.read((q) => promotionStore(q).list(query)),
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, CreateBody, Promotion>({
    method: 'post',
    path: '/promotions',
    permission: PERMISSION,
    summary: { 'zh-CN': '新建促销（满减、满就送、店内折扣、会员折扣、套餐）', en: 'Create a promotion' },
    body: promotionCreateBody(),
    response: PROMOTION,
    status: 201,
    action: 'create promotion',
    handler: ({ body, actor }) => {
      const name = body.name.trim();
      if (name === '') throw new InputError({ 'zh-CN': '请填写促销名称', en: 'Enter a name for the promotion' }, { errors: [{ path: '/name', in: 'body', message: '不能为空' }] });
      checkWindow(body.startsAt, body.endsAt);
      return ctx.db.transaction(async (tx) => {
        const rule = await checkRule(tx, body.rule, listingsSettings(ctx).promotions.bundleMaxItems);
        const input = {
          name,
          kind: body.kind,
          rule,
          // A bundle's scope is its SKUs; a scope beside it would only mislead.
          scope: body.kind === 'bundle' ? {} : await checkScope(tx, body.scope ?? {}),
          startsAt: ctx.shopTime(body.startsAt),
          endsAt: ctx.shopTime(body.endsAt),
          campaignId: await checkCampaign(tx, body.campaignId),
        };
        const id = await promotionStore(tx).insert(input, actor?.id ?? null, ctx.now());
        return promotionStore(tx).require(id);
      });
    },
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, Promotion>({
    method: 'get',
    path: '/promotions/:id',
    permission: PERMISSION,
    summary: { 'zh-CN': '一个促销', en: 'One promotion' },
    params: ID_PARAMS,
    response: PROMOTION,
    handler: ({ params }) => ctx.db.read((q) => promotionStore(q).require(params.id)),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, PatchBody, Promotion>({
    method: 'patch',
    path: '/promotions/:id',
    permission: PERMISSION,
    summary: { 'zh-CN': '修改促销（暂停、恢复、改规则；须带上读到的版本号）', en: 'Change a promotion (suspend, resume, edit; send the version you read)' },
    params: ID_PARAMS,
    body: {
      type: 'object',
      properties: {
        version: def('version'),
        name: { type: 'string', minLength: 1, maxLength: 60 },
        rule: { type: 'object' },
        scope: ref(PROMOTION_SCHEMAS.scope),
        startsAt: def('timestamp'),
        endsAt: def('timestamp'),
        status: { enum: ['active', 'suspended'] },
        suspendedReason: { anyOf: [{ type: 'string', maxLength: 200 }, { type: 'null' }] },
        campaignId: { anyOf: [def('id'), { type: 'null' }] },
      },
      required: ['version'],
      additionalProperties: false,
    },
    response: PROMOTION,
    action: 'update promotion',
    handler: ({ params, body, locale }) =>
      ctx.db.transaction(async (tx) => {
        const current = await promotionStore(tx).require(params.id);
        if (current.status === 'ended') throw ended();
        const changes: Record<string, string | number | null> = {};
        if (body.name !== undefined) {
          if (body.name.trim() === '') throw new InputError({ 'zh-CN': '请填写促销名称', en: 'Enter a name for the promotion' }, { errors: [{ path: '/name', in: 'body', message: '不能为空' }] });
          changes.name = body.name.trim();
        }
        if (body.rule !== undefined) {
          const rule = validateRule(current.kind, body.rule, locale);
          changes.rule = JSON.stringify(await checkRule(tx, rule, listingsSettings(ctx).promotions.bundleMaxItems));
        }
        if (body.scope !== undefined && current.kind !== 'bundle') changes.scope = JSON.stringify(await checkScope(tx, body.scope));
        const startsAt = body.startsAt ?? current.startsAt;
        const endsAt = body.endsAt ?? current.endsAt;
        if (body.startsAt !== undefined || body.endsAt !== undefined) {
          checkWindow(startsAt, endsAt);
          changes.starts_at = ctx.shopTime(startsAt);
          changes.ends_at = ctx.shopTime(endsAt);
        }
        if (body.status === 'active') {
          changes.status = 'active';
          changes.suspended_reason = null;
        } else if (body.status === 'suspended') {
          changes.status = 'suspended';
          changes.suspended_reason = body.suspendedReason?.trim() || '手动暂停';
        }
        if (body.campaignId !== undefined) changes.campaign_id = await checkCampaign(tx, body.campaignId);
        changes.updated_at = ctx.now();
        await tx.updateVersioned('listings_promotions', { id: params.id, version: body.version }, changes);
        return promotionStore(tx).require(params.id);
      }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { version: number }, Promotion>({
    method: 'post',
    path: '/promotions/:id/end',
    permission: PERMISSION,
    summary: { 'zh-CN': '结束促销（之后不再生效，也不能恢复）', en: 'End a promotion (for good)' },
    params: ID_PARAMS,
    body: { type: 'object', properties: { version: def('version') }, required: ['version'], additionalProperties: false },
    response: PROMOTION,
    action: 'end promotion',
    handler: ({ params, body }) =>
      ctx.db.transaction(async (tx) => {
        const current = await promotionStore(tx).require(params.id);
        if (current.status === 'ended') throw ended();
        await tx.updateVersioned('listings_promotions', { id: params.id, version: body.version }, { status: 'ended', updated_at: ctx.now() });
        return promotionStore(tx).require(params.id);
      }),
  });
}
