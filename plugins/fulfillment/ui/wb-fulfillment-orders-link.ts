import type { WorkbenchService } from '@workbench/ui';
import type { OrdersFilter } from './wb-fulfillment-order-record.js';

// The queue widget on the home page opens the orders view with a filter set. The view may not be
// on the page yet (the side bar shows another view), so the filter waits here until it mounts.

const EVENT = 'fulfillment-orders-filter';
let pending: OrdersFilter | undefined;

/** The filter a link asked for, once: the view takes it when it mounts or hears the event. */
export function takePendingFilter(): OrdersFilter | undefined {
  const filter = pending;
  pending = undefined;
  return filter;
}

/** Calls `handler` with each filter a link asks for while the view is on the page. */
export function onFilterRequest(handler: (filter: OrdersFilter) => void): () => void {
  const listener = () => {
    const filter = takePendingFilter();
    if (filter) handler(filter);
  };
  document.addEventListener(EVENT, listener);
  return () => document.removeEventListener(EVENT, listener);
}

/** Shows the orders view with `filter`. */
export function openOrdersView(filter: OrdersFilter, workbench: WorkbenchService): void {
  pending = filter;
  document.dispatchEvent(new CustomEvent(EVENT));
  workbench.showView({ plugin: 'fulfillment', view: 'orders' });
}
