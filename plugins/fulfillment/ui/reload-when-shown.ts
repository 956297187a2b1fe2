import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Runs `reload` each time the host comes back into sight — its tab brought to the front again.
 * A tab behind stays connected, and what colleagues did in their own browsers meanwhile (orders
 * entered, parcels shipped) reaches this page through no change announcement; the figures are
 * fetched afresh when someone looks again.
 */
export class ReloadWhenShown implements ReactiveController {
  private observer?: IntersectionObserver;
  private hidden = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly reload: () => unknown,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // The first report tells whether the host starts in sight; loading on connect is the caller's.
    this.observer = new IntersectionObserver((entries) => {
      const shown = entries.some((e) => e.isIntersecting);
      if (shown && this.hidden) void this.reload();
      this.hidden = !shown;
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.hidden = false;
  }
}
