import type { PluginContext } from '@workbench/plugin-api';
import type { ShippingRules } from './responsibility.js';

/** The values of schemas/settings.schema.json. */
export interface AfterSalesSettings {
  reasons: string[];
  answerDays: number;
  warnHoursLeft: number[];
  buyerWaitHours: number;
  returnShipping: ShippingRules;
  /** Largest evidence photo, in MB. */
  photoMaxMegabytes: number;
}

/** Read on every use, so a change in the settings view applies at once. */
export const settingsOf = (ctx: PluginContext) => (): AfterSalesSettings => ctx.settings.get() as unknown as AfterSalesSettings;
