import { yuan } from '@workbench/plugin-api';
import type { OrderRow } from './order-record.js';

/** The figures the paid-amount rule compares, all in 分. */
export type PaidFigures = Pick<OrderRow, 'platform_status' | 'total' | 'paid_amount' | 'refund_amount' | 'source'>;

export interface PaidCheck {
  ok: boolean;
  /** Paid minus owed: below 0 the buyer paid too little, above 0 the shop owes a refund. */
  difference: number;
  message: { 'zh-CN': string; en: string };
}

/**
 * 核对实付: what the buyer paid (买家实际支付金额, or for an order entered by hand what the clerk
 * recorded) must equal the order's total after agreed price changes, goods and shipping fee both.
 * A refund settles a difference of exactly its amount, whichever way the report counts it:
 * Taobao's export may show the payment before the refund (paid − refund = total, the price was
 * lowered after payment and the difference refunded) or after it (paid = total − refund, a line
 * refunded that the total still holds). An unpaid order is left to the unpaid rule.
 */
export function checkPaidAmount(order: PaidFigures): PaidCheck | undefined {
  if (order.platform_status === 'unpaid') return undefined;
  const difference = order.paid_amount - order.total;
  const refund = order.refund_amount;
  const paid = yuan(order.paid_amount);
  const total = yuan(order.total);
  if (difference === 0 || (refund > 0 && Math.abs(difference) === refund)) {
    const settled = difference === 0 ? '' : `（差额 ${yuan(Math.abs(difference))} 元已退款）`;
    const settledEn = difference === 0 ? '' : ` (the difference of ${yuan(Math.abs(difference))} yuan was refunded)`;
    return { ok: true, difference, message: { 'zh-CN': `实付 ${paid} 元与应付相符${settled}`, en: `Paid ${paid} yuan as owed${settledEn}` } };
  }
  const paidWhat = order.source === 'manual' ? { zh: '记录的实收', en: 'recorded as paid' } : { zh: '买家实付', en: 'the buyer paid' };
  const refundNote = refund > 0 ? { zh: `，已退款 ${yuan(refund)} 元`, en: `, ${yuan(refund)} yuan refunded` } : { zh: '', en: '' };
  if (difference < 0) {
    return {
      ok: false,
      difference,
      message: {
        'zh-CN': `${paidWhat.zh} ${paid} 元，改价后应付 ${total} 元${refundNote.zh}，少付 ${yuan(-difference)} 元：请和买家确认补款，或核对改价后人工审核`,
        en: `${cap(paidWhat.en)} ${paid} yuan but ${total} yuan is owed after price changes${refundNote.en}: ${yuan(-difference)} yuan short; ask the buyer to pay the difference, or check the price change and approve by hand`,
      },
    };
  }
  return {
    ok: false,
    difference,
    message: {
      'zh-CN': `${paidWhat.zh} ${paid} 元，改价后应付 ${total} 元${refundNote.zh}，多付 ${yuan(difference)} 元：付款后改过价，请先把差额退给买家，再人工审核`,
      en: `${cap(paidWhat.en)} ${paid} yuan but ${total} yuan is owed after price changes${refundNote.en}: ${yuan(difference)} yuan too much; the price changed after payment — refund the difference, then approve by hand`,
    },
  };
}

const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
