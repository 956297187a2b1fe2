/**
 * Panels of this plugin tell each other that records changed (a product saved in a tab refreshes
 * the list in the side bar) with one document event.
 */
export type ListingsTopic = 'products' | 'categories' | 'promotions' | 'coupons' | 'campaigns' | 'review';

const EVENT = 'listings-changed';

/** Announces that records of `topic` changed. */
export function announce(topic: ListingsTopic): void {
  document.dispatchEvent(new CustomEvent<{ topic: ListingsTopic }>(EVENT, { detail: { topic } }));
}

/** Calls `handler` when any of `topics` changes; answers the function that stops listening. */
export function listen(topics: ListingsTopic[], handler: () => void): () => void {
  const listener = (event: Event) => {
    if (topics.includes((event as CustomEvent<{ topic: ListingsTopic }>).detail.topic)) handler();
  };
  document.addEventListener(EVENT, listener);
  return () => document.removeEventListener(EVENT, listener);
}
