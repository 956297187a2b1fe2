// Who answers for a case and who pays the return shipping: pure rules, each result with the
// arithmetic in words, so the case editor and staff-rules show the same reasoning.
import { yuan } from '@workbench/plugin-api';
import type { Bilingual, CaseKind } from '../shared/case-states.js';

export type Party = 'customer' | 'shop' | 'courier' | 'supplier';
export const PARTIES: readonly Party[] = ['customer', 'shop', 'courier', 'supplier'];
export type Mistake = 'cs-remark' | 'label' | 'wrong-pack' | 'defect-missed';
export const MISTAKES: readonly Mistake[] = ['cs-remark', 'label', 'wrong-pack', 'defect-missed'];
export type Payer = 'customer' | 'half' | 'shop';

/** Settings `returnShipping`: who pays for a return, an exchange, and the shop's mistake. */
export interface ShippingRules {
  return: Payer;
  exchange: Payer;
  shopMistake: Payer;
}

export interface ShippingSplit {
  totalFen: number;
  shopFen: number;
  customerFen: number;
  /** Paid by the courier (a claim) or the supplier (charged back): not the shop's nor the buyer's. */
  otherFen: number;
  explanation: Bilingual;
}

const PARTY_NAMES: Record<Party, Bilingual> = {
  customer: { 'zh-CN': '顾客', en: 'the customer' },
  shop: { 'zh-CN': '店铺', en: 'the shop' },
  courier: { 'zh-CN': '快递', en: 'the courier' },
  supplier: { 'zh-CN': '供应商', en: 'the supplier' },
};

/**
 * The return shipping's split. A courier's or supplier's fault is theirs to pay (claimed from
 * them); the shop's mistake follows `shopMistake`; otherwise an exchange follows `exchange` and
 * any other case `return`. Half: the shop takes the smaller half of an odd 分.
 */
export function splitReturnShipping(kind: CaseKind, party: Party, totalFen: number, rules: ShippingRules): ShippingSplit {
  const total = `${yuan(totalFen)} 元`;
  if (party === 'courier' || party === 'supplier') {
    const who = PARTY_NAMES[party];
    return { totalFen, shopFen: 0, customerFen: 0, otherFen: totalFen, explanation: { 'zh-CN': `退货运费 ${total}：责任在${who['zh-CN']}，向${who['zh-CN']}追偿 ${total}`, en: `Return shipping ${total}: ${who.en} is responsible and is claimed ${total}` } };
  }
  const payer = party === 'shop' ? rules.shopMistake : kind === 'exchange' ? rules.exchange : rules.return;
  const why: Bilingual = party === 'shop' ? { 'zh-CN': '店铺失误', en: "the shop's mistake" } : kind === 'exchange' ? { 'zh-CN': '换货', en: 'an exchange' } : { 'zh-CN': '退货', en: 'a return' };
  if (payer === 'half') {
    const shopFen = Math.floor(totalFen / 2);
    const customerFen = totalFen - shopFen;
    return { totalFen, shopFen, customerFen, otherFen: 0, explanation: {
      'zh-CN': `退货运费 ${total}：${why['zh-CN']}，双方各半 —— ${total} ÷ 2，店铺 ${yuan(shopFen)} 元，顾客 ${yuan(customerFen)} 元`,
      en: `Return shipping ${total}: ${why.en}, split in half — ${total} ÷ 2, the shop ${yuan(shopFen)} 元, the customer ${yuan(customerFen)} 元`,
    } };
  }
  const shopFen = payer === 'shop' ? totalFen : 0;
  const who = PARTY_NAMES[payer];
  return { totalFen, shopFen, customerFen: totalFen - shopFen, otherFen: 0, explanation: {
    'zh-CN': `退货运费 ${total}：${why['zh-CN']}，由${who['zh-CN']}全部承担 ${total}`,
    en: `Return shipping ${total}: ${why.en}, ${who.en} pays all ${total}`,
  } };
}

/** The steps fulfillment records, by the mistake that points at them. */
export type StepName = 'pickedBy' | 'verifiedBy' | 'packedBy' | 'shippedBy';
export const STEPS_OF_MISTAKE: Record<Mistake, readonly StepName[] | 'remark'> = {
  // The agent who wrote (or should have written) the remark, by the 工号 at its start.
  'cs-remark': 'remark',
  // The label is printed at the packing station.
  label: ['packedBy'],
  'wrong-pack': ['pickedBy', 'verifiedBy', 'packedBy'],
  'defect-missed': ['verifiedBy', 'packedBy'],
};

export const STEP_NAMES: Record<StepName | 'remark' | 'named', Bilingual> = {
  pickedBy: { 'zh-CN': '拣货', en: 'picker' },
  verifiedBy: { 'zh-CN': '复核', en: 'verifier' },
  packedBy: { 'zh-CN': '打包', en: 'packer' },
  shippedBy: { 'zh-CN': '发货', en: 'shipper' },
  remark: { 'zh-CN': '客服备注', en: 'CS remark' },
  // Named by the clerk deciding, not found in what fulfillment recorded.
  named: { 'zh-CN': '指定', en: 'named' },
};
