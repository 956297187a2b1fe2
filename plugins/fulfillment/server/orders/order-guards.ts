import { ConflictError } from '@workbench/plugin-api';
import { ORDER_STATUS_NAMES } from '../../shared/state-names.js';
import type { OrderRow } from './order-record.js';

/** From 已拣货 on, the goods are off the shelves: the order's contents and receiver are fixed. */
const FIXED = new Set(['picked', 'verified', 'shipped', 'closed']);

/**
 * Refuses a change to an order the warehouse has taken (制单已读取): picked or later, or in a wave
 * being picked. The buyer's extra goods then go as a new order with its own shipping.
 */
export function requireEditable(row: OrderRow): void {
  if (FIXED.has(row.status)) {
    throw new ConflictError({
      'zh-CN': `订单 ${row.order_no} 已是「${ORDER_STATUS_NAMES[row.status]['zh-CN']}」，不能再改；买家要加货请另开一单`,
      en: `Order ${row.order_no} is "${ORDER_STATUS_NAMES[row.status].en}" and can no longer change; enter extra goods as a new order`,
    });
  }
  requireOutOfWave(row);
}

/** An approved order in a wave is on a pick list: the wave is cancelled before the order changes. */
export function requireOutOfWave(row: OrderRow): void {
  if (row.status === 'approved' && row.wave_id !== null) {
    throw new ConflictError({
      'zh-CN': `订单 ${row.order_no} 正在波次里拣货，请先取消该波次再修改`,
      en: `Order ${row.order_no} is being picked in a wave; cancel the wave before changing it`,
    });
  }
}
