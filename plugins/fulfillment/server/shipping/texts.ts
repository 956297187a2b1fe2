import { isWorkbenchError, type Locale, type LocalizedText } from '@workbench/plugin-api';

/** A text in the reader's language, zh-CN when there is none in theirs. */
export function inLocale(text: LocalizedText, locale: Locale): string {
  return typeof text === 'string' ? text : (text[locale] ?? text['zh-CN']);
}

/**
 * A refusal met while working through a file, as the row report shows it: the workbench error's
 * own text and the field it names. Anything else is a fault, not a refusal, and is thrown on.
 */
export function refusalOf(error: unknown): { text: LocalizedText; path: string | undefined } {
  if (!isWorkbenchError(error)) throw error;
  return { text: error.text, path: error.errors[0]?.path };
}
