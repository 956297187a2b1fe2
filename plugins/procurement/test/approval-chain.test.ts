import { expect, test } from 'vitest';
import { approvalSteps, nextSignature, type ApprovalRule } from '../server/orders/approval-chain.js';

const RULES: ApprovalRule[] = [
  { fromAmount: 1_000_000, role: 'owner' },
  { fromAmount: 0, role: 'purchasing' },
  { fromAmount: 300_000, role: 'finance' },
];

test('an order needs every step its amount reaches, lowest first; the threshold itself counts', () => {
  expect(approvalSteps(299_999, RULES, false).map((s) => s.role)).toEqual(['purchasing']);
  expect(approvalSteps(300_000, RULES, false).map((s) => s.role)).toEqual(['purchasing', 'finance']);
  expect(approvalSteps(1_200_000, RULES, false).map((s) => s.role)).toEqual(['purchasing', 'finance', 'owner']);
});

test("a supplier at 50 points adds the owner, once", () => {
  expect(approvalSteps(1000, RULES, true)).toEqual([
    { role: 'purchasing', because: 'amount', fromAmount: 0 },
    { role: 'owner', because: 'supplier', fromAmount: 0 },
  ]);
  expect(approvalSteps(1_000_000, RULES, true).map((s) => s.role)).toEqual(['purchasing', 'finance', 'owner']);
  expect(approvalSteps(5, [], false)).toEqual([]);
});

test('never by the author, one step per person, in order, by the step role or the owner', () => {
  const steps = approvalSteps(500_000, RULES, false);
  const author = 7;
  expect(nextSignature(steps, [], { id: author, roles: ['owner'] }, author)).toMatchObject({ problem: { en: expect.stringContaining('never approved by the person who wrote it') } });
  expect(nextSignature(steps, [], { id: 8, roles: ['finance'] }, author)).toEqual({ problem: { 'zh-CN': '这一级要由「采购」审批（金额满 0.00 元）', en: 'This step is signed by purchasing (the amount is ¥0.00 or more)' } });
  expect(nextSignature(steps, [], { id: 9, roles: ['purchasing'] }, author)).toEqual({ step: 0, last: false });
  expect(nextSignature(steps, [{ step: 0, by: 9 }], { id: 9, roles: ['purchasing', 'finance'] }, author)).toMatchObject({ problem: { 'zh-CN': expect.stringContaining('另一位同事') } });
  expect(nextSignature(steps, [{ step: 0, by: 9 }], { id: 10, roles: ['warehouse'] }, author)).toMatchObject({ problem: { 'zh-CN': '这一级要由「财务」审批（金额满 3000.00 元）' } });
  expect(nextSignature(steps, [{ step: 0, by: 9 }], { id: 1, roles: ['owner'] }, author)).toEqual({ step: 1, last: true });
  expect(nextSignature(steps, [{ step: 0, by: 9 }, { step: 1, by: 1 }], { id: 2, roles: ['owner'] }, author)).toMatchObject({ problem: { en: 'This order has every approval it needs' } });
});

test("the owner step for a supplier's points says so", () => {
  const steps = approvalSteps(100, [{ fromAmount: 0, role: 'purchasing' }], true);
  expect(nextSignature(steps, [{ step: 0, by: 3 }], { id: 4, roles: ['finance'] }, 2)).toMatchObject({ problem: { 'zh-CN': '这一级要由「店长」审批（供应商扣分已到 50 分，新订单要店长审批）' } });
});
