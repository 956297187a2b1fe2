import type { Bilingual } from '../text.js';

/** One step of the approval chain in the settings: orders of at least `fromAmount` 分 need `role`. */
export interface ApprovalRule {
  fromAmount: number;
  role: string;
}

/** A step an order needs, and why (its amount, or the supplier's points). */
export interface ApprovalStep {
  role: string;
  because: 'amount' | 'supplier';
  fromAmount: number;
}

/** A signature already on the order. */
export interface Signature {
  step: number;
  by: number;
}

/** Who is signing: the roles come from the actor. */
export interface Approver {
  id: number;
  roles: readonly string[];
}

const ROLE_NAMES: Record<string, Bilingual> = {
  owner: { 'zh-CN': '店长', en: 'owner' },
  operations: { 'zh-CN': '运营', en: 'operations' },
  'customer-service': { 'zh-CN': '客服', en: 'customer service' },
  warehouse: { 'zh-CN': '仓管', en: 'warehouse' },
  purchasing: { 'zh-CN': '采购', en: 'purchasing' },
  finance: { 'zh-CN': '财务', en: 'finance' },
};

export const roleName = (role: string): Bilingual => ROLE_NAMES[role] ?? { 'zh-CN': role, en: role };

/**
 * The steps an order of `total` 分 needs, lowest threshold first: every rule it reaches, and the
 * owner at the end when the supplier's points call for it (unless the owner signs anyway).
 */
export function approvalSteps(total: number, rules: readonly ApprovalRule[], supplierNeedsOwner: boolean): ApprovalStep[] {
  const steps: ApprovalStep[] = [...rules]
    .filter((r) => total >= r.fromAmount)
    .sort((a, b) => a.fromAmount - b.fromAmount)
    .map((r) => ({ role: r.role, because: 'amount', fromAmount: r.fromAmount }));
  if (supplierNeedsOwner && !steps.some((s) => s.role === 'owner')) steps.push({ role: 'owner', because: 'supplier', fromAmount: 0 });
  return steps;
}

export type ApprovalOutcome = { step: number; last: boolean } | { problem: Bilingual };

/**
 * Which step `who` signs now, or why not. Steps are signed in order; the author never signs their
 * own order, and one person signs one step, so an order over a threshold has two pairs of eyes.
 * The owner may sign any step.
 */
export function nextSignature(steps: readonly ApprovalStep[], signed: readonly Signature[], who: Approver, authorId: number): ApprovalOutcome {
  if (who.id === authorId) return { problem: { 'zh-CN': '采购单不能由下单人自己审批，请另一位同事审批', en: 'An order is never approved by the person who wrote it; ask a colleague' } };
  if (signed.some((s) => s.by === who.id)) return { problem: { 'zh-CN': '你已经审批过这张单的一级，下一级要由另一位同事审批', en: 'You have signed one step of this order already; the next step needs someone else' } };
  const step = signed.length;
  const next = steps[step];
  if (!next) return { problem: { 'zh-CN': '这张单的审批已经齐了', en: 'This order has every approval it needs' } };
  if (!who.roles.includes(next.role) && !who.roles.includes('owner')) {
    const name = roleName(next.role);
    const why: Bilingual =
      next.because === 'supplier'
        ? { 'zh-CN': '供应商扣分已到 50 分，新订单要店长审批', en: "the supplier's points reached 50, so new orders need the owner" }
        : { 'zh-CN': `金额满 ${(next.fromAmount / 100).toFixed(2)} 元`, en: `the amount is ¥${(next.fromAmount / 100).toFixed(2)} or more` };
    return { problem: { 'zh-CN': `这一级要由「${name['zh-CN']}」审批（${why['zh-CN']}）`, en: `This step is signed by ${name.en} (${why.en})` } };
  }
  return { step, last: step === steps.length - 1 };
}
