import type { Locale } from './i18n.js';

/** The signed-in person as the shell knows them. */
export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  roles: string[];
  /** The person's own roles by name (present from /api/auth/me). */
  roleNames?: Record<string, Partial<Record<'zh-CN' | 'en', string>>>;
  permissions: string[];
  locale: string | null;
  /** The owner reset the password: the person chooses their own before the workbench opens. */
  resetPending?: true;
}

/** What a tab in the editor area shows. */
export interface EditorInput {
  /** The record kind an editor contribution `opens`, e.g. `order`. */
  opens: string;
  id: string;
  /** Shown on the tab; the editor's title and the record id when left out. */
  title?: string;
  /**
   * The tab's title in each language, for a tab not named by its record (`{ 'zh-CN': '新建商品',
   * en: 'New product' }`), so it follows the UI language; used instead of `title`.
   */
  titles?: Partial<Record<Locale, string>>;
}

/**
 * The shell's own actions a plugin panel may call: open a record in a tab, print, check a
 * permission. Plugins reach it through `workbenchContext`.
 *
 * @example
 * this.workbench.openEditor({ opens: 'note', id: String(note.id), title: note.title });
 */
export interface WorkbenchService {
  readonly user: CurrentUser;
  can(permission: string): boolean;
  openEditor(input: EditorInput): void;
  /**
   * Points an open tab at another record or gives it a new title, in place: a new record's editor
   * calls it once the record is saved and has its id. If a tab for `next` is already open, the old
   * tab closes and that one comes to the front.
   *
   * @example
   * this.workbench.replaceEditor({ opens: 'product', id: 'new-1' }, { opens: 'product', id: String(saved.id), title: saved.title });
   */
  replaceEditor(current: { opens: string; id: string }, next: EditorInput): void;
  /**
   * Shows a view, e.g. a home-page widget's link to the list it counts: a side-bar view in the
   * side bar, a work list (`placement: editor`) as a tab. Views the user may not see (or of
   * plugins not running) are left alone.
   *
   * @example
   * this.workbench.showView({ plugin: 'fulfillment', view: 'orders' });
   */
  showView(view: { plugin: string; view: string }): void;
  /** Opens a printable of a plugin in a print tab (`query` is passed to the printable). */
  print(plugin: string, printable: string, query: Record<string, string>, title?: string): void;
}
