import type { Commands } from '../kit/commands.js';
import type { Disposable } from '../kit/disposable.js';
import type { I18n } from '../kit/i18n.js';
import { applyTheme, effectiveTheme } from './theme.js';
import type { TabState } from './layout-state.js';

export interface ShellActions {
  showPalette(mode: 'commands' | 'records'): void;
  openPage(page: NonNullable<TabState['page']>): void;
  can(permission: string): boolean;
  toggleSidebar(): void;
  togglePanel(): void;
  closeActiveTab(): void;
  logout(): Promise<void>;
  setLocale(locale: 'zh-CN' | 'en'): Promise<void>;
}

/** The shell's own commands, in the palette beside the plugins'. Pages a user may not open are left out. */
export function registerShellCommands(commands: Commands, i18n: I18n, a: ShellActions): Disposable {
  const category = i18n.t('cmd.category');
  const list: { id: string; key: string; run: () => unknown; keybinding?: string; permission?: string }[] = [
    { id: 'workbench.showCommands', key: 'cmd.showCommands', keybinding: 'ctrl+shift+p', run: () => a.showPalette('commands') },
    { id: 'workbench.quickOpen', key: 'cmd.quickOpen', keybinding: 'ctrl+p', run: () => a.showPalette('records') },
    { id: 'workbench.openHome', key: 'cmd.openHome', run: () => a.openPage('home') },
    { id: 'workbench.openSettings', key: 'cmd.openSettings', keybinding: 'ctrl+,', permission: 'core.settings.read', run: () => a.openPage('settings') },
    { id: 'workbench.openPlugins', key: 'cmd.openPlugins', run: () => a.openPage('plugins') },
    { id: 'workbench.openUsers', key: 'cmd.openUsers', permission: 'core.users.manage', run: () => a.openPage('users') },
    { id: 'workbench.openAudit', key: 'cmd.openAudit', permission: 'core.audit.read', run: () => a.openPage('audit') },
    { id: 'workbench.toggleSidebar', key: 'cmd.toggleSidebar', keybinding: 'ctrl+b', run: () => a.toggleSidebar() },
    { id: 'workbench.togglePanel', key: 'cmd.togglePanel', keybinding: 'ctrl+j', run: () => a.togglePanel() },
    { id: 'workbench.closeTab', key: 'cmd.closeTab', keybinding: 'alt+w', run: () => a.closeActiveTab() },
    { id: 'workbench.toggleTheme', key: 'cmd.toggleTheme', keybinding: 'ctrl+alt+t', run: () => applyTheme(effectiveTheme() === 'dark' ? 'light' : 'dark') },
    { id: 'workbench.themeSystem', key: 'cmd.themeSystem', run: () => applyTheme('system') },
    { id: 'workbench.switchLanguage', key: 'cmd.switchLanguage', run: () => a.setLocale(i18n.locale === 'en' ? 'zh-CN' : 'en') },
    { id: 'workbench.logout', key: 'cmd.logout', run: () => a.logout() },
  ];
  const disposables = list
    .filter((c) => !c.permission || a.can(c.permission))
    .flatMap((c) => [commands.declare({ id: c.id, title: i18n.t(c.key), category, keybinding: c.keybinding }), commands.register(c.id, c.run)]);
  return { dispose: () => disposables.forEach((d) => d.dispose()) };
}
