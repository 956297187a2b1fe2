import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Arrow-key movement between the items of a toolbar, tab list or activity bar: one item is in the
 * Tab order, arrows move focus among the rest (the ARIA "roving tabindex" pattern).
 *
 * @example
 * private roving = new RovingFocus(this, () => [...this.renderRoot.querySelectorAll('[role=tab]')], 'horizontal');
 */
export class RovingFocus implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly items: () => HTMLElement[],
    private readonly orientation: 'horizontal' | 'vertical' = 'horizontal',
  ) {
    host.addController(this);
  }

  private readonly onKeyDown = (event: KeyboardEvent) => {
    const items = this.items().filter((i) => !i.hasAttribute('disabled'));
    const current = items.findIndex((i) => i === event.composedPath()[0] || i.matches(':focus-within'));
    if (current < 0) return;
    const [prev, next] = this.orientation === 'horizontal' ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown'];
    let target: number | undefined;
    if (event.key === next) target = (current + 1) % items.length;
    else if (event.key === prev) target = (current - 1 + items.length) % items.length;
    else if (event.key === 'Home') target = 0;
    else if (event.key === 'End') target = items.length - 1;
    if (target === undefined) return;
    event.preventDefault();
    items[target]!.focus();
  };

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onKeyDown);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKeyDown);
  }

  /** Puts only `active` in the Tab order. Call after each render. */
  sync(active: HTMLElement | undefined): void {
    const items = this.items();
    for (const item of items) item.tabIndex = item === (active ?? items[0]) ? 0 : -1;
  }
}
