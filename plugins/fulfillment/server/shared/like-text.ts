/**
 * A `LIKE … ESCAPE '\'` pattern for text a clerk typed: `%`, `_` and `\` match themselves, so a
 * search is always text and never a wildcard.
 */
const escaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Values holding `text` anywhere. */
export const containing = (text: string) => `%${escaped(text)}%`;

/** Values starting with `text`. */
export const startingWith = (text: string) => `${escaped(text)}%`;
