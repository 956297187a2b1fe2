import type { Locale } from '../i18n/localized-text.js';
import type { Actor } from '../plugins/context.js';

/** What the middleware stores on each request for the ones after it. */
export type WorkbenchEnv = {
  Variables: {
    actor: Actor | undefined;
    locale: Locale;
    sessionTokenHash: string | undefined;
  };
};
