// Schema checks walk every item of an array, and a `maxItems` is only checked once the array is
// built; a 1 MiB body can hold well over 100,000 tiny items. No route takes more than a few
// thousand items, so the parser refuses longer arrays before anything is parsed or walked.

/** How many items a JSON array in a request body may hold. */
export const MAX_JSON_ARRAY_ITEMS = 10_000;

/**
 * True when some array in the JSON text holds more than `limit` items. Counts commas at each
 * array level outside strings, in one pass without parsing. Call it after `nestsDeeperThan`, which
 * bounds the stack it keeps.
 */
export function hasArrayLongerThan(text: string, limit: number): boolean {
  // For each open bracket: -1 for an object, else the commas seen so far in that array.
  const commas: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++;
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) {
      inString = true;
    } else if (ch === 0x5b) {
      commas.push(0);
    } else if (ch === 0x7b) {
      commas.push(-1);
    } else if (ch === 0x5d || ch === 0x7d) {
      commas.pop();
    } else if (ch === 0x2c) {
      const top = commas.length - 1;
      const seen = commas[top];
      if (seen !== undefined && seen >= 0) {
        if (seen + 1 >= limit) return true;
        commas[top] = seen + 1;
      }
    }
  }
  return false;
}
