import type { PluginContext } from '@workbench/plugin-api';
import type { ReturnVisitTiming } from './return-visit-due.js';

/** This part's values of schemas/settings.schema.json. */
export interface CareSettings extends ReturnVisitTiming {
  memberLevels: string[];
}

/** Read on every request, so a change in the settings view applies at once. */
export const careSettings = (ctx: PluginContext) => () => ctx.settings.get() as unknown as CareSettings;
