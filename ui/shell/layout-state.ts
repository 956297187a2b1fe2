import type { LocalizedText } from '../kit/i18n.js';

/** One tab in the editor area. */
export interface TabState {
  /** Unique per tab, e.g. `page:settings`, `view:fulfillment:orders`, `editor:note:12`, `print:example:note:12`. */
  key: string;
  kind: 'page' | 'view' | 'editor' | 'print';
  /** In every language where known, so the tab follows the UI language; pages and views take theirs from the shell. */
  title: LocalizedText;
  page?: 'home' | 'settings' | 'plugins' | 'users' | 'audit';
  opens?: string;
  id?: string;
  /** A work list opened as a tab (a view with `placement: editor`). */
  view?: string;
  plugin?: string;
  printable?: string;
  /** A print tab's query, or a work list's filters (they appear in the tab's URL). */
  query?: Record<string, string>;
}

/** What survives a reload: sizes, the chosen view, open tabs. Kept per user in localStorage. */
export interface LayoutState {
  sidebarWidth: number;
  sidebarVisible: boolean;
  panelHeight: number;
  panelVisible: boolean;
  panelTab: 'notifications' | 'progress' | 'problems';
  view: string | null;
  tabs: TabState[];
  activeTab: string | null;
}

const DEFAULTS: LayoutState = {
  sidebarWidth: 300,
  sidebarVisible: true,
  panelHeight: 180,
  panelVisible: false,
  panelTab: 'notifications',
  view: null,
  tabs: [],
  activeTab: null,
};

const keyFor = (userId: number) => `wb-layout:${userId}`;

export function loadLayout(userId: number): LayoutState {
  try {
    const raw = localStorage.getItem(keyFor(userId));
    const parsed = raw ? (JSON.parse(raw) as Partial<LayoutState>) : {};
    return { ...DEFAULTS, ...parsed, tabs: Array.isArray(parsed.tabs) ? parsed.tabs : [] };
  } catch {
    // A damaged entry (edited by hand, another version) falls back to the defaults.
    return { ...DEFAULTS };
  }
}

export function saveLayout(userId: number, state: LayoutState): void {
  localStorage.setItem(keyFor(userId), JSON.stringify(state));
}

export const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
