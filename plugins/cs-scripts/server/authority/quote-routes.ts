import { ForbiddenError, InputError, type PluginContext } from '@workbench/plugin-api';
import { csSettings } from '../settings.js';
import { CatalogToken } from '../tokens.js';
import { decideQuote, decisionText } from './authority-rules.js';

type QuoteBody = { skuCode?: string; listPrice?: number; price: number; orderAmount?: number };
type QuoteAnswer = { allowed: true; percent: number; lowest: number; listPrice: number };

export function addQuoteRoutes(ctx: PluginContext): void {
  ctx.routes.add<Record<string, string>, Record<string, unknown>, QuoteBody, QuoteAnswer>({
    method: 'post',
    path: '/quotes/check',
    permission: 'cs-scripts.quotes.check',
    summary: { 'zh-CN': '报价前查折扣权限：低于权限或大单时拒绝，并说明找谁批准', en: 'Check a quote against the discount authority: refused below it or for a large order, naming who approves' },
    body: {
      type: 'object',
      properties: {
        skuCode: { type: 'string', maxLength: 60 },
        listPrice: { type: 'integer', minimum: 1, maximum: 100_000_000 },
        price: { type: 'integer', minimum: 0, maximum: 100_000_000 },
        orderAmount: { type: 'integer', minimum: 0, maximum: 1_000_000_000 },
      },
      required: ['price'],
      additionalProperties: false,
    },
    response: {
      type: 'object',
      properties: { allowed: { const: true }, percent: { type: 'integer' }, lowest: { type: 'integer' }, listPrice: { type: 'integer' } },
      required: ['allowed', 'percent', 'lowest', 'listPrice'],
    },
    handler: async ({ body, actor }) => {
      let listPrice = body.listPrice;
      if (body.skuCode?.trim()) {
        const catalog = ctx.services.optional(CatalogToken);
        const sku = catalog && (await catalog.skuByCode(body.skuCode.trim()));
        if (!sku) throw new InputError(catalog ? { 'zh-CN': `没有商家编码 ${body.skuCode.trim()}`, en: `No SKU ${body.skuCode.trim()}` } : { 'zh-CN': '商品与价格插件没开，请直接填原价', en: 'listings is off: give the list price' }, { errors: [{ path: '/skuCode', in: 'body', message: 'unknown' }] });
        listPrice = sku.price;
      }
      if (listPrice === undefined) throw new InputError({ 'zh-CN': '请给出商家编码或原价', en: 'Give a SKU code or the list price' }, { errors: [{ path: '/listPrice', in: 'body', message: 'required' }] });
      const { authority } = csSettings(ctx);
      const decision = decideQuote(authority, actor!, { listPrice, price: body.price, orderAmount: body.orderAmount });
      if (decision.kind !== 'ok') {
        throw new ForbiddenError(decisionText(decision, body, authority.supervisorFromFen), {
          details: { reason: decision.kind, percent: decision.percent, lowest: decision.lowest, ...(decision.kind === 'below' ? { approvers: decision.approvers } : { supervisor: decision.supervisor }) },
        });
      }
      return { allowed: true, percent: decision.percent, lowest: decision.lowest, listPrice };
    },
  });
}
