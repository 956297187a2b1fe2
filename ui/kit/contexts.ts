import { createContext } from '@lit/context';
import type { ApiClient } from './api-client.js';
import type { Commands } from './commands.js';
import type { I18n } from './i18n.js';
import type { Notifications } from './notifications.js';
import type { SettingsService } from './settings-service.js';
import type { WorkbenchService } from './workbench-service.js';

/**
 * The workbench services, provided by the shell at its root and consumed by any element below it
 * (plugin panels included) with `@consume({ context: apiContext })`, or simply by extending
 * `WbElement`, which consumes them all.
 */
export const apiContext = createContext<ApiClient>('wb-api');
export const i18nContext = createContext<I18n>('wb-i18n');
export const commandsContext = createContext<Commands>('wb-commands');
export const notificationsContext = createContext<Notifications>('wb-notifications');
export const settingsContext = createContext<SettingsService>('wb-settings');
export const workbenchContext = createContext<WorkbenchService>('wb-workbench');
