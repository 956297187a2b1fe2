import { expect, test } from 'vitest';
import { poMoveProblem, type PoMove, type PoStatus } from '../server/orders/po-states.js';

const STATES: PoStatus[] = ['draft', 'approved', 'sent', 'partly-received', 'received', 'closed', 'cancelled'];
const MOVES: PoMove[] = ['edit', 'approve', 'send', 'receive', 'close', 'cancel'];

test('the allowed moves, and nothing else, from every state', () => {
  const allowed = Object.fromEntries(STATES.map((s) => [s, MOVES.filter((m) => poMoveProblem(s, m) === undefined)]));
  expect(allowed).toEqual({
    draft: ['edit', 'approve', 'cancel'],
    approved: ['send', 'cancel'],
    sent: ['receive', 'cancel'],
    'partly-received': ['receive', 'close'],
    received: ['close'],
    closed: [],
    cancelled: [],
  });
});

test('a refused move says where the order stands and what comes next, in both languages', () => {
  expect(poMoveProblem('partly-received', 'cancel')).toEqual({
    'zh-CN': '采购单现在是「部分到货」，不能取消：可以继续收货，或结案（短缺会记入供应商考核）',
    en: 'The purchase order is partly received, so it cannot cancel: receive the rest, or close it (the shortfall is scored)',
  });
  expect(poMoveProblem('draft', 'send')?.['zh-CN']).toBe('采购单现在是「草稿」，不能发给供应商：草稿要先审批');
});
