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
 * What every panel of the shell and of plugins extends: the workbench services as fields (no
 * context plumbing), `t(zh, en)` for a string written in both languages side by side, and `en`.
 * Money and times go through `this.i18n.money/dateTime/date` (the kit's formatters); keeping a
 * list current is the `ReloadOnChange` controller; its width, `PanelWidth`.
 *
 * @example
 * @customElement('wb-orders-view')
 * export class OrdersView extends WbElement {
 *   private readonly changes = new ReloadOnChange(this, ['fulfillment.orders']);
 *   render() { return html`<h2>${this.t('订单', 'Orders')}</h2><p>${this.i18n.money(129900)}</p>`; }
 * }
 */
export class WbElement extends LitElement {
  @consume({ context: apiContext }) protected api!: ApiClient;
  @consume({ context: i18nContext }) protected i18n!: I18n;
  @consume({ context: commandsContext, subscribe: true }) protected commands!: Commands;
  @consume({ context: notificationsContext }) protected notifications!: Notifications;
  @consume({ context: settingsContext }) protected settings!: SettingsService;
  @consume({ context: workbenchContext }) protected workbench!: WorkbenchService;

  /** The user's language picks one of the two texts; zh-CN is the shop's default. */
  protected t(zh: string, en: string): string {
    return this.i18n?.locale === 'en' ? en : zh;
  }

  protected get en(): boolean {
    return this.i18n?.locale === 'en';
  }
}
