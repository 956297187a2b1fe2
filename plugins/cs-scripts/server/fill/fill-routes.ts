import { ID_PARAMS, NotFoundError, type Actor, type PluginContext } from '@workbench/plugin-api';
import { fillParts } from '../../shared/fill-phrase.js';
import type { FilledPhrase } from '../../shared/phrase-types.js';
import { parsePhrase, sourcesOf } from '../../shared/placeholders.js';
import { draftError, unknownMessage } from '../phrases/phrase-rules.js';
import { phraseStore } from '../phrases/phrase-store.js';
import { fillValues, type FillRequest } from './fill-context.js';

const CONTEXT = {
  orderNo: { type: 'string', maxLength: 40 },
  buyer: { type: 'string', maxLength: 60 },
  skuCode: { type: 'string', maxLength: 60 },
};

const FILLED = {
  type: 'object',
  properties: {
    text: { type: 'string' },
    missing: {
      type: 'array',
      items: { type: 'object', properties: { name: { type: 'string' }, reason: { type: 'object', properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } }, required: ['zh-CN', 'en'] } }, required: ['name', 'reason'] },
    },
  },
  required: ['text', 'missing'],
};

/** Fills a phrase's text for an agent; an unknown placeholder is the same 400 as at save time. */
export async function fillText(ctx: PluginContext, actor: Actor, text: string, request: FillRequest): Promise<FilledPhrase> {
  const parsed = parsePhrase(text);
  if (!parsed.ok) throw draftError({ field: '/text', message: unknownMessage(parsed.unknown), unknown: parsed.unknown });
  return fillParts(parsed.parts, await fillValues(ctx, actor, request, sourcesOf(parsed.parts)));
}

export function addFillRoutes(ctx: PluginContext): void {
  ctx.routes.add<{ id: number }, Record<string, unknown>, FillRequest & { copied?: boolean }, FilledPhrase>({
    method: 'post',
    path: '/phrases/:id/fill',
    permission: 'cs-scripts.phrases.use',
    summary: { 'zh-CN': '按订单、买家、商品填好一条短语（copied 为真时记一次使用）', en: 'Fill a phrase from an order, buyer and item (copied: true counts a use)' },
    params: ID_PARAMS,
    body: { type: 'object', properties: { ...CONTEXT, copied: { type: 'boolean' } }, additionalProperties: false },
    response: FILLED,
    handler: async ({ params, body, actor }) => {
      const phrase = await ctx.db.read((q) => phraseStore(q).phrase(params.id, actor!.id));
      if (!phrase || (phrase.ownerId !== null && phrase.ownerId !== actor!.id)) throw new NotFoundError({ 'zh-CN': `没有编号为 ${params.id} 的短语`, en: `There is no phrase ${params.id}` });
      const filled = await fillText(ctx, actor!, phrase.text, body);
      if (body.copied) await ctx.db.transaction((tx) => phraseStore(tx).countUse(phrase.id, ctx.now()));
      return filled;
    },
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, FillRequest & { text: string }, FilledPhrase>({
    method: 'post',
    path: '/phrases/preview',
    permission: 'cs-scripts.phrases.use',
    summary: { 'zh-CN': '预览：把还没保存的短语按订单填好（编辑器边写边看）', en: 'Preview: fill an unsaved phrase from an order (the editor, as one types)' },
    body: { type: 'object', properties: { ...CONTEXT, text: { type: 'string', maxLength: 4000 } }, required: ['text'], additionalProperties: false },
    response: FILLED,
    handler: ({ body, actor }) => fillText(ctx, actor!, body.text, body),
  });
}
