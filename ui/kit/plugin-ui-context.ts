import type { ApiClient } from './api-client.js';
import type { Commands } from './commands.js';
import type { Disposable } from './disposable.js';
import type { I18n } from './i18n.js';
import type { Notifications } from './notifications.js';
import type { WorkbenchService } from './workbench-service.js';

/**
 * What a plugin's UI module receives in `activate(wb)` when the shell first loads it: register
 * command handlers, add strings, open editors. Elements get the same services through contexts.
 * Everything registered here is undone when the user signs out.
 *
 * @example
 * export function activate(wb: PluginUiContext) {
 *   wb.i18n.add('zh-CN', { 'example.saved': '已保存' });
 *   wb.subscriptions.push(wb.commands.register('example.newNote', () => newNote(wb)));
 * }
 */
export interface PluginUiContext {
  readonly plugin: string;
  readonly api: ApiClient;
  readonly i18n: I18n;
  readonly commands: Commands;
  readonly notifications: Notifications;
  readonly workbench: WorkbenchService;
  readonly subscriptions: Disposable[];
}
