import { InputError, NotFoundError, type Queryable } from '@workbench/plugin-api';
import type { OrderRow } from '../orders/order-record.js';

/** The order a label is asked for: `?order=` an id or an order number. */
export async function orderOfRef(q: Queryable, ref: string | undefined): Promise<OrderRow> {
  const text = ref?.trim();
  if (!text) {
    throw new InputError({ 'zh-CN': '请指定要打印面单的订单（?order=）或波次（?wave=）', en: 'Name the order (?order=) or the wave (?wave=) to print labels for' }, { errors: [{ path: '/order', in: 'query', message: 'order or wave' }] });
  }
  const row = /^\d{1,9}$/.test(text)
    ? await q.get<OrderRow>('SELECT * FROM fulfillment_orders WHERE id = ? OR order_no = ? ORDER BY order_no = ? DESC LIMIT 1', [Number(text), text, text])
    : await q.get<OrderRow>('SELECT * FROM fulfillment_orders WHERE order_no = ?', [text.toUpperCase()]);
  if (!row) throw new NotFoundError({ 'zh-CN': `没有订单 ${text}`, en: `No order ${text}` });
  return row;
}
