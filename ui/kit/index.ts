/**
 * `@workbench/ui`: what a plugin's browser code builds on. The shell serves this module once, as
 * `/ui/kit.js`; a plugin's `import … from 'lit'`, `'lit/decorators.js'`, `'@lit/context'` and
 * `'@workbench/ui'` all resolve to it, so the whole workbench shares one Lit.
 *
 * @example
 * import { html } from 'lit';
 * import { customElement } from 'lit/decorators.js';
 * import { WbElement, type PluginUiContext } from '@workbench/ui';
 */
export * from 'lit';
export * from 'lit/decorators.js';
export { classMap } from 'lit/directives/class-map.js';
export { styleMap } from 'lit/directives/style-map.js';
export { repeat } from 'lit/directives/repeat.js';
export { ifDefined } from 'lit/directives/if-defined.js';
export { live } from 'lit/directives/live.js';
export { when } from 'lit/directives/when.js';
export { until } from 'lit/directives/until.js';
export * from '@lit/context';

export { ApiClient, type Query } from './api-client.js';
export { ApiError, type FieldProblem, type Problem } from './api-error.js';
export { ChangeBus, changes, type ChangeTopic } from './changes.js';
export { type ComboboxChoice, type ComboboxOption, type ComboboxSearch } from './combobox-search.js';
export { Commands, type CommandHandler, type CommandInfo } from './commands.js';
export { apiContext, commandsContext, i18nContext, notificationsContext, settingsContext, workbenchContext } from './contexts.js';
export { Emitter, toDisposable, type Disposable } from './disposable.js';
export { EDITOR_DIRTY, EDITOR_FILTERS, reportDirty, reportFilters } from './editor-state.js';
export { formatDate, formatDateTime, formatMoney, SHOP_TIME_ZONE, type DateFormatOptions } from './format.js';
export { fileButtonStyles, ImportUploadElement, type RejectedRow } from './import-upload-element.js';
export { WbColumnMapping, isColumnsUnmapped, type ColumnsUnmappedProblem, type UnmappedField, type UnmappedFile } from './wb-column-mapping.js';
export { I18n, LOCALES, type Locale, type LocalizedText, type Messages } from './i18n.js';
export { formatKeybinding } from './keybinding.js';
export { fenToYuan, parseYuan, yuan, yuanToFen, type MoneyProblem } from './money.js';
export { Notifications, type Notification, type NotificationKind, type Progress } from './notifications.js';
export { PanelWidth } from './panel-width.js';
export { loadPinyin, type Spell } from './pinyin.js';
export type { PluginUiContext } from './plugin-ui-context.js';
export { ReloadOnChange, type ReloadOnChangeOptions } from './reload-on-change.js';
export { RovingFocus } from './roving-focus.js';
export { SettingsService, type JsonSchema, type PluginSettings } from './settings-service.js';
export { fromLocalInput, localInputIn, shopDay, toLocalInput, zoneOffset } from './shop-time.js';
export { controlStyles, listPanelStyles, panelStyles } from './styles.js';
export type { CurrentUser, EditorInput, WorkbenchService } from './workbench-service.js';
export { WbElement } from './wb-element.js';
export { WbChart } from './wb-chart.js';
export { WbCombobox } from './wb-combobox.js';
export { WbDataTable, type BulkAction, type Column, type Page, type TableQuery } from './wb-data-table.js';
export { WbDialog, confirmDialog, type ConfirmOptions } from './wb-dialog.js';
export { WbPatternTester, type NamedPattern } from './wb-pattern-tester.js';
export { WbPrintView } from './wb-print-view.js';
export { WbProgress } from './wb-progress.js';
export { WbSchemaForm } from './wb-schema-form.js';
export { WbTabs, type TabItem } from './wb-tabs.js';
export { WbToasts } from './wb-toasts.js';
export { WbToolbar } from './wb-toolbar.js';
