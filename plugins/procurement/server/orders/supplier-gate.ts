import { ConflictError, type PluginContext, type Queryable, type Transaction } from '@workbench/plugin-api';
import { scorecardStore } from '../scorecard/scorecard-store.js';
import { settingsOf } from '../settings.js';
import { supplierStore } from '../suppliers/supplier-store.js';

/** What an order needs to know of its supplier. */
export interface OrderSupplier {
  id: number;
  name: string;
  /** From the scorecard's approval standing (50 points): the owner signs the order too. */
  needsOwner: boolean;
}

/**
 * The supplier of a new or approved order, as the scorecard sees it: an ended supplier gets no
 * new orders (409 with the points behind it); one at the approval standing needs the owner.
 */
export async function supplierForOrder(ctx: PluginContext, q: Queryable, supplierId: number): Promise<OrderSupplier> {
  const supplier = await supplierStore(q).require(supplierId);
  const gate = await scorecardStore(q, settingsOf(ctx)().scorecard).orderGate(supplierId);
  if (!gate.allowed) {
    throw new ConflictError({
      'zh-CN': `供应商「${supplier.name}」已扣 ${gate.points} 分，合作已终止，不能再下新订单`,
      en: `Supplier ${supplier.name} has ${gate.points} points and is ended: no new orders`,
    });
  }
  return { id: supplier.id, name: supplier.name, needsOwner: gate.needsOwnerApproval };
}

/** A breach found by receiving or closing an order, scored on the supplier's card. */
export interface Breach {
  supplierId: number;
  kind: 'late-delivery' | 'short-delivery' | 'over-delivery' | 'quality-failure';
  /** The figures behind it, as the scorecard shows them. */
  note: string;
  /** The order or receipt number it comes from. */
  reference: string;
  source: 'receiving' | 'orders';
  by: number;
}

export type BreachRecorder = (tx: Transaction, breach: Breach) => Promise<void>;

/** Scores through the scorecard, in the caller's transaction, with the kinds and points of the settings. */
export function breachRecorder(ctx: PluginContext): BreachRecorder {
  return async (tx, { supplierId, ...breach }) => {
    await scorecardStore(tx, settingsOf(ctx)().scorecard).recordBreach(supplierId, breach, ctx.now());
  };
}
