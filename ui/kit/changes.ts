import { Emitter, type Disposable } from './disposable.js';

/**
 * What changed, as topics named `<plugin>.<records>` (`fulfillment.stock`, `listings.products`);
 * `<plugin>.settings` is announced by the kit itself when a plugin's settings are saved.
 */
export type ChangeTopic = `${string}.${string}`;

/**
 * The page's one change bus. A panel that saved something announces what it changed; every open
 * panel that shows those records reloads (through `ReloadOnChange`). It lives in the kit, which
 * the shell serves once for all plugins, so there is exactly one per page, and a plugin may
 * listen to another plugin's topics without importing it.
 *
 * @example
 * changes.announce('fulfillment.stock', 'fulfillment.locations');
 * const stop = changes.on(['fulfillment.stock'], () => reload()); // later: stop.dispose()
 */
export class ChangeBus {
  private readonly emitter = new Emitter<readonly string[]>();

  /** Tells every listener of any of `topics` that those records changed. */
  announce(...topics: ChangeTopic[]): void {
    if (topics.length) this.emitter.fire(topics);
  }

  /** Calls `listener` (with the topics announced) whenever one of `topics` changes. */
  on(topics: readonly ChangeTopic[], listener: (announced: readonly string[]) => void): Disposable {
    return this.emitter.on((announced) => {
      if (announced.some((t) => topics.includes(t as ChangeTopic))) listener(announced);
    });
  }
}

export const changes = new ChangeBus();
