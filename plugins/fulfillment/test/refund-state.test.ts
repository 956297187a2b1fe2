// The refund state of a line from Taobao's 退款状态, as sentences or codes, however they are spaced
// and punctuated; and what the lines' refunds mean for the order's platform state.
import { describe, expect, test } from 'vitest';
import { orderRefundOf, platformStatusWithRefunds, refundStateOf } from '../shared/refund-state.js';

describe('refundStateOf', () => {
  test.each([
    ['', 'none'],
    [null, 'none'],
    ['  ', 'none'],
    ['-', 'none'],
    ['没有申请退款', 'none'],
    ['NO_REFUND', 'none'],
    ['买家已经申请退款，等待卖家同意', 'in-progress'],
    ['买家已经申请退款,等待卖家同意', 'in-progress'],
    [' 买家已经申请退款 ， 等待卖家同意 ', 'in-progress'],
    ['卖家已经同意退款，等待买家退货', 'in-progress'],
    ['买家已经退货，等待卖家确认收货', 'in-progress'],
    ['退款中', 'in-progress'],
    ['WAIT_SELLER_AGREE', 'in-progress'],
    ['wait_seller_agree', 'in-progress'],
    ['WAIT SELLER AGREE', 'in-progress'],
    ['WAIT-BUYER-RETURN-GOODS', 'in-progress'],
    ['WAIT_SELLER_CONFIRM_GOODS ', 'in-progress'],
    ['SELLER_REFUSE_BUYER', 'refused'],
    ['卖家拒绝退款', 'refused'],
    ['CLOSED', 'closed'],
    ['closed', 'closed'],
    ['退款关闭', 'closed'],
    ['买家撤销退款申请', 'closed'],
    ['SUCCESS', 'succeeded'],
    ['ＳＵＣＣＥＳＳ', 'succeeded'],
    ['退款成功', 'succeeded'],
    ['退款成功。', 'succeeded'],
    ['something new from Taobao', 'in-progress'],
  ])('%j is %s', (text, state) => {
    expect(refundStateOf(text)).toBe(state);
  });
});

describe('the order from its lines', () => {
  test('one line open makes the order refunding; every line refunded closes it; one of three refunded is a partial refund', () => {
    expect(orderRefundOf(['none', 'in-progress', 'succeeded'])).toBe('in-progress');
    expect(orderRefundOf(['succeeded', 'succeeded'])).toBe('all-refunded');
    expect(orderRefundOf(['none', 'succeeded', 'refused'])).toBe('some-refunded');
    expect(orderRefundOf(['refused', 'closed'])).toBe('none');
    expect(orderRefundOf([])).toBe('none');
  });

  test('a paid order follows its lines; a shipped one keeps the report’s state; 退款中 without line states stays refunding', () => {
    expect(platformStatusWithRefunds('paid', ['none', 'in-progress'])).toBe('refunding');
    expect(platformStatusWithRefunds('paid', ['succeeded'])).toBe('closed');
    expect(platformStatusWithRefunds('paid', ['succeeded', 'none'])).toBe('paid');
    expect(platformStatusWithRefunds('refunding', ['refused'])).toBe('paid');
    expect(platformStatusWithRefunds('refunding', ['none'])).toBe('refunding');
    expect(platformStatusWithRefunds('shipped', ['in-progress'])).toBe('shipped');
    expect(platformStatusWithRefunds('unpaid', [])).toBe('unpaid');
  });
});
