import { provide } from '@lit/context';
import { html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { workbenchContext } from '../kit/contexts.js';
import type { Disposable } from '../kit/disposable.js';
import { keybindingOf } from '../kit/keybinding.js';
import type { CurrentUser, EditorInput, WorkbenchService } from '../kit/workbench-service.js';
import { WbElement } from '../kit/wb-element.js';
import { confirmDialog } from '../kit/wb-dialog.js';
import '../kit/wb-print-view.js';
import '../pages/wb-audit-page.js';
import '../pages/wb-home-page.js';
import '../pages/wb-plugins-page.js';
import '../pages/wb-settings-page.js';
import '../pages/wb-users-page.js';
import type { PluginContributions, PluginState, PluginWarning } from './contributions.js';
import { clamp, loadLayout, type LayoutState, type TabState } from './layout-state.js';
import { PluginLoader } from './plugin-loader.js';
import { loaderContext } from './shell-contexts.js';
import { loadSearches, saveSearches, type SavedSearch } from './saved-searches.js';
import { registerShellCommands } from './shell-commands.js';
import { TabController } from './tab-controller.js';
import { editorTab, PAGES, pageTab, printTab, viewTab } from './tab-routes.js';
import type { Place } from './wb-command-palette.js';
import { workbenchStyles } from './workbench-styles.js';
import type { WbCommandPalette } from './wb-command-palette.js';
import './wb-activity-bar.js';
import './wb-bottom-panel.js';
import './wb-command-palette.js';
import './wb-editor-area.js';
import './wb-manage-view.js';
import './wb-plugin-slot.js';
import './wb-status-bar.js';
import './wb-work-lists.js';

/**
 * The workbench after login, laid out like VS Code: activity bar, side bar, editor tabs, bottom
 * panel, status bar. It implements the WorkbenchService plugins use to open tabs, and keeps the
 * layout (sizes, open tabs) across reloads. Work lists (views placed in the editor area) open as
 * tabs; the side bar then lists them with their saved searches. Every tab has its own URL
 * (`tab-routes.ts`): `TabController` keeps the address bar on the tab in front, and back/forward
 * and links open tabs.
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
  @state() private dirty: ReadonlySet<string> = new Set();
  @state() private searches: SavedSearch[] = [];
  @query('wb-command-palette') private palette!: WbCommandPalette;

  @provide({ context: workbenchContext }) service!: WorkbenchService;
  @provide({ context: loaderContext }) loader = new PluginLoader(
    () => this.plugins,
    (plugin, subscriptions) => ({ plugin, api: this.api, i18n: this.i18n, commands: this.commands, notifications: this.notifications, workbench: this.service, subscriptions }),
  );
  private readonly tabs = new TabController(this, {
    userId: () => this.user.id,
    layout: () => this.layout,
    setLayout: (layout) => (this.layout = layout),
    plugins: () => this.plugins,
    titled: (tab) => (tab.kind === 'page' ? { ...tab, title: this.i18n.t(`page.${tab.page}`) } : tab),
  });
  private readonly disposables: Disposable[] = [];
  /** Commands declared for the running plugins; declared again when the set of plugins changes. */
  private pluginCommands: Disposable[] = [];
  private events?: EventSource;

  override connectedCallback(): void {
    this.layout = loadLayout(this.user.id);
    this.searches = loadSearches(this.user.id);
    const can = (permission: string) => this.user.permissions.includes('*') || this.user.permissions.includes(permission);
    this.service = {
      user: this.user,
      can,
      openEditor: (input) => this.openEditor(input),
      replaceEditor: (current, next) => this.replaceEditor(current, next),
      showView: ({ plugin, view }) => this.showView(`${plugin}:${view}`),
      print: (plugin, printable, query, title) =>
        this.tabs.open(printTab(plugin, printable, query, title ?? this.plugins.find((p) => p.id === plugin)?.printables.find((p) => p.id === printable)?.title ?? printable)),
    };
    super.connectedCallback();
    this.disposables.push(registerShellCommands(this.commands, this.i18n, this.shellActions()));
    window.addEventListener('keydown', this.onKeyDown, true);
    window.addEventListener('beforeunload', this.onBeforeUnload);
    void this.loadContributions();
    this.listenForPluginChanges();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.events?.close();
    for (const d of this.pluginCommands.splice(0)) d.dispose();
    window.removeEventListener('keydown', this.onKeyDown, true);
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.loader.dispose();
  }

  private shellActions() {
    return {
      showPalette: (mode: 'commands' | 'records') => this.palette.show(mode),
      openPage: (page: NonNullable<TabState['page']>) => this.tabs.open(pageTab(page)),
      can: (p: string) => this.service.can(p),
      toggleSidebar: () => this.tabs.setLayout({ sidebarVisible: !this.layout.sidebarVisible }),
      togglePanel: () => this.tabs.setLayout({ panelVisible: !this.layout.panelVisible }),
      closeActiveTab: () => this.layout.activeTab && void this.closeTab(this.layout.activeTab),
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
      if (this.layout.view !== 'manage' && !views.some((v) => v.id === this.layout.view)) this.tabs.setLayout({ view: views[0]?.id ?? 'manage' }, 'none');
      if (refresh) {
        this.dispatchEvent(new CustomEvent('plugins-changed', { bubbles: true, composed: true }));
        return;
      }
      this.arrive();
      this.roleNames = Object.fromEntries(Object.entries(this.user.roleNames ?? {}).map(([id, name]) => [id, this.i18n.text(name)]));
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
    return this.plugins.flatMap((p) =>
      p.views.map((v) => ({ id: `${p.id}:${v.id}`, view: v.id, title: this.i18n.text(v.title), icon: v.icon, plugin: p.id, element: v.element, editor: v.placement === 'editor', landing: v.landing ?? [] })),
    );
  }

  /**
   * Where the user starts: the tab a link names (also after logging in from it), else the tabs
   * left open last time, else — for staff whose roles all land on some views, such as the
   * warehouse on the stations — those views, else the home page.
   */
  private arrive(): void {
    const linked = this.tabs.linked();
    if (linked) this.tabs.open(linked, 'replace');
    else if (location.pathname !== '/') {
      this.notifications.notify('warning', this.i18n.t('route.unknown', { path: location.pathname }));
      this.tabs.setLayout({});
    } else if (!this.layout.tabs.length) {
      const roles = this.user.roles;
      const landing = roles.length ? this.viewItems().filter((v) => v.editor && roles.every((r) => v.landing.includes(r))) : [];
      if (landing.length) {
        for (const v of landing) this.tabs.open(viewTab(v.plugin, v.view, v.title), 'replace');
        this.tabs.setLayout({ activeTab: `view:${landing[0]!.id}`, view: landing[0]!.id, sidebarVisible: true }, 'replace');
      } else this.tabs.open(pageTab('home'), 'replace');
    } else this.tabs.setLayout({}, 'replace');
  }

  /** Shows a view: in the side bar, or — for a work list — as a tab with the side bar beside it. */
  private showView(id: string, query?: Record<string, string>): void {
    const item = this.viewItems().find((v) => v.id === id);
    if (!item) return;
    if (!item.editor) return this.tabs.setLayout({ view: id, sidebarVisible: true });
    const tab = viewTab(item.plugin, item.view, item.title, query);
    const open = this.layout.tabs.find((t) => t.key === tab.key);
    const tabs = !open ? [...this.layout.tabs, tab] : query ? this.layout.tabs.map((t) => (t.key === tab.key ? { ...t, query } : t)) : this.layout.tabs;
    this.tabs.setLayout({ tabs, activeTab: tab.key, view: id, sidebarVisible: true });
  }

  /** The title of a tab in the UI language: pages' and work lists' from the shell, records' as the editor named them. */
  private titleOf(tab: TabState): string {
    if (tab.kind === 'page') return this.i18n.t(`page.${tab.page ?? 'home'}`);
    if (tab.kind === 'view') return this.viewItems().find((v) => v.id === `${tab.plugin}:${tab.view}`)?.title ?? this.i18n.text(tab.title);
    return this.i18n.text(tab.title);
  }

  private readonly onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (this.dirty.size) event.preventDefault();
  };

  private setDirty(key: string, dirty: boolean): void {
    if (this.dirty.has(key) === dirty) return;
    const next = new Set(this.dirty);
    if (dirty) next.add(key);
    else next.delete(key);
    this.dirty = next;
  }

  /** Quick open's places: the work lists, stations, side-bar panels and pages this user may open. */
  private places(): Place[] {
    const lists = this.viewItems().map((v) => ({ title: v.title, detail: this.i18n.text(this.plugins.find((p) => p.id === v.plugin)?.name), open: () => this.showView(v.id) }));
    const pages = PAGES
      .filter((p) => p !== 'settings' || this.service.can('core.settings.read'))
      .filter((p) => p !== 'users' || this.service.can('core.users.manage'))
      .filter((p) => p !== 'audit' || this.service.can('core.audit.read'))
      .map((page) => ({ title: this.i18n.t(`page.${page}`), detail: this.i18n.t('shell.manage'), open: () => this.shellActions().openPage(page) }));
    return [...lists, ...pages];
  }

  private saveSearch(view: string, name: string): void {
    const [plugin, id] = view.includes(':') ? view.split(':') as [string, string] : [this.layout.view?.split(':')[0] ?? '', view];
    const tab = this.layout.tabs.find((t) => t.key === `view:${plugin}:${id}`);
    if (!tab?.query) return;
    this.searches = [...this.searches.filter((s) => !(s.plugin === plugin && s.view === id && s.name === name)), { id: `${Date.now()}`, plugin, view: id, name, query: tab.query }];
    saveSearches(this.user.id, this.searches);
  }

  private deleteSearch(id: string): void {
    this.searches = this.searches.filter((s) => s.id !== id);
    saveSearches(this.user.id, this.searches);
  }

  private openEditor(input: EditorInput): void {
    const plugin = this.plugins.find((p) => p.editors.some((e) => e.opens === input.opens));
    if (!plugin) {
      this.notifications.notify('warning', this.i18n.t('editor.missing', { opens: input.opens }));
      return;
    }
    const editor = plugin.editors.find((e) => e.opens === input.opens)!;
    this.tabs.open(editorTab(plugin.id, editor, input.id, input.titles ?? input.title));
  }

  private replaceEditor(current: { opens: string; id: string }, next: EditorInput): void {
    const from = `editor:${current.opens}:${current.id}`;
    const to = `editor:${next.opens}:${next.id}`;
    const index = this.layout.tabs.findIndex((t) => t.key === from);
    if (index < 0) return this.openEditor(next);
    const front = this.layout.activeTab === from;
    if (from !== to && this.layout.tabs.some((t) => t.key === to)) {
      this.tabs.setLayout({ tabs: this.layout.tabs.filter((t) => t.key !== from), activeTab: front ? to : this.layout.activeTab });
      return;
    }
    const tabs = [...this.layout.tabs];
    const old = tabs[index]!;
    tabs[index] = { ...old, key: to, opens: next.opens, id: next.id, title: next.titles ?? next.title ?? old.title };
    this.tabs.setLayout({ tabs, activeTab: front ? to : this.layout.activeTab });
  }

  /** Closes a tab; one whose editor holds unsaved changes asks first. */
  private async closeTab(key: string): Promise<void> {
    const tab = this.layout.tabs.find((t) => t.key === key);
    if (!tab) return;
    if (this.dirty.has(key)) {
      const title = this.titleOf(tab);
      const close = await confirmDialog(this, { heading: this.i18n.t('shell.unsavedHeading'), message: this.i18n.t('shell.unsavedMessage', { title }), confirmLabel: this.i18n.t('shell.closeAnyway'), cancelLabel: this.i18n.t('shell.keepEditing'), danger: true });
      if (!close) return;
      this.setDirty(key, false);
    }
    this.tabs.close(key);
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
    const heading = current ? (current.editor ? this.i18n.text(this.plugins.find((p) => p.id === current.plugin)?.name) : current.title) : t('shell.manage');
    return html`<div class="main">
        <wb-activity-bar .items=${views} .bottom=${[{ id: 'manage', title: t('shell.manage'), icon: 'gear' }]} selected=${(sidebar && (!current?.editor || this.layout.activeTab === `view:${current.id}`) && this.layout.view) || ''} label=${t('shell.activityBar')}
          @view-select=${(e: CustomEvent<{ id: string }>) => this.onActivity(e.detail.id)}></wb-activity-bar>
        ${sidebar
          ? html`<aside class="sidebar" aria-label=${heading}>
                <h2>${heading}</h2>
                <div class="view">${current ? (current.editor ? this.renderWorkLists(current.plugin) : html`<wb-plugin-slot plugin=${current.plugin} element=${current.element}></wb-plugin-slot>`) : html`<wb-manage-view @open-page=${(e: CustomEvent<{ page: NonNullable<TabState['page']> }>) => this.shellActions().openPage(e.detail.page)}></wb-manage-view>`}</div>
              </aside>
              <div class="sash vertical" role="separator" aria-orientation="vertical" aria-label=${t('shell.resizeSidebar')} tabindex="0" aria-valuenow=${this.layout.sidebarWidth}
                @pointerdown=${(e: PointerEvent) => this.drag(e, 'sidebar')} @keydown=${(e: KeyboardEvent) => this.nudge(e, 'sidebar')}></div>`
          : nothing}
        <div class="center">
          <wb-editor-area .tabs=${this.layout.tabs} active=${this.layout.activeTab ?? ''} .renderTab=${(tab: TabState) => this.renderTab(tab)} .titleOf=${(tab: TabState) => this.titleOf(tab)} .dirty=${this.dirty}
            emptyText=${t('shell.empty')} closeLabel=${t('shell.closeTab')} label=${t('shell.editors')} moreLabel=${t('shell.moreTabs')}
            @tab-select=${(e: CustomEvent<{ key: string }>) => this.tabs.select(e.detail.key)}
            @tab-close=${(e: CustomEvent<{ key: string }>) => void this.closeTab(e.detail.key)}
            @tab-dirty=${(e: CustomEvent<{ key: string; dirty: boolean }>) => this.setDirty(e.detail.key, e.detail.dirty)}
            @tab-filters=${(e: CustomEvent<{ key: string; filters: Record<string, string> }>) => this.tabs.setFilters(e.detail.key, e.detail.filters)}
            @tab-move=${(e: CustomEvent<{ key: string; to: number }>) => this.tabs.move(e.detail.key, e.detail.to)}></wb-editor-area>
          ${this.layout.panelVisible
            ? html`<div class="sash horizontal" role="separator" aria-orientation="horizontal" aria-label=${t('shell.resizePanel')} tabindex="0" aria-valuenow=${this.layout.panelHeight}
                  @pointerdown=${(e: PointerEvent) => this.drag(e, 'panel')} @keydown=${(e: KeyboardEvent) => this.nudge(e, 'panel')}></div>
                <wb-bottom-panel aria-label=${t('panel.label')} role="region" tab=${this.layout.panelTab} .plugins=${this.states} .warnings=${this.warnings}
                  @panel-tab=${(e: CustomEvent<{ tab: LayoutState['panelTab'] }>) => this.tabs.setLayout({ panelTab: e.detail.tab })}></wb-bottom-panel>`
            : nothing}
        </div>
      </div>
      <wb-status-bar .plugins=${this.plugins} .states=${this.states} .warnings=${this.warnings} .roleNames=${this.roleNames} @toggle-panel=${() => this.tabs.setLayout({ panelVisible: !this.layout.panelVisible, panelTab: 'problems' })}></wb-status-bar>
      <wb-command-palette .places=${this.places()}></wb-command-palette>`;
  }

  /**
   * An activity-bar icon: a side-bar view shows (or, chosen again, hides the side bar); a work
   * list comes to the front as a tab, and hides the side bar only when it already was in front.
   */
  private onActivity(id: string): void {
    const item = this.viewItems().find((v) => v.id === id);
    const shown = this.layout.view === id && this.layout.sidebarVisible;
    if (item?.editor) {
      if (shown && this.layout.activeTab === `view:${id}`) this.tabs.setLayout({ sidebarVisible: false });
      else this.showView(id);
    } else this.tabs.setLayout(shown ? { sidebarVisible: false } : { view: id, sidebarVisible: true });
  }

  private renderWorkLists(plugin: string) {
    const lists = this.viewItems().filter((v) => v.plugin === plugin && v.editor).map((v) => ({ id: v.view, title: v.title }));
    const front = this.layout.tabs.find((t) => t.key === this.layout.activeTab);
    const current = front?.kind === 'view' && front.plugin === plugin ? front.view! : '';
    return html`<wb-work-lists .lists=${lists} current=${current} ?filtered=${!!current && Object.keys(front?.query ?? {}).length > 0} .searches=${this.searches.filter((s) => s.plugin === plugin)}
      @open-list=${(e: CustomEvent<{ view: string; query?: Record<string, string> }>) => this.showView(`${plugin}:${e.detail.view}`, e.detail.query)}
      @save-search=${(e: CustomEvent<{ view: string; name: string }>) => this.saveSearch(`${plugin}:${e.detail.view}`, e.detail.name)}
      @delete-search=${(e: CustomEvent<{ id: string }>) => this.deleteSearch(e.detail.id)}></wb-work-lists>`;
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
    if (tab.kind === 'view') {
      const view = owner.views.find((v) => v.id === tab.view);
      if (!view) return html`<p class="muted">${this.i18n.t('editor.missing', { opens: tab.view ?? '' })}</p>`;
      return html`<wb-plugin-slot plugin=${owner.id} element=${view.element} .props=${{ filters: tab.query ?? {} }}></wb-plugin-slot>`;
    }
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
      this.tabs.setLayout(what === 'sidebar' ? { sidebarWidth: size } : { panelHeight: size });
    };
    sash.addEventListener('pointermove', move);
    sash.addEventListener('pointerup', () => sash.removeEventListener('pointermove', move), { once: true });
  }

  private nudge(event: KeyboardEvent, what: 'sidebar' | 'panel') {
    const step = event.shiftKey ? 50 : 10;
    const delta = { ArrowLeft: -step, ArrowRight: step, ArrowUp: step, ArrowDown: -step }[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    if (what === 'sidebar') this.tabs.setLayout({ sidebarWidth: clamp(this.layout.sidebarWidth + delta, 160, 800) });
    else this.tabs.setLayout({ panelHeight: clamp(this.layout.panelHeight + delta, 80, innerHeight - 160) });
  }
}

/** `订单 12` in each language the editor's title has. */
declare global {
  interface HTMLElementTagNameMap {
    'wb-workbench': WbWorkbench;
  }
}
