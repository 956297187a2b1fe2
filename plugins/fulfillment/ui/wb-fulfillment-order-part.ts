import { property } from 'lit/decorators.js';
import { ApiError, WbElement } from '@workbench/ui';
import type { OrderStatus } from '../shared/state-names.js';
import type { OrderDetail } from './wb-fulfillment-order-record.js';

/** Until picking the order's details may still change (README: PATCH "until picked"). */
const EDITABLE: readonly OrderStatus[] = ['pending', 'exception', 'fraud', 'approved'];

/**
 * The base of the order editor's parts: each shows one side of `order`, writes with the version it
 * read, and tells the editor to reload (`order-changed`) or that the order moved on meanwhile
 * (`order-conflict`, a 409: the editor offers to reload).
 *
 * @fires order-changed - after a write; the editor reloads the order
 * @fires order-conflict - detail: `{ message }`; the write was refused as stale or not allowed now
 */
export class FulfillmentOrderPart extends WbElement {
  @property({ attribute: false }) order?: OrderDetail;

  protected get editable(): boolean {
    return Boolean(this.order && EDITABLE.includes(this.order.status) && this.workbench.can('fulfillment.orders.edit'));
  }

  protected changed(): void {
    this.dispatchEvent(new CustomEvent('order-changed', { bubbles: true, composed: true }));
  }

  /**
   * A refused write: a 409 goes to the editor's reload banner; anything else answers its message
   * for the part to show beside the field.
   */
  protected refused(error: unknown): string {
    if (error instanceof ApiError && error.status === 409) {
      this.dispatchEvent(new CustomEvent('order-conflict', { detail: { message: error.message }, bubbles: true, composed: true }));
      return '';
    }
    return error instanceof Error ? error.message : String(error);
  }
}
