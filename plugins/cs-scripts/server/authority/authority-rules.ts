import type { CsSettings } from '../settings.js';

type Bilingual = { 'zh-CN': string; en: string };

const ROLE_NAMES: Record<string, Bilingual> = {
  owner: { 'zh-CN': '店长', en: 'owner' },
  operations: { 'zh-CN': '运营', en: 'operations' },
  'customer-service': { 'zh-CN': '客服', en: 'customer service' },
  warehouse: { 'zh-CN': '仓管', en: 'warehouse' },
  purchasing: { 'zh-CN': '采购', en: 'purchasing' },
  finance: { 'zh-CN': '财务', en: 'finance' },
};
const roleName = (role: string): Bilingual => ROLE_NAMES[role] ?? { 'zh-CN': role, en: role };

/** The lowest price a person may quote, in % of the price: their own line, else their best role, else the default. */
export function authorityPercent(authority: CsSettings['authority'], person: { username: string; roles: string[] }): number {
  const own = authority.byAgent.find((a) => a.username === person.username);
  if (own) return own.percent;
  const byRole = authority.byRole.filter((r) => person.roles.includes(r.role)).map((r) => r.percent);
  return byRole.length > 0 ? Math.min(...byRole) : authority.defaultPercent;
}

/** The lowest price in 分 at `percent` of `listPrice`, rounded up so the limit is never undercut. */
export const lowestPrice = (listPrice: number, percent: number) => Math.ceil((listPrice * percent) / 100);

export type QuoteDecision =
  | { kind: 'ok'; percent: number; lowest: number }
  | { kind: 'below'; percent: number; lowest: number; approvers: Bilingual[] }
  | { kind: 'supervisor'; percent: number; lowest: number; supervisor: Bilingual };

const yuan = (fen: number) => (fen / 100).toFixed(2).replace(/\.00$/u, '');

/**
 * Whether `price` may be quoted against `listPrice` by this person: below their authority it is
 * refused, naming the roles and people whose authority covers it; an order of the large-order amount
 * or more goes to the supervisor, whatever the price.
 */
export function decideQuote(authority: CsSettings['authority'], person: { username: string; roles: string[] }, quote: { listPrice: number; price: number; orderAmount?: number }): QuoteDecision {
  const percent = authorityPercent(authority, person);
  const lowest = lowestPrice(quote.listPrice, percent);
  const supervisor = person.roles.includes(authority.supervisorRole);
  if (!supervisor && quote.orderAmount !== undefined && quote.orderAmount >= authority.supervisorFromFen) {
    return { kind: 'supervisor', percent, lowest, supervisor: roleName(authority.supervisorRole) };
  }
  if (quote.price >= lowest) return { kind: 'ok', percent, lowest };
  const covers = (p: number) => lowestPrice(quote.listPrice, p) <= quote.price;
  const roles = authority.byRole.filter((r) => covers(r.percent)).map((r) => roleName(r.role));
  const people = authority.byAgent.filter((a) => covers(a.percent)).map((a) => ({ 'zh-CN': a.username, en: a.username }));
  const approvers = [...roles, ...people];
  return { kind: 'below', percent, lowest, approvers: approvers.length > 0 ? approvers : [roleName('owner')] };
}

/** The decision in words, for the refusal. */
export function decisionText(d: Exclude<QuoteDecision, { kind: 'ok' }>, quote: { price: number; orderAmount?: number }, supervisorFromFen: number): Bilingual {
  if (d.kind === 'supervisor') {
    return {
      'zh-CN': `这单 ${yuan(quote.orderAmount ?? 0)} 元，达到大单金额 ${yuan(supervisorFromFen)} 元，请交给${d.supervisor['zh-CN']}处理`,
      en: `This order is ${yuan(quote.orderAmount ?? 0)} 元, at or above the large-order amount of ${yuan(supervisorFromFen)} 元: hand it to the ${d.supervisor.en}`,
    };
  }
  const zh = d.approvers.map((a) => a['zh-CN']).join('、');
  const en = d.approvers.map((a) => a.en).join(', ');
  return {
    'zh-CN': `${yuan(quote.price)} 元低于你的折扣权限（${d.percent} 折，最低 ${yuan(d.lowest)} 元），需要${zh}批准`,
    en: `${yuan(quote.price)} 元 is below your discount authority (${d.percent}%, at least ${yuan(d.lowest)} 元); ${en} may approve it`,
  };
}
