import { ConflictError, NotFoundError } from '../errors.js';
import { localize, type LocalizedText } from '../i18n/localized-text.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Actor } from './context.js';
import type { PluginHost, PluginRecord } from './plugin-host.js';
import type { PluginStates } from './plugin-states.js';
import { resolveOrder } from './resolve-order.js';

const text = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/** A plugin named in a refusal, so the Plugins view can show it and ask again. */
export interface NamedPlugin {
  id: string;
  name: LocalizedText;
}

/**
 * Switches plugins off and on while the workbench runs, for the owner. One switch at a time: a
 * second request waits for the first, so two browsers cannot interleave their activations.
 *
 * Off: the plugin and every running plugin that `requires` it, dependants first, once the request
 * confirms those dependants by id. Plugins that name it only under `optional` keep running.
 * On: the plugin and the dependants the request names, dependencies first; each runs its pending
 * migrations. A plugin whose `requires` is not running (nor switched on in the same request) is
 * refused with that dependency's name, and so is a plugin config.yaml does not list.
 */
export class PluginSwitch {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly host: PluginHost,
    private readonly states: PluginStates,
    private readonly audit: AuditLog,
  ) {}

  disable(id: string, confirmed: string[], actor: Actor): Promise<PluginRecord[]> {
    return this.serial(async () => {
      const record = this.installed(id);
      const dependants = this.host.dependantsOf(id);
      const unconfirmed = dependants.filter((d) => !confirmed.includes(d));
      if (unconfirmed.length) {
        const named = dependants.map((d) => this.named(d));
        const list = (locale: 'zh-CN' | 'en') =>
          named.map((n) => (locale === 'en' ? `${localize(n.name, locale)} (${n.id})` : `${localize(n.name, locale)}（${n.id}）`)).join(locale === 'en' ? ', ' : '、');
        throw new ConflictError(
          text(
            `停用“${localize(this.nameOf(record), 'zh-CN')}”会同时停用依赖它的插件：${list('zh-CN')}。确认后再停用`,
            `Switching off "${localize(this.nameOf(record), 'en')}" also switches off the plugins that require it: ${list('en')}. Confirm them to go on`,
          ),
          { details: { dependants: named } },
        );
      }
      const off = [...dependants, id];
      await this.states.save(off, false, actor.id);
      for (const p of off) {
        await this.host.switchOff(p);
        if (p !== id) await this.record(actor, 'disable plugin', p, `with ${id}`);
      }
      return off.map((p) => this.host.get(p)!);
    });
  }

  enable(id: string, alsoIds: string[], actor: Actor): Promise<PluginRecord[]> {
    return this.serial(async () => {
      const chosen = [...new Set([id, ...alsoIds])];
      const records = chosen.map((p) => this.installed(p));
      for (const r of records) {
        if (!r.manifest) {
          throw new ConflictError(text(`插件“${r.id}”的 plugin.yaml 有问题，不能启用：${localize(r.reason ?? '', 'zh-CN')}`, `The plugin "${r.id}" cannot be switched on: its plugin.yaml has problems: ${localize(r.reason ?? '', 'en')}`));
        }
        if (!r.allowed) {
          throw new ConflictError(
            text(
              `插件“${localize(this.nameOf(r), 'zh-CN')}”不在 config.yaml 的 plugins.enabled 里，不能在这里启用。请先在 config.yaml 中加上“${r.id}”并重启`,
              `The plugin "${localize(this.nameOf(r), 'en')}" is not listed under plugins.enabled in config.yaml, so it cannot be switched on here. Add "${r.id}" there and restart first`,
            ),
          );
        }
        for (const dep of r.manifest.requires) {
          if (!chosen.includes(dep) && !this.host.isRunning(dep)) {
            const needed = this.host.get(dep) ? this.named(dep) : { id: dep, name: text(dep, dep) };
            throw new ConflictError(
              text(
                `插件“${localize(this.nameOf(r), 'zh-CN')}”需要“${localize(needed.name, 'zh-CN')}”（${dep}），它没有运行。请先启用它，或一起启用`,
                `The plugin "${localize(this.nameOf(r), 'en')}" requires "${localize(needed.name, 'en')}" (${dep}), which is not running. Switch it on first, or together`,
              ),
              { details: { requires: [needed] } },
            );
          }
        }
      }
      const { order } = resolveOrder(records.map((r) => ({ id: r.id, requires: r.manifest!.requires, optional: r.manifest!.optional })));
      await this.states.save(order, true, actor.id);
      for (const p of order) {
        if (!this.host.isRunning(p)) await this.host.switchOn(p);
        if (p !== id) await this.record(actor, 'enable plugin', p, `with ${id}`);
      }
      return order.map((p) => this.host.get(p)!);
    });
  }

  private installed(id: string): PluginRecord {
    const record = this.host.get(id);
    if (!record) throw new NotFoundError(text(`没有安装插件“${id}”`, `No plugin "${id}" is installed`));
    return record;
  }

  private nameOf(record: PluginRecord): LocalizedText {
    return record.manifest?.name ?? record.name ?? record.id;
  }

  private named(id: string): NamedPlugin {
    return { id, name: this.nameOf(this.host.get(id)!) };
  }

  /** The route's own audit record names the plugin asked for; this one each plugin that went with it. */
  private record(actor: Actor, action: string, target: string, detail: string): Promise<void> {
    return this.audit.record({ actorId: actor.id, actorName: actor.username, plugin: 'core', action, target, outcome: 'ok', detail });
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
