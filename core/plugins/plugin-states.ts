import type { Database } from '../db/database.js';

/** The owner's runtime choice for one plugin, as stored in `core_plugin_states`. */
export interface StoredPluginState {
  id: string;
  enabled: boolean;
  changedBy: number | null;
  changedAt: string;
}

/**
 * Which plugins the owner switched off or on from the Plugins view. It only narrows config.yaml's
 * `plugins.enabled`: a plugin that list leaves out stays off whatever is stored here.
 */
export class PluginStates {
  constructor(
    private readonly db: Database,
    private readonly now: () => string,
  ) {}

  async all(): Promise<Map<string, StoredPluginState>> {
    const rows = await this.db.read((q) =>
      q.all<{ id: string; enabled: number; changedBy: number | null; changedAt: string }>(
        'SELECT id, enabled, changed_by AS changedBy, changed_at AS changedAt FROM core_plugin_states',
      ),
    );
    return new Map(rows.map((r) => [r.id, { ...r, enabled: r.enabled === 1 }]));
  }

  async save(ids: string[], enabled: boolean, changedBy: number | null): Promise<void> {
    const at = this.now();
    await this.db.transaction(async (tx) => {
      for (const id of ids) {
        await tx.run(
          `INSERT INTO core_plugin_states (id, enabled, changed_by, changed_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET enabled = excluded.enabled, changed_by = excluded.changed_by, changed_at = excluded.changed_at`,
          [id, enabled ? 1 : 0, changedBy, at],
        );
      }
    });
  }
}
