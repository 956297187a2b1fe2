/** The event an editor sends when it gains or loses unsaved changes. */
export const EDITOR_DIRTY = 'wb-editor-dirty';

/**
 * Tells the workbench whether an editor holds unsaved changes: its tab shows a dot, and closing
 * the tab (or leaving the page) asks first, in the user's language. Call it with `false` once
 * the changes are saved or dropped.
 *
 * @example
 * protected override updated(changed: PropertyValues<this>) {
 *   if (changed.has('dirty')) reportDirty(this, this.dirty);
 * }
 */
export function reportDirty(editor: HTMLElement, dirty: boolean): void {
  editor.dispatchEvent(new CustomEvent(EDITOR_DIRTY, { detail: { dirty }, bubbles: true, composed: true }));
}

/** The event a work list sends when its filters change. */
export const EDITOR_FILTERS = 'wb-editor-filters';

/**
 * Tells the workbench a work list's filters (as query parameters), so they appear in the tab's
 * URL — a link, back/forward and a saved search bring them back. The list receives them again
 * as its `filters` property when opened from such a link or saved search.
 *
 * @example
 * @property({ attribute: false }) set filters(f: Record<string, string>) { this.applyFilter(f); }
 * private applyFilter(f) { …; reportFilters(this, f); }
 */
export function reportFilters(editor: HTMLElement, filters: Record<string, string>): void {
  editor.dispatchEvent(new CustomEvent(EDITOR_FILTERS, { detail: { filters }, bubbles: true, composed: true }));
}
