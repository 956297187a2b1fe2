import type { Disposable } from '../kit/disposable.js';
import type { PluginUiContext } from '../kit/plugin-ui-context.js';
import type { PluginContributions } from './contributions.js';

type UiModule = { activate?: (wb: PluginUiContext) => void | Promise<void> };

/**
 * Loads a plugin's browser module the first time one of its panels or commands is needed, and
 * calls its `activate(wb)` once. Until then none of its code is downloaded.
 */
export class PluginLoader {
  private readonly loaded = new Map<string, Promise<void>>();
  private readonly subscriptions = new Map<string, Disposable[]>();

  constructor(
    private readonly plugins: () => PluginContributions[],
    private readonly contextFor: (plugin: string, subscriptions: Disposable[]) => PluginUiContext,
  ) {}

  load(plugin: string): Promise<void> {
    let pending = this.loaded.get(plugin);
    if (!pending) {
      pending = this.import(plugin);
      pending.catch(() => this.loaded.delete(plugin));
      this.loaded.set(plugin, pending);
    }
    return pending;
  }

  isLoaded(plugin: string): boolean {
    return this.loaded.has(plugin);
  }

  /** Undoes what every plugin registered (on sign-out). */
  dispose(): void {
    for (const plugin of [...this.subscriptions.keys()]) this.unload(plugin);
  }

  /**
   * Undoes what one plugin registered, once it was switched off; switched on again, its module is
   * activated afresh the next time it is needed.
   */
  unload(plugin: string): void {
    for (const s of (this.subscriptions.get(plugin) ?? []).splice(0)) s.dispose();
    this.subscriptions.delete(plugin);
    this.loaded.delete(plugin);
  }

  private async import(plugin: string): Promise<void> {
    const url = this.plugins().find((p) => p.id === plugin)?.ui;
    if (!url) return; // a plugin without UI code: its contributions are plain data
    const mod = (await import(/* @vite-ignore */ url)) as UiModule;
    const subscriptions = this.subscriptions.get(plugin) ?? [];
    this.subscriptions.set(plugin, subscriptions);
    await mod.activate?.(this.contextFor(plugin, subscriptions));
  }
}
