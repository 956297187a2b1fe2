import { ConflictError, NotFoundError, type Queryable, type Transaction } from '@workbench/plugin-api';

/** What an order needs to know of its supplier. */
export interface OrderSupplier {
  id: number;
  name: string;
  /** From 50 points: the owner signs the order too. */
  needsOwner: boolean;
}

/**
 * The supplier of a new or approved order, or the reason it may not get one: an ended supplier
 * gets no new orders; one at the approval standing needs the owner.
 */
export async function supplierForOrder(q: Queryable, supplierId: number): Promise<OrderSupplier> {
  const s = await q.get<{ id: number; name: string; standing: string; points: number }>('SELECT id, name, standing, points FROM procurement_suppliers WHERE id = ?', [supplierId]);
  if (!s) throw new NotFoundError({ 'zh-CN': `没有编号为 ${supplierId} 的供应商`, en: `There is no supplier ${supplierId}` });
  if (s.standing === 'ended') {
    throw new ConflictError({
      'zh-CN': `供应商「${s.name}」已扣 ${s.points} 分，合作已终止，不能再下新订单`,
      en: `Supplier ${s.name} has ${s.points} points and is ended: no new orders`,
    });
  }
  return { id: s.id, name: s.name, needsOwner: s.standing === 'approval' };
}

/** A breach found by receiving or closing an order, scored on the supplier's card. */
export interface Breach {
  supplierId: number;
  kind: 'late-delivery' | 'short-delivery' | 'over-delivery' | 'quality-failure';
  /** The order or receipt number it comes from, and the figures behind it. */
  note: string;
}

export type BreachRecorder = (tx: Transaction, breach: Breach) => Promise<void>;
