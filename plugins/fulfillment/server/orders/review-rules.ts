import type { ExceptionCode } from '../../shared/state-names.js';
import { unmappedText } from '../mapping/platform-item.js';
import { chooseCourier } from '../shipping/courier-rules.js';
import { checkPaidAmount } from './paid-amount.js';
import type { FulfillmentSettings } from '../settings.js';
import type { OrderException } from '../types.js';
import type { ReviewItem, ReviewRow } from './review-rows.js';

/** A message in both languages of the workbench. */
export interface Text {
  'zh-CN': string;
  en: string;
}

export type RuleId = 'known-skus' | 'platform-state' | 'unpaid' | 'paid-amount' | 'complete-address' | 'needs-person' | 'stock' | 'courier-reach' | 'possible-merge';

export interface Finding {
  rule: RuleId;
  ok: boolean;
  code?: ExceptionCode;
  message: Text;
}

/** What the rules look at, loaded once per order (or per batch, see review-facts.ts). */
export interface ReviewFacts {
  order: ReviewRow;
  items: ReviewItem[];
  hasRemarks: boolean;
  /** Pieces this order may take per SKU id: sellable stock plus what it already holds reserved. */
  free: Map<number, number>;
  /** Order numbers of other orders to the same buyer and address, not yet picked. */
  mergeWith: string[];
  /** listings' SKUs by 商家编码, for the order's lines; a stub to complete counts as unknown. */
  catalog: ReadonlyMap<string, { id: number; needsCompleting: boolean }>;
}

/**
 * A person approving by hand has read the message, decided about merging and settled a payment
 * difference with the buyer (a refund or an extra payment happens outside the workbench), so
 * these rules only stop the automatic review and batch approval; every other rule binds people too.
 */
export const PERSON_MAY_OVERRULE: ReadonlySet<RuleId> = new Set(['needs-person', 'possible-merge', 'paid-amount']);

const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/;
// A street-level part after the province: 路, 街, 道, 巷, 号, 村 … as Chinese addresses write it.
const STREET = /(路|街|道|巷|弄|胡同|号|村|组|镇|乡|大厦|小区|花园|苑|广场|园区)/u;
const PROVINCE = /^(?:中国\s*)?(北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门)/u;

export const validPhone = (phone: string) => {
  const p = phone.replace(/[\s()（）]/gu, '');
  return MOBILE.test(p) || LANDLINE.test(p);
};

export const completeAddress = (address: string) => {
  const text = address.trim();
  const province = PROVINCE.exec(text);
  return province !== null && STREET.test(text.slice(province[0].length));
};

const pass = (rule: RuleId, message: Text): Finding => ({ rule, ok: true, message });
const fail = (rule: RuleId, code: ExceptionCode, message: Text): Finding => ({ rule, ok: false, code, message });
const off = (rule: RuleId): Finding => pass(rule, { 'zh-CN': '此规则已在设置里关闭', en: 'This rule is switched off in the settings' });

function knownSkus(f: ReviewFacts): Finding {
  if (f.items.length === 0) {
    return fail('known-skus', 'unknown-sku', { 'zh-CN': '订单没有商品明细：请补录宝贝报表或手工添加商品', en: 'The order has no items: import its item report or add the items by hand' });
  }
  // A line without any code waits for a platform item mapping: a clerk says once which SKU it is.
  const unmapped = f.items.filter((i) => i.sku_code === '');
  if (unmapped.length) {
    return fail('known-skus', 'unmapped-item', unmappedText(unmapped));
  }
  const unknown = f.items
    .filter((i) => {
      const sku = f.catalog.get(i.sku_code);
      return i.sku_id === null || !sku || sku.id !== i.sku_id || sku.needsCompleting;
    })
    .map((i) => i.sku_code || i.title || i.line_key);
  if (unknown.length) {
    return fail('known-skus', 'unknown-sku', {
      'zh-CN': `商家编码 ${unknown.join('、')} 对不上商品资料（或只是待补全的占位）：请在商品资料里补全这个 SKU，或改订单的商品`,
      en: `SKU code ${unknown.join(', ')} does not match the catalog (or is a stub to complete): complete the SKU in listings, or change the order's items`,
    });
  }
  return pass('known-skus', { 'zh-CN': '商品都能对上商品资料', en: 'Every item matches the catalog' });
}

function platformState(f: ReviewFacts): Finding {
  if (f.order.platform_status === 'closed') {
    return fail('platform-state', 'platform-closed', { 'zh-CN': '淘宝上这笔交易已关闭，不要发货；请关闭订单', en: 'The trade is closed on Taobao; do not ship — close the order' });
  }
  if (f.order.platform_status === 'refunding' || f.items.some((i) => i.refund_state === 'in-progress')) {
    return fail('platform-state', 'refunding', { 'zh-CN': '买家正在申请退款，请先处理退款再决定是否发货', en: 'The buyer asked for a refund; settle it before deciding to ship' });
  }
  if (f.order.status === 'exception' && (JSON.parse(f.order.exceptions) as OrderException[]).some((e) => e.code === 'awaiting-refund')) {
    return fail('platform-state', 'awaiting-refund', {
      'zh-CN': '订单标了「待退款」，在等淘宝退款：买家改主意要发货时，先退回待审核',
      en: 'The order is marked awaiting a refund on Taobao; if the buyer wants it shipped after all, send it back to review first',
    });
  }
  return pass('platform-state', { 'zh-CN': '淘宝上的交易状态可以发货', en: 'The trade on Taobao can ship' });
}

function unpaid(s: FulfillmentSettings, f: ReviewFacts): Finding {
  if (!s.review.blockUnpaid) return off('unpaid');
  if (f.order.platform_status === 'unpaid') {
    return fail('unpaid', 'unpaid', { 'zh-CN': '买家还没付款，不能审核通过；等付款后再审，或关闭订单', en: 'The buyer has not paid; it cannot be approved — wait for payment or close the order' });
  }
  return pass('unpaid', { 'zh-CN': '已付款', en: 'Paid' });
}

function paidAmount(s: FulfillmentSettings, f: ReviewFacts): Finding {
  if (!s.review.checkPaidAmount) return off('paid-amount');
  const check = checkPaidAmount(f.order);
  if (!check) return pass('paid-amount', { 'zh-CN': '未付款，付款后再核对金额', en: 'Not paid yet; the amount is checked once paid' });
  return check.ok ? pass('paid-amount', check.message) : fail('paid-amount', 'payment-mismatch', check.message);
}

function address(s: FulfillmentSettings, f: ReviewFacts): Finding {
  if (!s.review.requireCompleteAddress) return off('complete-address');
  const missing: Text[] = [];
  if (!f.order.receiver_name.trim()) missing.push({ 'zh-CN': '收件人姓名', en: "the receiver's name" });
  if (!validPhone(f.order.receiver_phone)) missing.push({ 'zh-CN': '11 位手机号或带区号的固话', en: 'an 11-digit mobile or a landline with area code' });
  if (!completeAddress(f.order.receiver_address)) missing.push({ 'zh-CN': '含省份和街道门牌的地址', en: 'an address with province and street' });
  if (missing.length) {
    return fail('complete-address', 'incomplete-address', {
      'zh-CN': `收件信息不全：缺${missing.map((m) => m['zh-CN']).join('、')}；请联系买家补全后修改订单`,
      en: `Receiver details incomplete: missing ${missing.map((m) => m.en).join(', ')}; ask the buyer and edit the order`,
    });
  }
  return pass('complete-address', { 'zh-CN': '收件人、电话、地址齐全', en: 'Receiver, phone and address complete' });
}

function needsPerson(s: FulfillmentSettings, f: ReviewFacts): Finding {
  if (!s.review.messageNeedsPerson) return off('needs-person');
  const what: Text[] = [];
  if (f.order.buyer_message.trim()) what.push({ 'zh-CN': '买家留言', en: 'a buyer message' });
  if (f.order.seller_remark.trim() || f.hasRemarks) what.push({ 'zh-CN': '卖家备注', en: 'a seller remark' });
  if (what.length) {
    return fail('needs-person', 'needs-person', {
      'zh-CN': `订单有${what.map((w) => w['zh-CN']).join('和')}，需要人工看过再审核`,
      en: `The order has ${what.map((w) => w.en).join(' and ')}; a person must read it and approve by hand`,
    });
  }
  return pass('needs-person', { 'zh-CN': '没有留言或备注', en: 'No message or remark' });
}

function stock(s: FulfillmentSettings, f: ReviewFacts): Finding {
  if (!s.review.requireStock) return off('stock');
  const need = new Map<number, { code: string; qty: number }>();
  for (const i of f.items) {
    if (i.sku_id === null) continue;
    const line = need.get(i.sku_id) ?? { code: i.sku_code, qty: 0 };
    line.qty += i.quantity;
    need.set(i.sku_id, line);
  }
  const short = [...need].flatMap(([skuId, l]) => {
    const free = Math.max(0, f.free.get(skuId) ?? 0);
    return free < l.qty ? [{ ...l, free }] : [];
  });
  if (short.length) {
    return fail('stock', 'out-of-stock', {
      'zh-CN': `库存不够：${short.map((l) => `${l.code} 要 ${l.qty} 件，可用 ${l.free} 件`).join('；')}。请入库或补货后再审`,
      en: `Not enough stock: ${short.map((l) => `${l.code} needs ${l.qty}, ${l.free} available`).join('; ')}. Receive or replenish, then review again`,
    });
  }
  return pass('stock', { 'zh-CN': '库存足够', en: 'Enough stock' });
}

function courierReach(s: FulfillmentSettings, f: ReviewFacts): Finding {
  if (!s.review.requireCourierReach) return off('courier-reach');
  const o = f.order;
  const choice = chooseCourier(s, { receiverRegion: o.receiver_region, buyerMessage: o.buyer_message, sellerRemark: o.seller_remark, shippingMethod: o.shipping_method, courierRequested: o.courier_requested });
  if (choice.rule === 'none') {
    return fail('courier-reach', 'courier-unreachable', {
      'zh-CN': `${choice.reason['zh-CN']}：请在设置里加一家能送到的快递，或和买家商量`,
      en: `${choice.reason.en}: add a courier that reaches it in the settings, or talk to the buyer`,
    });
  }
  return pass('courier-reach', choice.reason);
}

function merge(s: FulfillmentSettings, f: ReviewFacts): Finding {
  if (!s.review.detectMerge) return off('possible-merge');
  if (f.mergeWith.length) {
    return fail('possible-merge', 'possible-merge', {
      'zh-CN': `同一买家同一地址还有订单 ${f.mergeWith.join('、')} 没拣货，可以合并发货；请人工决定`,
      en: `Order ${f.mergeWith.join(', ')} goes to the same buyer and address and is not picked yet; a person decides whether to merge`,
    });
  }
  return pass('possible-merge', { 'zh-CN': '没有可合并的订单', en: 'No order to merge with' });
}

/** Every review rule on one order, in the order a clerk reads them. */
export function reviewFindings(settings: FulfillmentSettings, facts: ReviewFacts): Finding[] {
  return [knownSkus(facts), platformState(facts), unpaid(settings, facts), paidAmount(settings, facts), address(settings, facts), needsPerson(settings, facts), stock(settings, facts), courierReach(settings, facts), merge(settings, facts)];
}

/** The findings that stop an approval: by hand, the ones a person may overrule do not. */
export function blocking(findings: Finding[], by: 'auto' | 'person'): Finding[] {
  return findings.filter((f) => !f.ok && (by === 'auto' || !PERSON_MAY_OVERRULE.has(f.rule)));
}
