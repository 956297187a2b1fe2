import defs from '../../schemas/defs.schema.json' with { type: 'json' };
import type { JsonSchema } from './schema-registry.js';
import { def } from './schema-helpers.js';

// The same characters the shared `visibleText` definition refuses, for text that arrives outside
// a schema-checked body (CSV cells, names cleaned in code).
const ALLOWED = new RegExp((defs.$defs.visibleText as { pattern: string }).pattern, 'u');

/**
 * A string that refuses NUL, control and invisible characters (zero-width spaces, BOM, direction
 * overrides …), so two names that look the same are the same.
 * @example properties: { name: visibleText(1, 40) }
 */
export const visibleText = (minLength: number, maxLength: number, extra: JsonSchema = {}): JsonSchema => ({ ...def('visibleText'), minLength, maxLength, ...extra });

/** The first character `visibleText` refuses, as `U+200B`, or undefined when there is none. */
export function invisibleCharacterIn(text: string): string | undefined {
  if (ALLOWED.test(text)) return undefined;
  for (const ch of text) {
    if (!ALLOWED.test(ch)) return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return undefined;
}
