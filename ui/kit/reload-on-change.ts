import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { changes as pageChanges, type ChangeBus, type ChangeTopic } from './changes.js';
import type { Disposable } from './disposable.js';

export interface ReloadOnChangeOptions {
  /** What to run on a change; by default every `<wb-data-table>` in the host reloads its rows. */
  reload?: () => unknown;
  /** Also run `reload` each time the host connects (a panel that loads its own data). */
  onConnect?: boolean;
  /** The bus to listen on; the page's own unless a test passes another. */
  bus?: ChangeBus;
}

/**
 * Keeps a panel current: while the host is connected, any announcement of one of `topics` on the
 * change bus reloads it. Announcements made in one go (`products`, then `review`) reload once.
 *
 * @example
 * // A list: its data tables reload.
 * private readonly changes = new ReloadOnChange(this, ['fulfillment.inbound']);
 * // A panel that fetches its own data: loads on connect and on each change.
 * private readonly changes = new ReloadOnChange(this, ['fulfillment.orders'], { reload: () => this.load(), onConnect: true });
 */
export class ReloadOnChange implements ReactiveController {
  private subscription?: Disposable;
  private pending = false;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot?: ParentNode },
    private readonly topics: readonly ChangeTopic[],
    private readonly options: ReloadOnChangeOptions = {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.subscription?.dispose();
    this.subscription = (this.options.bus ?? pageChanges).on(this.topics, () => this.schedule());
    if (this.options.onConnect) this.reload();
  }

  hostDisconnected(): void {
    this.subscription?.dispose();
    this.subscription = undefined;
  }

  /** Reloads now (a panel's Refresh button, or after its own save). */
  reload(): void {
    if (this.options.reload) {
      void this.options.reload();
      return;
    }
    this.host.renderRoot?.querySelectorAll<HTMLElement & { reload(): unknown }>('wb-data-table').forEach((table) => void table.reload());
  }

  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      if (this.subscription) this.reload();
    });
  }
}
