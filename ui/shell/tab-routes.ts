import type { PluginContributions } from './contributions.js';
import type { TabState } from './layout-state.js';

/** The shell's own pages; each is one path segment, so they never meet a plugin's two or three. */
export const PAGES = ['home', 'settings', 'plugins', 'users', 'audit'] as const;
export type Page = (typeof PAGES)[number];

const enc = encodeURIComponent;

/**
 * The address of a tab, so it can be bookmarked, sent to a colleague and reached with back and
 * forward:
 *
 * - `/` the home page, `/settings`, `/plugins`, `/users`, `/audit` the shell's pages
 * - `/<plugin>/<view>?<filters>` a work list (a view placed in the editor area)
 * - `/<plugin>/<editor>/<record id>` a record, named by the editor contribution's id
 * - `/<plugin>/printables/<printable>?<query>` a print tab
 *
 * @example
 * tabPath({ kind: 'editor', plugin: 'fulfillment', opens: 'order', id: '12', … }, plugins) // '/fulfillment/order/12'
 */
export function tabPath(tab: TabState, plugins: PluginContributions[]): string | undefined {
  const query = tab.query && Object.keys(tab.query).length ? `?${new URLSearchParams(tab.query).toString()}` : '';
  switch (tab.kind) {
    case 'page':
      return tab.page === 'home' || !tab.page ? '/' : `/${tab.page}`;
    case 'view':
      return `/${enc(tab.plugin!)}/${enc(tab.view!)}${query}`;
    case 'print':
      return `/${enc(tab.plugin!)}/printables/${enc(tab.printable!)}${query}`;
    case 'editor': {
      const editor = plugins.find((p) => p.id === tab.plugin)?.editors.find((e) => e.opens === tab.opens);
      return editor ? `/${enc(tab.plugin!)}/${enc(editor.id)}/${enc(tab.id!)}` : undefined;
    }
  }
}

/**
 * The tab an address names, or undefined when it names nothing this user may open (a plugin that
 * is off, an editor without the permission, a mistyped link). Titles are the contribution's
 * until the editor names its record.
 */
export function tabForPath(pathname: string, search: string, plugins: PluginContributions[]): TabState | undefined {
  const parts = pathname.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  const query = Object.fromEntries(new URLSearchParams(search));
  if (parts.length === 0) return pageTab('home');
  if (parts.length === 1) return (PAGES as readonly string[]).includes(parts[0]!) ? pageTab(parts[0] as Page) : undefined;
  const plugin = plugins.find((p) => p.id === parts[0]);
  if (!plugin) return undefined;
  if (parts.length === 2) {
    const view = plugin.views.find((v) => v.id === parts[1] && v.placement === 'editor');
    return view ? viewTab(plugin.id, view.id, view.title, query) : undefined;
  }
  if (parts.length !== 3) return undefined;
  if (parts[1] === 'printables') {
    const printable = plugin.printables.find((p) => p.id === parts[2]);
    return printable ? printTab(plugin.id, printable.id, query, printable.title) : undefined;
  }
  const editor = plugin.editors.find((e) => e.id === parts[1]);
  return editor ? editorTab(plugin.id, editor, parts[2]!) : undefined;
}

export function pageTab(page: Page): TabState {
  return { key: `page:${page}`, kind: 'page', page, title: page };
}

export function viewTab(plugin: string, view: string, title: TabState['title'], query?: Record<string, string>): TabState {
  return { key: `view:${plugin}:${view}`, kind: 'view', plugin, view, title, ...(query && Object.keys(query).length ? { query } : {}) };
}

/** A record's tab: titled by the editor's title and the record id until the editor names the record. */
export function editorTab(plugin: string, editor: PluginContributions['editors'][number], id: string, title?: TabState['title']): TabState {
  const named = title ?? (typeof editor.title === 'object' ? Object.fromEntries(Object.entries(editor.title).map(([l, t]) => [l, `${t} ${id}`])) : `${editor.title || editor.opens} ${id}`);
  return { key: `editor:${editor.opens}:${id}`, kind: 'editor', plugin, opens: editor.opens, id, title: named };
}

/** A print tab: one per printable and query, so two waves' pick lists are two tabs. */
export function printTab(plugin: string, printable: string, query: Record<string, string>, title: TabState['title']): TabState {
  return { key: `print:${plugin}:${printable}:${new URLSearchParams(query).toString()}`, kind: 'print', plugin, printable, query, title };
}
