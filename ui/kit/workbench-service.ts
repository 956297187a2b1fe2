/** The signed-in person as the shell knows them. */
export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  roles: string[];
  permissions: string[];
  locale: string | null;
}

/** What a tab in the editor area shows. */
export interface EditorInput {
  /** The record kind an editor contribution `opens`, e.g. `order`. */
  opens: string;
  id: string;
  /** Shown on the tab; the record id when left out. */
  title?: string;
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
  /** Opens a printable of a plugin in a print tab (`query` is passed to the printable). */
  print(plugin: string, printable: string, query: Record<string, string>, title?: string): void;
}
