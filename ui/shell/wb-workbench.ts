import { provide } from '@lit/context';
import { html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { workbenchContext } from '../kit/contexts.js';
import type { Disposable } from '../kit/disposable.js';
import { keybindingOf } from '../kit/keybinding.js';
import type { CurrentUser, EditorInput, WorkbenchService } from '../kit/workbench-service.js';
import { WbElement } from '../kit/wb-element.js';
import '../kit/wb-print-view.js';
import '../pages/wb-audit-page.js';
import '../pages/wb-home-page.js';
import '../pages/wb-plugins-page.js';
import '../pages/wb-settings-page.js';
import '../pages/wb-users-page.js';
import type { PluginContributions, PluginState, PluginWarning } from './contributions.js';
import { clamp, loadLayout, saveLayout, type LayoutState, type TabState } from './layout-state.js';
import { PluginLoader } from './plugin-loader.js';
import { loaderContext } from './shell-contexts.js';
import { registerShellCommands } from './shell-commands.js';
import { workbenchStyles } from './workbench-styles.js';
import type { WbCommandPalette } from './wb-command-palette.js';
import './wb-activity-bar.js';
import './wb-bottom-panel.js';
import './wb-command-palette.js';
import './wb-editor-area.js';
import './wb-manage-view.js';
import './wb-plugin-slot.js';
import './wb-status-bar.js';

/**
 * The workbench after login, laid out like VS Code: activity bar, side bar, editor tabs, bottom
 * panel, status bar. It implements the WorkbenchService plugins use to open tabs, and keeps the
 * layout (sizes, open tabs) across reloads.
 * @fires logged-out
 */
@customElement('wb-workbench')
export class WbWorkbench extends WbElement {
  static override styles = workbenchStyles;

  @property({ attribute: false }) user!: CurrentUser;
  @property() shopName = '';
  @state() private plugins: PluginContributions[] = [];
  @state() private states: PluginState[] = [];
  @state() private warnings: PluginWarning[] = [];
  @state() private roleNames: Record<string, string> = {};
  @state() private layout!: LayoutState;
  @query('wb-command-palette') private palette!: WbCommandPalette;

  @provide({ context: workbenchContext }) service!: WorkbenchService;
  @provide({ context: loaderContext }) loader = new PluginLoader(
    () => this.plugins,
    (plugin, subscriptions) => ({ plugin, api: this.api, i18n: this.i18n, commands: this.commands, notifications: this.notifications, workbench: this.service, subscriptions }),
  );
  private readonly disposables: Disposable[] = [];
  /** Commands declared for the running plugins; declared again when the set of plugins changes. */
  private pluginCommands: Disposable[] = [];
  private events?: EventSource;

  override connectedCallback(): void {
    this.layout = loadLayout(this.user.id);
    const can = (permission: string) => this.user.permissions.includes('*') || this.user.permissions.includes(permission);
    this.service = {
      user: this.user,
      can,
      openEditor: (input) => this.openEditor(input),
      replaceEditor: (current, next) => this.replaceEditor(current, next),
      showView: ({ plugin, view }) => {
        const id = `${plugin}:${view}`;
        if (this.viewItems().some((v) => v.id === id)) this.setLayout({ view: id, sidebarVisible: true });
      },
      print: (plugin, printable, query, title) =>
        this.openTab({ key: `print:${plugin}:${printable}:${new URLSearchParams(query).toString()}`, kind: 'print', plugin, printable, query, title: title ?? printable }),
    };
    super.connectedCallback();
    this.disposables.push(registerShellCommands(this.commands, this.i18n, this.shellActions()));
    window.addEventListener('keydown', this.onKeyDown, true);
    void this.loadContributions();
    this.listenForPluginChanges();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.events?.close();
    for (const d of this.pluginCommands.splice(0)) d.dispose();
    window.removeEventListener('keydown', this.onKeyDown, true);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.loader.dispose();
  }

  private shellActions() {
    return {
      showPalette: (mode: 'commands' | 'records') => this.palette.show(mode),
      openPage: (page: NonNullable<TabState['page']>) => this.openTab({ key: `page:${page}`, kind: 'page', page, title: this.i18n.t(`page.${page}`) }),
      can: (p: string) => this.service.can(p),
      toggleSidebar: () => this.setLayout({ sidebarVisible: !this.layout.sidebarVisible }),
      togglePanel: () => this.setLayout({ panelVisible: !this.layout.panelVisible }),
      closeActiveTab: () => this.layout.activeTab && this.closeTab(this.layout.activeTab),
      logout: async () => {
        await this.api.post('/auth/logout');
        this.dispatchEvent(new CustomEvent('logged-out', { bubbles: true, composed: true }));
      },
      setLocale: async (locale: 'zh-CN' | 'en') => {
        await this.api.patch('/auth/me', { locale });
        localStorage.setItem('wb-locale', locale);
        location.reload();
      },
    };
  }

  /**
   * The server tells every open workbench when plugins are switched off or on; the shell then
   * reloads its contributions in place. After a reconnect (the server restarted) it reloads too.
   */
  private listenForPluginChanges(): void {
    const source = new EventSource(this.api.url('/workbench/events'));
    let connected = false;
    source.addEventListener('ready', () => {
      if (connected) void this.loadContributions(true);
      connected = true;
    });
    source.addEventListener('plugins', () => void this.loadContributions(true));
    this.events = source;
  }

  private async loadContributions(refresh = false): Promise<void> {
    try {
      const [contributions, states] = await Promise.all([
        this.api.get<{ plugins: PluginContributions[] }>('/workbench/contributions'),
        this.api.get<{ items: PluginState[]; warnings: PluginWarning[] }>('/plugins'),
      ]);
      const running = new Set(contributions.plugins.map((p) => p.id));
      // A plugin switched off takes its UI registrations with it; switched on, it activates afresh.
      for (const p of this.plugins) if (!running.has(p.id) || p.ui !== contributions.plugins.find((c) => c.id === p.id)?.ui) this.loader.unload(p.id);
      for (const d of this.pluginCommands.splice(0)) d.dispose();
      this.plugins = contributions.plugins;
      this.states = states.items;
      this.warnings = states.warnings;
      for (const p of this.plugins) {
        for (const c of p.commands) this.pluginCommands.push(this.commands.declare({ ...c, category: p.name, plugin: p.id }));
      }
      const views = this.viewItems();
      if (this.layout.view !== 'manage' && !views.some((v) => v.id === this.layout.view)) this.setLayout({ view: views[0]?.id ?? 'manage' });
      if (refresh) {
        this.dispatchEvent(new CustomEvent('plugins-changed', { bubbles: true, composed: true }));
        return;
      }
      if (!this.layout.tabs.length) this.shellActions().openPage('home');
      if (this.service.can('core.users.manage')) {
        const roles = await this.api.get<{ items: { id: string; name: string | Record<string, string> }[] }>('/roles');
        this.roleNames = Object.fromEntries(roles.items.map((r) => [r.id, this.i18n.text(r.name)]));
      }
      const failed = states.items.filter((p) => p.state === 'failed').length;
      if (failed) this.notifications.notify('warning', this.i18n.t('shell.pluginsFailed', { count: failed }));
    } catch (error) {
      this.notifications.error(error);
    }
  }

  private viewItems() {
    return this.plugins.flatMap((p) => p.views.map((v) => ({ id: `${p.id}:${v.id}`, title: this.i18n.text(v.title), icon: v.icon, plugin: p.id, element: v.element })));
  }

  private setLayout(patch: Partial<LayoutState>): void {
    this.layout = { ...this.layout, ...patch };
    saveLayout(this.user.id, this.layout);
  }

  private openTab(tab: TabState): void {
    const tabs = this.layout.tabs.some((t) => t.key === tab.key) ? this.layout.tabs : [...this.layout.tabs, tab];
    this.setLayout({ tabs, activeTab: tab.key });
  }

  private openEditor(input: EditorInput): void {
    const plugin = this.plugins.find((p) => p.editors.some((e) => e.opens === input.opens));
    if (!plugin) {
      this.notifications.notify('warning', this.i18n.t('editor.missing', { opens: input.opens }));
      return;
    }
    this.openTab({ key: `editor:${input.opens}:${input.id}`, kind: 'editor', plugin: plugin.id, opens: input.opens, id: input.id, title: input.title ?? `${input.opens} ${input.id}` });
  }

  private replaceEditor(current: { opens: string; id: string }, next: EditorInput): void {
    const from = `editor:${current.opens}:${current.id}`;
    const to = `editor:${next.opens}:${next.id}`;
    const index = this.layout.tabs.findIndex((t) => t.key === from);
    if (index < 0) return this.openEditor(next);
    const front = this.layout.activeTab === from;
    if (from !== to && this.layout.tabs.some((t) => t.key === to)) {
      this.setLayout({ tabs: this.layout.tabs.filter((t) => t.key !== from), activeTab: front ? to : this.layout.activeTab });
      return;
    }
    const tabs = [...this.layout.tabs];
    const old = tabs[index]!;
    tabs[index] = { ...old, key: to, opens: next.opens, id: next.id, title: next.title ?? old.title };
    this.setLayout({ tabs, activeTab: front ? to : this.layout.activeTab });
  }

  private closeTab(key: string): void {
    const index = this.layout.tabs.findIndex((t) => t.key === key);
    const tabs = this.layout.tabs.filter((t) => t.key !== key);
    const activeTab = this.layout.activeTab === key ? (tabs[Math.min(index, tabs.length - 1)]?.key ?? null) : this.layout.activeTab;
    this.setLayout({ tabs, activeTab });
  }

  private moveTab(key: string, to: number): void {
    const tabs = this.layout.tabs.filter((t) => t.key !== key);
    tabs.splice(to, 0, this.layout.tabs.find((t) => t.key === key)!);
    this.setLayout({ tabs });
  }

  private readonly onKeyDown = (event: KeyboardEvent) => {
    const pressed = keybindingOf(event);
    if (pressed === 'ctrl+shift+p' || pressed === 'f1') this.palette.show('commands');
    else if (pressed === 'ctrl+p') this.palette.show('records');
    else if (this.palette?.isOpen) return;
    else {
      const command = this.commands.forKey(event);
      if (!command) return;
      void this.commands.run(command.id).catch((error: unknown) => this.notifications.error(error));
    }
    event.preventDefault();
    event.stopPropagation();
  };

  override render() {
    if (!this.layout) return nothing;
    const views = this.viewItems();
    const t = (k: string) => this.i18n.t(k);
    const current = views.find((v) => v.id === this.layout.view);
    const sidebar = this.layout.sidebarVisible;
    return html`<div class="main">
        <wb-activity-bar .items=${views} .bottom=${[{ id: 'manage', title: t('shell.manage'), icon: 'gear' }]} selected=${(sidebar && this.layout.view) || ''} label=${t('shell.activityBar')}
          @view-select=${(e: CustomEvent<{ id: string }>) => this.setLayout(this.layout.view === e.detail.id && sidebar ? { sidebarVisible: false } : { view: e.detail.id, sidebarVisible: true })}></wb-activity-bar>
        ${sidebar
          ? html`<aside class="sidebar" aria-label=${current?.title ?? t('shell.manage')}>
                <h2>${current?.title ?? t('shell.manage')}</h2>
                <div class="view">${current ? html`<wb-plugin-slot plugin=${current.plugin} element=${current.element}></wb-plugin-slot>` : html`<wb-manage-view @open-page=${(e: CustomEvent<{ page: NonNullable<TabState['page']> }>) => this.shellActions().openPage(e.detail.page)}></wb-manage-view>`}</div>
              </aside>
              <div class="sash vertical" role="separator" aria-orientation="vertical" aria-label=${t('shell.resizeSidebar')} tabindex="0" aria-valuenow=${this.layout.sidebarWidth}
                @pointerdown=${(e: PointerEvent) => this.drag(e, 'sidebar')} @keydown=${(e: KeyboardEvent) => this.nudge(e, 'sidebar')}></div>`
          : nothing}
        <div class="center">
          <wb-editor-area .tabs=${this.layout.tabs} active=${this.layout.activeTab ?? ''} .renderTab=${(tab: TabState) => this.renderTab(tab)}
            emptyText=${t('shell.empty')} closeLabel=${t('shell.closeTab')} label=${t('shell.editors')}
            @tab-select=${(e: CustomEvent<{ key: string }>) => this.setLayout({ activeTab: e.detail.key })}
            @tab-close=${(e: CustomEvent<{ key: string }>) => this.closeTab(e.detail.key)}
            @tab-move=${(e: CustomEvent<{ key: string; to: number }>) => this.moveTab(e.detail.key, e.detail.to)}></wb-editor-area>
          ${this.layout.panelVisible
            ? html`<div class="sash horizontal" role="separator" aria-orientation="horizontal" aria-label=${t('shell.resizePanel')} tabindex="0" aria-valuenow=${this.layout.panelHeight}
                  @pointerdown=${(e: PointerEvent) => this.drag(e, 'panel')} @keydown=${(e: KeyboardEvent) => this.nudge(e, 'panel')}></div>
                <wb-bottom-panel aria-label=${t('panel.label')} role="region" tab=${this.layout.panelTab} .plugins=${this.states} .warnings=${this.warnings}
                  @panel-tab=${(e: CustomEvent<{ tab: LayoutState['panelTab'] }>) => this.setLayout({ panelTab: e.detail.tab })}></wb-bottom-panel>`
            : nothing}
        </div>
      </div>
      <wb-status-bar .plugins=${this.plugins} .states=${this.states} .warnings=${this.warnings} .roleNames=${this.roleNames} @toggle-panel=${() => this.setLayout({ panelVisible: !this.layout.panelVisible, panelTab: 'problems' })}></wb-status-bar>
      <wb-command-palette></wb-command-palette>`;
  }

  protected override updated(): void {
    // Sizes go through CSS custom properties (CSSOM), which the strict CSP allows.
    this.style.setProperty('--sidebar-width', `${this.layout.sidebarWidth}px`);
    this.style.setProperty('--panel-height', `${this.layout.panelHeight}px`);
  }

  private renderTab(tab: TabState) {
    if (tab.kind === 'page') {
      switch (tab.page) {
        case 'settings': return html`<wb-settings-page></wb-settings-page>`;
        case 'plugins': return html`<wb-plugins-page></wb-plugins-page>`;
        case 'users': return html`<wb-users-page></wb-users-page>`;
        case 'audit': return html`<wb-audit-page></wb-audit-page>`;
        default: return html`<wb-home-page .plugins=${this.plugins} shopName=${this.shopName}></wb-home-page>`;
      }
    }
    if (tab.kind === 'print') {
      return html`<wb-print-view src=${`/${tab.plugin}/printables/${tab.printable}?${new URLSearchParams(tab.query ?? {}).toString()}`} heading=${tab.title}></wb-print-view>`;
    }
    const owner = this.plugins.find((p) => p.id === tab.plugin);
    if (!owner) return html`<p class="muted" role="status">${this.i18n.t('editor.pluginOff', { plugin: this.states.find((s) => s.id === tab.plugin)?.name ?? tab.plugin ?? '' })}</p>`;
    const editor = owner.editors.find((e) => e.opens === tab.opens);
    if (!editor) return html`<p class="muted">${this.i18n.t('editor.missing', { opens: tab.opens ?? '' })}</p>`;
    return html`<wb-plugin-slot plugin=${tab.plugin!} element=${editor.element} .props=${{ recordId: tab.id }}></wb-plugin-slot>`;
  }

  private drag(event: PointerEvent, what: 'sidebar' | 'panel') {
    const sash = event.currentTarget as HTMLElement;
    sash.setPointerCapture(event.pointerId);
    const start = what === 'sidebar' ? this.layout.sidebarWidth : this.layout.panelHeight;
    const origin = what === 'sidebar' ? event.clientX : event.clientY;
    const move = (e: PointerEvent) => {
      const size = what === 'sidebar' ? clamp(start + e.clientX - origin, 160, 800) : clamp(start - (e.clientY - origin), 80, innerHeight - 160);
      this.setLayout(what === 'sidebar' ? { sidebarWidth: size } : { panelHeight: size });
    };
    sash.addEventListener('pointermove', move);
    sash.addEventListener('pointerup', () => sash.removeEventListener('pointermove', move), { once: true });
  }

  private nudge(event: KeyboardEvent, what: 'sidebar' | 'panel') {
    const step = event.shiftKey ? 50 : 10;
    const delta = { ArrowLeft: -step, ArrowRight: step, ArrowUp: step, ArrowDown: -step }[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    if (what === 'sidebar') this.setLayout({ sidebarWidth: clamp(this.layout.sidebarWidth + delta, 160, 800) });
    else this.setLayout({ panelHeight: clamp(this.layout.panelHeight + delta, 80, innerHeight - 160) });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-workbench': WbWorkbench;
  }
}
