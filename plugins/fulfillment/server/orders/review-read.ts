import type { Locale, PluginContext, Queryable } from '@workbench/plugin-api';
import type { ExceptionCode } from '../../shared/state-names.js';
import { fulfillmentSettings } from '../settings.js';
import { CatalogToken } from '../tokens.js';
import type { StockParts } from '../shared/stock-parts.js';
import { orderStore } from './order-store.js';
import { factsOf, loadBatchFacts } from './review-facts.js';
import { blocking, reviewFindings, type RuleId } from './review-rules.js';

export interface ReviewAnswer {
  /** Every rule passes: the automatic review would approve it. */
  passes: boolean;
  /** A person may approve it by hand (only the message and merge rules fail, or none). */
  approvable: boolean;
  findings: { rule: RuleId; ok: boolean; code?: ExceptionCode; message: string }[];
}

export async function readReview(q: Queryable, parts: StockParts, id: number, locale: Locale): Promise<ReviewAnswer> {
  const { ctx, stock } = parts;
  const row = await orderStore(q).requireRow(id);
  const findings = reviewFindings(fulfillmentSettings(ctx), factsOf(await loadBatchFacts(q, stock, ctx.services.get(CatalogToken), [row]), row));
  const lang = locale === 'en' ? 'en' : 'zh-CN';
  return {
    passes: findings.every((f) => f.ok),
    approvable: blocking(findings, 'person').length === 0,
    findings: findings.map((f) => ({ rule: f.rule, ok: f.ok, ...(f.code ? { code: f.code } : {}), message: f.message[lang] })),
  };
}
