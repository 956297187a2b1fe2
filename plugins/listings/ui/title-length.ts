/**
 * A title's length as Taobao counts it (and as the checklist's title rule does): a Chinese or any
 * other non-ASCII character counts 1, two ASCII letters, digits, spaces or signs count 1. The
 * limit is `checklist.titleMaxChars`, 30 by default; the editor shows the count live.
 */
export function titleLength(title: string): number {
  let halves = 0;
  for (const char of title) halves += (char.codePointAt(0) ?? 0) < 0x80 ? 1 : 2;
  return Math.ceil(halves / 2);
}
