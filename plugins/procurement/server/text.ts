import type { Locale } from '@workbench/plugin-api';

/** Text in both languages the shop reads; procurement's messages always carry both. */
export type Bilingual = Record<Locale, string>;
