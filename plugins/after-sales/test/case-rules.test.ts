import { expect, test } from 'vitest';
import { moveProblem, nextStates, stateOfPlatformRefund } from '../shared/case-states.js';
import { splitReturnShipping } from '../server/responsibility.js';

const RULES = { return: 'customer', exchange: 'half', shopMistake: 'shop' } as const;

test('the moves depend on the kind; a finished case moves no more', () => {
  expect(nextStates('refund-only', 'wait-seller-agree')).toEqual(['refunded', 'refused', 'closed']);
  expect(nextStates('reship', 'wait-seller-agree')).toEqual(['exchange-pending', 'refused', 'closed']);
  expect(moveProblem('exchange', 'wait-seller-confirm', 'refunded')).toMatchObject({ kind: 'illegal', allowed: ['exchange-pending', 'refused', 'closed'] });
  expect(moveProblem('return-refund', 'sent', 'closed')).toEqual({ kind: 'final', from: 'sent' });
});

test('Taobao refund texts, codes or sentences, with odd spacing', () => {
  expect(stateOfPlatformRefund(' wait_seller_agree ')).toBe('wait-seller-agree');
  expect(stateOfPlatformRefund('卖家已经同意退款，等待买家退货')).toBe('wait-buyer-return');
  expect(stateOfPlatformRefund('买家已经退货,等待卖家确认收货')).toBe('wait-seller-confirm');
  expect(stateOfPlatformRefund('没有申请退款')).toBeUndefined();
  expect(stateOfPlatformRefund('')).toBeUndefined();
  expect(stateOfPlatformRefund('退款成功')).toBe('refunded');
  expect(stateOfPlatformRefund('某种新状态')).toBe('wait-seller-agree');
});

test('the return shipping split, settings-driven', () => {
  expect(splitReturnShipping('return-refund', 'customer', 1200, RULES)).toMatchObject({ shopFen: 0, customerFen: 1200 });
  expect(splitReturnShipping('exchange', 'customer', 1001, RULES)).toMatchObject({ shopFen: 500, customerFen: 501 });
  expect(splitReturnShipping('exchange', 'shop', 1000, RULES)).toMatchObject({ shopFen: 1000, customerFen: 0 });
  expect(splitReturnShipping('return-refund', 'customer', 1000, { ...RULES, return: 'half' })).toMatchObject({ shopFen: 500 });
  expect(splitReturnShipping('return-refund', 'courier', 800, RULES)).toMatchObject({ otherFen: 800, explanation: { 'zh-CN': '退货运费 8.00 元：责任在快递，向快递追偿 8.00 元' } });
});
