import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PluginContributions } from './contributions.js';
import { saveLayout, type LayoutState, type TabState } from './layout-state.js';
import { tabForPath, tabPath } from './tab-routes.js';

/** How a layout change meets the browser's history: a new entry, the current one rewritten, or none. */
export type HistoryMode = 'push' | 'replace' | 'none';

export interface TabControllerDeps {
  userId: () => number;
  layout: () => LayoutState;
  setLayout: (layout: LayoutState) => void;
  plugins: () => PluginContributions[];
  /** A tab read from an address, titled in the UI language. */
  titled: (tab: TabState) => TabState;
}

/**
 * The workbench's tabs and its address bar: every layout change is saved for the next visit and,
 * unless told otherwise, moves the address bar to the tab in front; back and forward bring up
 * the tab the address names. The layout itself stays the workbench's state, so it re-renders.
 */
export class TabController implements ReactiveController {
  constructor(host: ReactiveControllerHost, private readonly deps: TabControllerDeps) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.onPopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPopState);
  }

  /**
   * Changes the layout and keeps the address bar on the tab in front: a new tab in front is a new
   * history entry (`push`), changed filters or the start replace the current one.
   */
  setLayout(patch: Partial<LayoutState>, history: HistoryMode = 'push'): void {
    const before = this.deps.layout().activeTab;
    const layout = { ...this.deps.layout(), ...patch };
    this.deps.setLayout(layout);
    saveLayout(this.deps.userId(), layout);
    if (history === 'none') return;
    const active = layout.tabs.find((t) => t.key === layout.activeTab);
    const path = active ? (tabPath(active, this.deps.plugins()) ?? '/') : '/';
    if (path === location.pathname + location.search) return;
    if (history === 'push' && before !== layout.activeTab) window.history.pushState(null, '', path);
    else window.history.replaceState(null, '', path);
  }

  open(tab: TabState, history: HistoryMode = 'push'): void {
    const { tabs: open } = this.deps.layout();
    const found = open.find((t) => t.key === tab.key);
    // A link to a work list with other filters than its open tab's brings those filters.
    const tabs = !found ? [...open, tab] : tab.kind === 'view' && JSON.stringify(tab.query ?? {}) !== JSON.stringify(found.query ?? {}) ? open.map((t) => (t.key === tab.key ? { ...t, query: tab.query } : t)) : open;
    const view = tab.kind === 'view' ? { view: `${tab.plugin}:${tab.view}` } : {};
    this.setLayout({ tabs, activeTab: tab.key, ...view }, history);
  }

  /** The tab the address names when the workbench starts; undefined at `/` or for an address that names nothing. */
  linked(): TabState | undefined {
    if (location.pathname === '/' && !location.search) return undefined;
    const tab = tabForPath(location.pathname, location.search, this.deps.plugins());
    return tab && this.deps.titled(tab);
  }

  /** Bringing a work list's tab to the front shows its plugin's lists in the side bar. */
  select(key: string): void {
    const tab = this.deps.layout().tabs.find((t) => t.key === key);
    this.setLayout({ activeTab: key, ...(tab?.kind === 'view' ? { view: `${tab.plugin}:${tab.view}` } : {}) });
  }

  /** Closes a tab at once; the one beside it comes to the front if it was in front. */
  close(key: string): void {
    const layout = this.deps.layout();
    const index = layout.tabs.findIndex((t) => t.key === key);
    const tabs = layout.tabs.filter((t) => t.key !== key);
    const activeTab = layout.activeTab === key ? (tabs[Math.min(index, tabs.length - 1)]?.key ?? null) : layout.activeTab;
    this.setLayout({ tabs, activeTab });
  }

  move(key: string, to: number): void {
    const layout = this.deps.layout();
    const tabs = layout.tabs.filter((t) => t.key !== key);
    tabs.splice(to, 0, layout.tabs.find((t) => t.key === key)!);
    this.setLayout({ tabs });
  }

  /** A work list's filters are its tab's query, so they show in the URL. */
  setFilters(key: string, filters: Record<string, string>): void {
    const layout = this.deps.layout();
    const tab = layout.tabs.find((t) => t.key === key);
    if (!tab || tab.kind !== 'view' || JSON.stringify(tab.query ?? {}) === JSON.stringify(filters)) return;
    this.setLayout({ tabs: layout.tabs.map((t) => (t.key === key ? { ...t, query: filters } : t)) }, 'replace');
  }

  /** Back and forward: bring up (or open again) the tab the address names. */
  private readonly onPopState = () => {
    const tab = tabForPath(location.pathname, location.search, this.deps.plugins());
    if (tab) this.open(this.deps.titled(tab), 'none');
  };
}
