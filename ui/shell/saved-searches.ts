/** A work list's filters kept under a name, per user, in this browser. */
export interface SavedSearch {
  id: string;
  plugin: string;
  view: string;
  name: string;
  query: Record<string, string>;
}

const keyFor = (userId: number) => `wb-searches:${userId}`;

/**
 * Saved searches live in the browser's storage beside the layout: they are one clerk's shortcuts
 * on one PC, like the open tabs, and a link (the list's URL) carries them to a colleague.
 */
export function loadSearches(userId: number): SavedSearch[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(keyFor(userId)) ?? '[]');
    return Array.isArray(parsed) ? (parsed as SavedSearch[]).filter((s) => s && typeof s.name === 'string' && typeof s.query === 'object') : [];
  } catch {
    // A damaged entry falls back to none, as the layout does.
    return [];
  }
}

export function saveSearches(userId: number, searches: SavedSearch[]): void {
  localStorage.setItem(keyFor(userId), JSON.stringify(searches));
}
