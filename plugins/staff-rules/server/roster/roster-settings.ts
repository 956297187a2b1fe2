import type { PluginContext } from '@workbench/plugin-api';
import type { RosterRuleSettings } from './roster-rules.js';

/** The roster's and handover's values of schemas/settings.schema.json. */
export interface RosterSettings extends RosterRuleSettings {
  handoverWindowHours: number;
}

/** Read on every request, so a change in the settings view applies at once. */
export function rosterSettings(ctx: PluginContext): RosterSettings {
  return ctx.settings.get() as unknown as RosterSettings;
}
