import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { WbDataTable } from '@workbench/ui';

/**
 * The warehouse panels tell each other that stock moved (an inbound note saved in the view, a
 * stocktake posted in its tab) with one document event, so every open list shows the new figures.
 */
export type WarehouseTopic = 'stock' | 'locations' | 'inbound' | 'stocktakes' | 'statements';

const EVENT = 'fulfillment-warehouse-changed';

/** Announces that records of these topics changed. */
export function announce(...topics: WarehouseTopic[]): void {
  document.dispatchEvent(new CustomEvent<{ topics: WarehouseTopic[] }>(EVENT, { detail: { topics } }));
}

/** Calls `handler` when any of `topics` changes; answers the function that stops listening. */
export function listen(topics: WarehouseTopic[], handler: () => void): () => void {
  const listener = (event: Event) => {
    if ((event as CustomEvent<{ topics: WarehouseTopic[] }>).detail.topics.some((t) => topics.includes(t))) handler();
  };
  document.addEventListener(EVENT, listener);
  return () => document.removeEventListener(EVENT, listener);
}

/** Reloads the data table of a list panel while it is connected and any of `topics` changes. */
export class ReloadOnChange implements ReactiveController {
  private stop?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode },
    private readonly topics: WarehouseTopic[],
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.stop = listen(this.topics, () => void this.host.renderRoot.querySelector<WbDataTable<never>>('wb-data-table')?.reload());
  }

  hostDisconnected(): void {
    this.stop?.();
  }
}
