import { ConflictError, InputError, NotFoundError } from '../errors.js';
import { toDisposable, type Disposable } from '../lifecycle/disposable.js';
import { check, type Checker, type JsonSchema, type SchemaRegistry } from '../schemas/schema-registry.js';
import { toFieldProblems } from '../schemas/field-problems.js';
import type { Database } from '../db/database.js';
import type { Locale } from '../i18n/localized-text.js';

interface Entry {
  schema: JsonSchema;
  validate: Checker;
  value: Record<string, unknown>;
  version: number;
  listeners: Set<(value: Record<string, unknown>) => void>;
}

/**
 * Plugin settings. A value is built in three layers — the schema's defaults, then config.yaml's
 * `settings.<plugin>`, then what the owner saved in the settings UI — and is always valid against
 * the plugin's schema.
 */
export class SettingsStore {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly db: Database,
    private readonly schemas: SchemaRegistry,
    private readonly fromConfig: Record<string, Record<string, unknown>>,
    private readonly now: () => string,
  ) {}

  /**
   * Loads a plugin's settings; throws InputError naming every bad field if config or saved values
   * do not fit. `locate` may answer where a field's value was written (`config.yaml:12:5`).
   */
  async register(plugin: string, schema: JsonSchema, locate?: (pointer: string) => string | undefined): Promise<Disposable> {
    const checker = this.schemas.checker(schema);
    const validate = checker.all;
    const saved = await this.db.read((q) => q.get<{ value: string; version: number }>('SELECT value, version FROM core_settings WHERE plugin = ?', [plugin]));
    const merged = { ...(this.fromConfig[plugin] ?? {}), ...(saved ? (JSON.parse(saved.value) as Record<string, unknown>) : {}) };
    if (!validate(merged)) {
      const errors = toFieldProblems(validate.errors ?? [], 'zh-CN', `settings.${plugin}`);
      const at = (path: string) => {
        const where = locate?.(path);
        return where ? `${where} ` : '';
      };
      const list = errors.map((e) => `${at(e.path)}${e.path} ${e.message}`).join('; ');
      const en = toFieldProblems(validate.errors ?? [], 'en', `settings.${plugin}`).map((e) => `${at(e.path)}${e.path} ${e.message}`).join('; ');
      throw new InputError({ 'zh-CN': `设置 settings.${plugin} 有误：${list}`, en: `settings.${plugin} are not valid: ${en}` }, { errors });
    }
    this.entries.set(plugin, { schema, validate: checker, value: merged, version: saved?.version ?? 0, listeners: new Set() });
    return toDisposable(() => this.entries.delete(plugin));
  }

  has(plugin: string): boolean {
    return this.entries.has(plugin);
  }

  get(plugin: string): Record<string, unknown> {
    return this.entry(plugin).value;
  }

  describe(plugin: string): { schema: JsonSchema; value: Record<string, unknown>; version: number } {
    const e = this.entry(plugin);
    return { schema: e.schema, value: e.value, version: e.version };
  }

  onDidChange(plugin: string, listener: (value: Record<string, unknown>) => void): Disposable {
    const e = this.entry(plugin);
    e.listeners.add(listener);
    return toDisposable(() => e.listeners.delete(listener));
  }

  /** Saves a whole settings value; `version` is the one the editor read (0 if never saved). */
  async save(plugin: string, value: unknown, version: number, actorId: number, locale: Locale): Promise<{ value: Record<string, unknown>; version: number }> {
    const e = this.entry(plugin);
    const candidate = { ...(this.fromConfig[plugin] ?? {}), ...(structuredClone(value) as Record<string, unknown>) };
    const valid = check<Record<string, unknown>>(e.validate, candidate, locale, 'body');
    const next = await this.db.transaction(async (tx) => {
      const row = await tx.get<{ version: number }>('SELECT version FROM core_settings WHERE plugin = ?', [plugin]);
      const current = row?.version ?? 0;
      if (current !== version) {
        throw new ConflictError({ 'zh-CN': '设置刚被别人修改过，请刷新后再改', en: 'Someone else changed these settings; reload and try again' });
      }
      await tx.run(
        `INSERT INTO core_settings (plugin, value, updated_at, updated_by, version) VALUES (?, ?, ?, ?, 1)
         ON CONFLICT (plugin) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by, version = version + 1`,
        [plugin, JSON.stringify(value), this.now(), actorId],
      );
      return current + 1;
    });
    e.value = valid;
    e.version = next;
    for (const listener of e.listeners) listener(valid);
    return { value: valid, version: next };
  }

  private entry(plugin: string): Entry {
    const e = this.entries.get(plugin);
    if (!e) throw new NotFoundError({ 'zh-CN': `插件 ${plugin} 没有设置项`, en: `The plugin ${plugin} has no settings` });
    return e;
  }
}
