import { Emitter, toDisposable, type Disposable } from './disposable.js';
import type { LocalizedText } from './i18n.js';
import { keybindingOf, normalizeKeybinding } from './keybinding.js';

/** A command as the palette lists it. */
export interface CommandInfo {
  id: string;
  title: LocalizedText;
  /** The group shown before the title, e.g. the plugin's name. */
  category?: LocalizedText;
  keybinding?: string;
  /** The plugin whose UI module implements it; loaded on first run. */
  plugin?: string;
}

export type CommandHandler = (...args: unknown[]) => unknown;

/**
 * Every command of the workbench: the shell's own and those plugins contribute. A contributed
 * command is declared from the manifest before its plugin's UI module has loaded; running it
 * loads the module (through `loadPlugin`), which registers the handler.
 *
 * @example
 * commands.register('example.newNote', () => openNewNoteDialog());
 * await commands.run('example.newNote');
 */
export class Commands {
  private readonly infos = new Map<string, CommandInfo>();
  private readonly handlers = new Map<string, CommandHandler>();
  readonly onDidChange = new Emitter<void>();

  constructor(private readonly loadPlugin: (plugin: string) => Promise<void> = async () => undefined) {}

  declare(info: CommandInfo): Disposable {
    this.infos.set(info.id, info);
    this.onDidChange.fire();
    return toDisposable(() => {
      this.infos.delete(info.id);
      this.onDidChange.fire();
    });
  }

  /** Sets the handler for a command id; a second handler for the same id is refused. */
  register(id: string, handler: CommandHandler): Disposable {
    if (this.handlers.has(id)) throw new Error(`command ${id} already has a handler`);
    this.handlers.set(id, handler);
    return toDisposable(() => this.handlers.delete(id));
  }

  list(): CommandInfo[] {
    return [...this.infos.values()];
  }

  has(id: string): boolean {
    return this.infos.has(id);
  }

  async run(id: string, ...args: unknown[]): Promise<unknown> {
    const info = this.infos.get(id);
    if (!this.handlers.has(id) && info?.plugin) await this.loadPlugin(info.plugin);
    const handler = this.handlers.get(id);
    if (!handler) throw new Error(`command ${id} has no handler`);
    return handler(...args);
  }

  /** The command a key press stands for, if any. */
  forKey(event: KeyboardEvent): CommandInfo | undefined {
    const pressed = keybindingOf(event);
    for (const info of this.infos.values()) {
      if (info.keybinding && normalizeKeybinding(info.keybinding) === pressed) return info;
    }
    return undefined;
  }
}
