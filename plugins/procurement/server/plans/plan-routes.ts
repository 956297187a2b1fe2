import { def, ID_PARAMS, InputError, listQuery, nullable, type JsonSchema, type PluginContext } from '@workbench/plugin-api';
import type { PurchasePlan } from '../model.js';
import { itemsOf, pageOf } from '../schemas.js';
import { settingsOf } from '../settings.js';
import { suggestionSteps } from '../../shared/suggestion-steps.js';
import { reorderSuggestions, type Suggestion, type SuggestionRun } from '../suggestions/suggestions.js';
import { CatalogToken } from '../tokens.js';
import { needStore, type Need, type NeedInput } from './need-store.js';
import { planStore, type PlanLineInput } from './plan-store.js';

const TEXT2: JsonSchema = { type: 'object', properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } }, required: ['zh-CN', 'en'] };
const nullableInt = nullable({ type: 'integer' });
const SUGGESTION: JsonSchema = {
  type: 'object',
  properties: {
    skuId: def('id'), skuCode: { type: 'string' }, productId: def('id'), name: { type: 'string' }, shipped: { type: 'integer' }, perDay: { type: 'number' },
    onHand: { type: 'integer' }, reserved: { type: 'integer' }, onOrder: { type: 'integer' }, leadTimeDays: { type: 'integer' }, coverDays: { type: 'integer' },
    target: { type: 'integer' }, position: { type: 'integer' }, need: { type: 'integer' }, minQuantity: { type: 'integer' }, quantity: { type: 'integer' },
    daysLeft: nullableInt, isNew: { type: 'boolean' }, price: nullableInt, amount: nullableInt,
    supplier: nullable({ type: 'object', properties: { id: def('id'), name: { type: 'string' }, standing: { type: 'string' } }, required: ['id', 'name', 'standing'] }),
    steps: { type: 'array', items: TEXT2 },
  },
  required: ['skuId', 'skuCode', 'name', 'shipped', 'perDay', 'onHand', 'reserved', 'onOrder', 'leadTimeDays', 'coverDays', 'target', 'position', 'need', 'minQuantity', 'quantity', 'isNew', 'supplier'],
};
const LINE: JsonSchema = {
  type: 'object',
  properties: {
    id: def('id'), planId: def('id'), skuCode: nullable({ type: 'string' }), description: { type: 'string' }, quantity: { type: 'integer' }, supplierId: nullable(def('id')),
    price: nullableInt, source: { type: 'string', enum: ['suggestion', 'need'] }, needId: nullable(def('id')), explanation: { type: 'array', items: TEXT2 },
  },
  required: ['id', 'planId', 'skuCode', 'description', 'quantity', 'supplierId', 'price', 'source', 'needId', 'explanation'],
};
const PLAN_FIELDS = { id: def('id'), title: { type: 'string' }, note: { type: 'string' }, state: { type: 'string', enum: ['open', 'ordered', 'closed'] }, createdBy: def('id'), createdAt: def('timestamp'), version: def('version') };
const PLAN: JsonSchema = { type: 'object', properties: { ...PLAN_FIELDS, lines: { type: 'array', items: LINE } }, required: [...Object.keys(PLAN_FIELDS), 'lines'] };
const PLAN_SUMMARY: JsonSchema = { type: 'object', properties: { ...PLAN_FIELDS, lineCount: { type: 'integer' }, quantity: { type: 'integer' } }, required: [...Object.keys(PLAN_FIELDS), 'lineCount', 'quantity'] };
const NEED_KINDS = ['restock', 'new-item', 'sample', 'other'];
const NEED: JsonSchema = {
  type: 'object',
  properties: {
    id: def('id'), kind: { type: 'string', enum: NEED_KINDS }, skuCode: nullable({ type: 'string' }), description: { type: 'string' }, quantity: { type: 'integer' }, quality: { type: 'string' },
    reason: { type: 'string' }, state: { type: 'string' }, planId: nullable(def('id')), createdBy: def('id'), createdAt: def('timestamp'),
  },
  required: ['id', 'kind', 'skuCode', 'description', 'quantity', 'quality', 'reason', 'state', 'planId', 'createdBy', 'createdAt'],
};
const NEED_KIND_NAMES: Record<string, { 'zh-CN': string; en: string }> = {
  restock: { 'zh-CN': '补货', en: 'Restock' }, 'new-item': { 'zh-CN': '新品', en: 'New item' }, sample: { 'zh-CN': '样品', en: 'Sample' }, other: { 'zh-CN': '其他', en: 'Other' },
};

/** The answer with every suggestion's lines written out (`steps=true`). */
type StepsRun = Omit<SuggestionRun, 'items'> & { items: (Suggestion & { steps: ReturnType<typeof suggestionSteps> })[] };

interface PlanBody {
  title?: string;
  note?: string;
  /** Chosen suggestions, by 商家编码; worked out again here so the plan keeps the arithmetic as it stood. */
  skuCodes?: string[];
  /** The clerk's own quantity for a chosen suggestion, when it differs. */
  quantities?: Record<string, number>;
  needIds?: number[];
}

export function addPlanRoutes(ctx: PluginContext): void {
  const settings = settingsOf(ctx);

  ctx.routes.add<Record<string, string>, { all?: boolean; steps?: boolean }, undefined, SuggestionRun | StepsRun>({
    method: 'get',
    path: '/suggestions',
    permission: 'procurement.plans.read',
    summary: { 'zh-CN': '补货建议（每个 SKU 的算式）', en: 'Reorder suggestions, with each SKU\'s arithmetic' },
    description: {
      'zh-CN': '每条建议带算式的各个数；steps=true 时再附上写好的算式（两种语言），供导出用。界面按这些数自己写出算式。',
      en: 'Each suggestion carries the figures of its arithmetic; steps=true adds the lines written out (both languages), for an export. The screen writes the lines from the figures.',
    },
    query: { type: 'object', properties: { all: { type: 'boolean', default: false }, steps: { type: 'boolean', default: false } } },
    response: {
      type: 'object',
      properties: {
        items: { type: 'array', items: SUGGESTION },
        window: { type: 'object', properties: { from: def('timestamp'), to: def('timestamp'), days: { type: 'integer' } } },
        settings: { type: 'object' },
        fulfillment: { type: 'boolean' },
        delisted: { type: 'integer' },
      },
      required: ['items', 'window', 'settings', 'fulfillment', 'delisted'],
    },
    handler: async ({ query }) => {
      const run = await ctx.db.read((q) => reorderSuggestions(ctx, settings().suggestions, { all: query.all ?? false, q }));
      return query.steps ? { ...run, items: run.items.map((s) => ({ ...s, steps: suggestionSteps(s, run.settings) })) } : run;
    },
  });

  ctx.routes.add<Record<string, string>, { page: number; pageSize: number; state?: PurchasePlan['state'] }, undefined, unknown>({
    method: 'get',
    path: '/plans',
    permission: 'procurement.plans.read',
    summary: { 'zh-CN': '采购计划（最新在前）', en: 'Purchase plans, newest first' },
    query: listQuery({ state: { type: 'string', enum: ['open', 'ordered', 'closed'] } }),
    response: pageOf(PLAN_SUMMARY),
    handler: ({ query }) => ctx.db.read((q) => planStore(q).list(query)),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, PurchasePlan>({
    method: 'get',
    path: '/plans/:id',
    permission: 'procurement.plans.read',
    summary: { 'zh-CN': '一个采购计划及其明细', en: 'A purchase plan with its lines' },
    params: ID_PARAMS,
    response: PLAN,
    handler: ({ params }) => ctx.db.read((q) => planStore(q).require(params.id)),
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, PlanBody, PurchasePlan>({
    method: 'post',
    path: '/plans',
    permission: 'procurement.plans.edit',
    summary: { 'zh-CN': '把选中的补货建议和采购需求一步做成采购计划', en: 'Make a purchase plan from chosen suggestions and needs, in one step' },
    body: {
      type: 'object',
      properties: {
        title: { type: 'string', maxLength: 100 },
        note: { type: 'string', maxLength: 2000 },
        skuCodes: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 64 }, maxItems: 5000, uniqueItems: true },
        quantities: { type: 'object', additionalProperties: { type: 'integer', minimum: 1, maximum: 1_000_000 } },
        needIds: { type: 'array', items: def('id'), maxItems: 500, uniqueItems: true },
      },
      additionalProperties: false,
    },
    response: PLAN,
    status: 201,
    action: 'make purchase plan',
    handler: async ({ body, actor }) => {
      const codes = body.skuCodes ?? [];
      if (codes.length === 0 && (body.needIds ?? []).length === 0) {
        throw new InputError({ 'zh-CN': '请至少选一条补货建议或采购需求', en: 'Choose at least one suggestion or purchase need' }, { errors: [{ path: '/skuCodes', in: 'body', message: 'empty' }] });
      }
      const lines: PlanLineInput[] = [];
      if (codes.length > 0) {
        const run = await ctx.db.read((q) => reorderSuggestions(ctx, settings().suggestions, { all: true, q }));
        const byCode = new Map(run.items.map((s) => [s.skuCode, s]));
        const missing = codes.filter((c) => !byCode.has(c));
        if (missing.length > 0) {
          throw new InputError(
            { 'zh-CN': `这些商家编码没有补货建议（不存在、已下架或待完善）：${missing.join('、')}`, en: `No suggestion for these SKU codes (unknown, delisted or incomplete): ${missing.join(', ')}` },
            { errors: [{ path: '/skuCodes', in: 'body', message: missing.join(',') }] },
          );
        }
        for (const code of codes) {
          const s = byCode.get(code)!;
          const own = body.quantities?.[code];
          const quantity = own ?? s.quantity;
          if (quantity < 1) {
            throw new InputError({ 'zh-CN': `${code} 现在不缺货（建议 0 件），要进货请填写数量`, en: `${code} is not short now (suggested 0); give a quantity to buy it anyway` }, { errors: [{ path: `/quantities/${code}`, in: 'body', message: 'required' }] });
          }
          const steps = suggestionSteps(s, run.settings);
          const explanation = own !== undefined && own !== s.quantity ? [...steps, { 'zh-CN': `采购改为 ${own} 件`, en: `Changed by purchasing to ${own}` }] : steps;
          lines.push({ skuCode: code, description: s.name, quantity, supplierId: s.supplier?.id ?? null, price: s.price, source: 'suggestion', needId: null, explanation });
        }
      }
      const title = body.title?.trim() || `采购计划 ${ctx.now().slice(0, 10)}`;
      return ctx.db.transaction(async (tx) => {
        for (const need of await needStore(tx).requireOpen(body.needIds ?? [])) {
          const kind = NEED_KIND_NAMES[need.kind]!;
          lines.push({
            skuCode: need.skuCode, description: need.description, quantity: need.quantity, supplierId: null, price: null, source: 'need', needId: need.id,
            explanation: [
              { 'zh-CN': `${kind['zh-CN']}需求：${need.reason}`, en: `${kind.en} need: ${need.reason}` },
              ...(need.quality ? [{ 'zh-CN': `质量要求：${need.quality}`, en: `Quality: ${need.quality}` }] : []),
            ],
          });
        }
        return planStore(tx).create({ title, note: body.note?.trim() ?? '', lines }, { id: actor!.id, at: ctx.now() });
      });
    },
  });

  ctx.routes.add<Record<string, string>, { state?: Need['state'] }, undefined, { items: Need[] }>({
    method: 'get',
    path: '/needs',
    permission: 'procurement.plans.read',
    summary: { 'zh-CN': '采购需求（最新在前）', en: 'Purchase needs, newest first' },
    query: { type: 'object', properties: { state: { type: 'string', enum: ['open', 'planned', 'dropped'] } } },
    response: itemsOf(NEED),
    handler: ({ query }) => ctx.db.read(async (q) => ({ items: await needStore(q).list(query.state) })),
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, NeedInput, Need>({
    method: 'post',
    path: '/needs',
    permission: 'procurement.plans.edit',
    summary: { 'zh-CN': '登记一条采购需求', en: 'Enter a purchase need' },
    body: {
      type: 'object',
      properties: {
        kind: { type: 'string', enum: NEED_KINDS }, skuCode: nullable({ type: 'string', maxLength: 64 }), description: { type: 'string', maxLength: 200 },
        quantity: { type: 'integer', minimum: 1, maximum: 1_000_000 }, quality: { type: 'string', maxLength: 1000 }, reason: { type: 'string', minLength: 1, maxLength: 1000, pattern: '\\S' },
      },
      required: ['kind', 'quantity', 'reason'],
      additionalProperties: false,
    },
    response: NEED,
    status: 201,
    action: 'enter purchase need',
    handler: async ({ body, actor }) => {
      const code = body.skuCode?.trim() || null;
      if (code && !(await ctx.services.get(CatalogToken).skuByCode(code))) {
        throw new InputError({ 'zh-CN': `商品里没有商家编码“${code}”；新品还没有编码就留空，写上描述`, en: `No SKU has the code "${code}"; for a new item without one, leave it empty and describe it` }, { errors: [{ path: '/skuCode', in: 'body', message: 'unknown' }] });
      }
      if (!code && !body.description?.trim()) {
        throw new InputError({ 'zh-CN': '请填写商家编码，或者描述要买什么', en: 'Give the SKU code, or describe what to buy' }, { errors: [{ path: '/description', in: 'body', message: 'blank' }] });
      }
      return ctx.db.transaction((tx) => needStore(tx).add({ ...body, skuCode: code }, { id: actor!.id, at: ctx.now() }));
    },
  });
}
