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

/**
 * Shows the orders view with `filter`. The shell has no call to show a side-bar view, so this
 * presses the view's own button in the activity bar (found by its title), as a clerk would.
 */
export function openOrdersView(filter: OrdersFilter, viewTitle: string): void {
  pending = filter;
  document.dispatchEvent(new CustomEvent(EVENT));
  const tab = findDeep(document, `wb-activity-bar`)?.shadowRoot?.querySelector<HTMLElement>(`[role=tab][aria-label="${CSS.escape(viewTitle)}"]`);
  if (tab && tab.getAttribute('aria-selected') !== 'true') tab.click();
}

function findDeep(root: Document | ShadowRoot, selector: string): Element | undefined {
  const found = root.querySelector(selector);
  if (found) return found;
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) {
      const inner = findDeep(el.shadowRoot, selector);
      if (inner) return inner;
    }
  }
  return undefined;
}
