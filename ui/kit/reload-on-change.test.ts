import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { describe, expect, it, vi } from 'vitest';
import { ChangeBus } from './changes.js';
import { ReloadOnChange } from './reload-on-change.js';

/** A host without a DOM: what a Lit element does with its controllers on connect and disconnect. */
class Host implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  readonly tables = [{ reload: vi.fn() }, { reload: vi.fn() }];
  readonly renderRoot = { querySelectorAll: (selector: string) => (selector === 'wb-data-table' ? this.tables : []) } as unknown as ParentNode;
  addController(c: ReactiveController) { this.controllers.push(c); }
  removeController() {}
  requestUpdate() {}
  get updateComplete() { return Promise.resolve(true); }
  connect() { this.controllers.forEach((c) => c.hostConnected?.()); }
  disconnect() { this.controllers.forEach((c) => c.hostDisconnected?.()); }
}

const tick = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('ReloadOnChange', () => {
  it('reloads every data table of a connected list when one of its topics is announced', async () => {
    const bus = new ChangeBus();
    const host = new Host();
    new ReloadOnChange(host, ['fulfillment.stock', 'fulfillment.locations'], { bus });
    host.connect();
    bus.announce('fulfillment.inbound');
    await tick();
    expect(host.tables[0]!.reload).not.toHaveBeenCalled();
    bus.announce('listings.stock' as 'fulfillment.stock'); // another plugin's topic of the same name
    await tick();
    expect(host.tables[0]!.reload).not.toHaveBeenCalled();
    bus.announce('fulfillment.inbound', 'fulfillment.locations');
    await tick();
    expect(host.tables.map((t) => t.reload.mock.calls.length)).toEqual([1, 1]);
  });

  it('reloads once for announcements made in one go, and not at all once disconnected', async () => {
    const bus = new ChangeBus();
    const host = new Host();
    const reload = vi.fn();
    new ReloadOnChange(host, ['listings.products', 'listings.review'], { bus, reload });
    host.connect();
    bus.announce('listings.products');
    bus.announce('listings.review');
    await tick();
    expect(reload).toHaveBeenCalledTimes(1);
    bus.announce('listings.products');
    host.disconnect(); // the panel closed before the microtask ran
    await tick();
    bus.announce('listings.products');
    await tick();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('loads on connect when asked, and listens again after reconnecting without doubling up', async () => {
    const bus = new ChangeBus();
    const host = new Host();
    const reload = vi.fn();
    new ReloadOnChange(host, ['fulfillment.orders'], { bus, reload, onConnect: true });
    host.connect();
    expect(reload).toHaveBeenCalledTimes(1);
    host.disconnect();
    host.connect();
    host.connect(); // a moved element connects again without a disconnect in between
    expect(reload).toHaveBeenCalledTimes(3);
    bus.announce('fulfillment.orders');
    await tick();
    expect(reload).toHaveBeenCalledTimes(4);
  });
});
