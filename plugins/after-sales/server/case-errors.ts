// The refusals a clerk meets, in zh-CN and en, each saying what to do.
import { ConflictError, InputError, NotFoundError, yuan } from '@workbench/plugin-api';
import { KIND_NAMES, STATE_NAMES, type MoveProblem } from '../shared/case-states.js';

export const caseNotFound = (id: number) => new NotFoundError({ 'zh-CN': `没有售后单 AS-${id}`, en: `There is no case AS-${id}` });

export const orderNotFound = (ref: string | number) => new NotFoundError({ 'zh-CN': `找不到订单 ${ref}`, en: `No order ${ref}` });

export const staleCase = (caseNo: string) =>
  new ConflictError({ 'zh-CN': `售后单 ${caseNo} 刚被别人改过，请刷新后再操作`, en: `Case ${caseNo} was just changed by someone else; reload it and try again` });

export function moveRefused(p: MoveProblem, caseNo: string): ConflictError {
  if (p.kind === 'final') {
    const s = STATE_NAMES[p.from];
    return new ConflictError({ 'zh-CN': `售后单 ${caseNo} 已是「${s['zh-CN']}」，已结束，不能再改状态`, en: `Case ${caseNo} is finished (${s.en}); its state can no longer change` });
  }
  const from = STATE_NAMES[p.from];
  const to = STATE_NAMES[p.to];
  const kind = KIND_NAMES[p.caseKind];
  const zh = p.allowed.map((s) => `「${STATE_NAMES[s]['zh-CN']}」`).join('、') || '无';
  const en = p.allowed.map((s) => STATE_NAMES[s].en).join(', ') || 'none';
  return new ConflictError(
    { 'zh-CN': `${kind['zh-CN']}单 ${caseNo} 在「${from['zh-CN']}」时不能改为「${to['zh-CN']}」；可以改为：${zh}`, en: `${kind.en} case ${caseNo} cannot go from "${from.en}" to "${to.en}"; it may go to: ${en}` },
    { errors: [{ path: '/to', in: 'body', message: p.allowed.join(',') }] },
  );
}

export const unknownReason = (reason: string, reasons: string[]) => new InputError(
  { 'zh-CN': `售后原因「${reason}」不在列表里，请从这些里选：${reasons.join('、')}`, en: `The reason "${reason}" is not on the list; choose one of: ${reasons.join(', ')}` },
  { errors: [{ path: '/reason', in: 'body', message: 'not in settings.reasons' }] },
);

export const whichLine = (lines: { id: number; lineKey: string; title: string }[]) => new InputError(
  { 'zh-CN': `这个订单有 ${lines.length} 行，请指明是哪一行（itemId）：${lines.map((l) => `${l.id} ${l.title}`).join('；')}`, en: `The order has ${lines.length} lines; say which one (itemId): ${lines.map((l) => `${l.id} ${l.title}`).join('; ')}` },
  { errors: [{ path: '/itemId', in: 'body', message: 'required' }] },
);

export const lineNotOnOrder = (itemId: number | string, orderNo: string) => new InputError(
  { 'zh-CN': `订单 ${orderNo} 上没有第 ${itemId} 行`, en: `Order ${orderNo} has no line ${itemId}` },
  { errors: [{ path: '/itemId', in: 'body', message: 'not on the order' }] },
);

export const notPaid = (orderNo: string) => new ConflictError({ 'zh-CN': `订单 ${orderNo} 还没付款，没有可退的钱`, en: `Order ${orderNo} is not paid; there is nothing to refund` });

export const tooEarly = (orderNo: string, hours: number, from: string) => new ConflictError({
  'zh-CN': `订单 ${orderNo} 付款还不到 ${hours} 小时，买家要到 ${from.slice(0, 16).replace('T', ' ')} 以后才能申请仅退款`,
  en: `Order ${orderNo} was paid less than ${hours} h ago; the buyer may ask for a refund only from ${from.slice(0, 16).replace('T', ' ')}`,
});

export const alreadyOpen = (caseNo: string, orderNo: string) => new ConflictError({ 'zh-CN': `订单 ${orderNo} 这一行已有未结束的售后单 ${caseNo}，请在那张单上处理`, en: `This line of order ${orderNo} already has an open case, ${caseNo}; work on that one` });

export const finishedCase = (caseNo: string) => new ConflictError({ 'zh-CN': `售后单 ${caseNo} 已结束，不能再改`, en: `Case ${caseNo} is finished and can no longer change` });

export const emptyRefund = () => new InputError(
  { 'zh-CN': '请填写退款金额：货款、运费或补偿至少一项大于 0', en: 'Enter an amount: goods, shipping or compensation, at least one above 0' },
  { errors: [{ path: '/goods', in: 'body', message: '> 0' }] },
);

export function overRefund(what: 'goods' | 'shipping', paid: number, already: number, asked: number): ConflictError {
  const left = Math.max(0, paid - already);
  const zhWhat = what === 'goods' ? '货款超过该行实付' : '运费超过订单实付运费';
  const enWhat = what === 'goods' ? 'The goods refund exceeds what was paid for the line' : 'The shipping refund exceeds the shipping paid';
  return new ConflictError(
    { 'zh-CN': `${zhWhat}：实付 ${yuan(paid)} 元，已退 ${yuan(already)} 元，本次 ${yuan(asked)} 元，最多还能退 ${yuan(left)} 元`, en: `${enWhat}: paid ${yuan(paid)} 元, refunded ${yuan(already)} 元, now ${yuan(asked)} 元; at most ${yuan(left)} 元 is left` },
    { errors: [{ path: `/${what}`, in: 'body', message: `≤ ${left}` }] },
  );
}

export const mistakeRequired = () => new InputError(
  { 'zh-CN': '店铺失误时请选择失误类型（客服备注、面单、发错货、漏检次品）', en: "For the shop's mistake, choose which (CS remark, label, wrong pack, defect missed)" },
  { errors: [{ path: '/mistake', in: 'body', message: 'required when party is shop' }] },
);
