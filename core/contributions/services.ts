import { toDisposable, type Disposable } from '../lifecycle/disposable.js';
import type { ServiceToken } from '../plugins/context.js';
import type { PluginManifest } from '../plugins/manifest.js';

type Token<T> = ServiceToken<T> | string;
const nameOf = <T>(token: Token<T>) => (typeof token === 'string' ? token : token.name);

/**
 * Services plugins offer each other. Who may provide and who may use a service follows the
 * manifests: a plugin provides only what it `provides`, and uses only services of plugins it names
 * in `requires` or `optional`, so every dependency between plugins is visible in plugin.yaml.
 */
export class ServiceRegistry {
  private readonly services = new Map<string, { owner: string; impl: unknown }>();

  /** `manifests` answers every known manifest; `isRunning` whether a plugin runs now. */
  constructor(
    private readonly manifests: () => PluginManifest[],
    private readonly isRunning: (id: string) => boolean,
  ) {}

  provide<T>(owner: PluginManifest, token: Token<T>, impl: T): Disposable {
    const name = nameOf(token);
    if (!owner.provides.includes(name)) {
      throw new Error(`plugin ${owner.id} provides service "${name}", but plugin.yaml does not list it under provides`);
    }
    const existing = this.services.get(name);
    if (existing) throw new Error(`service "${name}" is already provided by ${existing.owner}`);
    this.services.set(name, { owner: owner.id, impl });
    return toDisposable(() => this.services.delete(name));
  }

  get<T>(user: PluginManifest, token: Token<T>, soft: boolean): T | undefined {
    const name = nameOf(token);
    const providers = this.manifests().filter((m) => m.provides.includes(name)).map((m) => m.id);
    const allowed = providers.filter((p) => user.requires.includes(p) || user.optional.includes(p));
    // Nobody installed offers it: for an optional use that simply means the provider is absent.
    if (providers.length === 0 && soft) return undefined;
    if (allowed.length === 0) {
      const who = providers.length ? providers.join(', ') : 'no installed plugin';
      throw new Error(
        `plugin ${user.id} asked for service "${name}" (offered by ${who}) without naming its provider under requires or optional in plugin.yaml`,
      );
    }
    const entry = this.services.get(name);
    if (entry && this.isRunning(entry.owner)) return entry.impl as T;
    if (soft) return undefined;
    throw new Error(`service "${name}" is not available: its plugin (${allowed.join(', ')}) is not running`);
  }
}
