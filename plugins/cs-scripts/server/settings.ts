import type { PluginContext } from '@workbench/plugin-api';

/** The values of schemas/settings.schema.json. */
export interface CsSettings {
  shopName: string;
  shipping: { sfExtraFen: number; remoteExtraFen: number; remoteRegions: string[] };
  authority: {
    defaultPercent: number;
    byRole: { role: string; percent: number }[];
    byAgent: { username: string; percent: number }[];
    supervisorFromFen: number;
    supervisorRole: string;
  };
}

/** Read on every request, so a change in the settings view applies at once. */
export const csSettings = (ctx: PluginContext): CsSettings => ctx.settings.get() as unknown as CsSettings;
