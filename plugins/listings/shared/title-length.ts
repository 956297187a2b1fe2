/**
 * A title's length the way the platform counts it, for the checklist's `title-length` rule on the
 * server and the live counter in the product editor alike. The limit is in bytes (60 for 30
 * characters): a Chinese character (or any other non-ASCII, full-width character) takes two bytes,
 * a Latin letter, digit, space or ASCII punctuation mark one. So two Latin characters count as one.
 *
 * This file imports nothing, so both the server and the browser bundle can use it.
 */
export function titleBytes(title: string): number {
  let bytes = 0;
  for (const ch of title) bytes += (ch.codePointAt(0) ?? 0) < 0x80 ? 1 : 2;
  return bytes;
}

/** The length in "characters" staff know from the platform: half the bytes, rounded up. */
export function titleLength(title: string): number {
  return Math.ceil(titleBytes(title) / 2);
}

/** True when the title fits a limit of `maxChars` characters (2 × maxChars bytes). */
export function titleFits(title: string, maxChars: number): boolean {
  return titleBytes(title) <= maxChars * 2;
}
