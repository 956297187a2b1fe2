/**
 * A title's length the way the platform counts it: the limit is in bytes (60 for 30 characters),
 * where a Chinese character (or any full-width character) takes two bytes and a Latin letter,
 * digit, space or ASCII punctuation mark takes one. So two Latin characters count as one.
 */
export function titleBytes(title: string): number {
  let bytes = 0;
  for (const ch of title) bytes += ch.codePointAt(0)! < 0x80 ? 1 : 2;
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
