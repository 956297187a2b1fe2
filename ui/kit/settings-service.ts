import type { ApiClient } from './api-client.js';
import { changes } from './changes.js';
import { Emitter } from './disposable.js';
import type { LocalizedText } from './i18n.js';

export type JsonSchema = Record<string, unknown>;

/** One plugin's settings as the API describes them. */
export interface PluginSettings {
  plugin: string;
  name: LocalizedText;
  schema: JsonSchema;
  value: Record<string, unknown>;
  version: number;
}

/**
 * Reads and saves plugin settings. Saving sends the version that was read, so two people saving
 * at once get a conflict instead of silently overwriting each other.
 *
 * @example
 * const s = await settings.get('listings');
 * await settings.save('listings', { ...s.value, lowStock: 5 }, s.version);
 */
export class SettingsService {
  readonly onDidSave = new Emitter<PluginSettings>();

  constructor(private readonly api: ApiClient) {}

  async list(): Promise<PluginSettings[]> {
    return (await this.api.get<{ items: PluginSettings[] }>('/settings')).items;
  }

  get(plugin: string): Promise<PluginSettings> {
    return this.api.get<PluginSettings>(`/settings/${encodeURIComponent(plugin)}`);
  }

  async save(plugin: string, value: Record<string, unknown>, version: number): Promise<{ value: Record<string, unknown>; version: number }> {
    const saved = await this.api.put<{ value: Record<string, unknown>; version: number }>(`/settings/${encodeURIComponent(plugin)}`, { value, version });
    const current = await this.get(plugin);
    this.onDidSave.fire(current);
    // Panels whose figures depend on the settings (low-stock lines, tolerances) reload.
    changes.announce(`${plugin}.settings`);
    return saved;
  }
}
