import { toDisposable, type Disposable } from '../lifecycle/disposable.js';
import type { Locale } from '../i18n/localized-text.js';
import type { Logger } from '../log/logger.js';
import type { Actor, SearchProvider, SearchResult } from '../plugins/context.js';

export interface FoundRecord extends SearchResult {
  plugin: string;
}

/**
 * Quick-open providers of every running plugin. A search asks those the user may use, side by
 * side; a provider that throws is logged and left out, so one broken plugin does not empty the
 * list.
 */
export class SearchProviders {
  private readonly providers = new Set<{ plugin: string; provider: SearchProvider }>();

  constructor(private readonly log: Logger) {}

  provide(plugin: string, declared: ReadonlySet<string>, provider: SearchProvider): Disposable {
    if (!declared.has(provider.permission)) {
      throw new Error(`search provider permission "${provider.permission}" is not declared under permissions in plugin.yaml`);
    }
    const entry = { plugin, provider };
    this.providers.add(entry);
    return toDisposable(() => this.providers.delete(entry));
  }

  async search(text: string, actor: Actor, locale: Locale, limit: number): Promise<{ items: FoundRecord[]; failed: string[] }> {
    const allowed = [...this.providers].filter((p) => actor.can(p.provider.permission));
    const failed: string[] = [];
    const answers = await Promise.all(
      allowed.map(async ({ plugin, provider }) => {
        try {
          const found = await provider.search({ text, limit, actor, locale });
          return found.slice(0, limit).map((r) => ({ ...r, plugin }));
        } catch (error) {
          this.log.error('a quick-open provider failed', { plugin, error: error instanceof Error ? error.message : String(error) });
          failed.push(plugin);
          return [];
        }
      }),
    );
    return { items: answers.flat().slice(0, limit), failed };
  }
}
