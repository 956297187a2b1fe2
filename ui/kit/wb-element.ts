import { consume } from '@lit/context';
import { LitElement } from 'lit';
import type { ApiClient } from './api-client.js';
import type { Commands } from './commands.js';
import { apiContext, commandsContext, i18nContext, notificationsContext, settingsContext, workbenchContext } from './contexts.js';
import type { I18n } from './i18n.js';
import type { Notifications } from './notifications.js';
import type { SettingsService } from './settings-service.js';
import type { WorkbenchService } from './workbench-service.js';

/**
 * A LitElement with the workbench services at hand. Panels of the shell and of plugins extend it
 * so they need no context plumbing of their own.
 *
 * @example
 * @customElement('wb-orders-view')
 * export class OrdersView extends WbElement {
 *   render() { return html`<h2>${this.i18n.t('orders.title')}</h2>`; }
 * }
 */
export class WbElement extends LitElement {
  @consume({ context: apiContext }) protected api!: ApiClient;
  @consume({ context: i18nContext }) protected i18n!: I18n;
  @consume({ context: commandsContext, subscribe: true }) protected commands!: Commands;
  @consume({ context: notificationsContext }) protected notifications!: Notifications;
  @consume({ context: settingsContext }) protected settings!: SettingsService;
  @consume({ context: workbenchContext }) protected workbench!: WorkbenchService;
}
