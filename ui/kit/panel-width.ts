import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Whether a panel is narrower than `width` pixels (the side bar at its default 300 px), so a list
 * can start with its essential columns there; the rest stay one click away under 列. Each width
 * keeps its own column choice (`storageKey(…)`).
 *
 * @example
 * private readonly width = new PanelWidth(this);
 * { key: 'createdAt', …, hidden: this.width.narrow }
 * html`<wb-data-table storageKey=${this.width.storageKey('fulfillment-inbound')} …>`
 */
export class PanelWidth implements ReactiveController {
  narrow = false;
  private observer?: ResizeObserver;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly width = 480,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer ??= new ResizeObserver((entries) => {
      const narrow = (entries[0]?.contentRect.width ?? this.width) < this.width;
      if (narrow !== this.narrow) {
        this.narrow = narrow;
        this.host.requestUpdate();
      }
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  /** The table's storage key for the current width. */
  storageKey(base: string): string {
    return this.narrow ? `${base}-narrow` : base;
  }
}
