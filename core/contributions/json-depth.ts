// JSON.parse builds any depth, but what walks the result afterwards recurses once per level, and
// a body a few thousand levels deep ended as a 500. Real bodies are a handful of levels deep; the
// cap leaves room for any of them and refuses the rest before anything walks them.

/** How deep a request body's arrays and objects may nest. */
export const MAX_JSON_DEPTH = 64;

/**
 * True when the JSON text nests arrays or objects deeper than `limit`. Counts brackets outside
 * strings without parsing, so it costs one pass and no recursion whatever the text holds.
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++; // a backslash escapes the next character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) {
      inString = true;
    } else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > limit) return true;
    } else if (ch === 0x5d || ch === 0x7d) {
      depth--;
    }
  }
  return false;
}
