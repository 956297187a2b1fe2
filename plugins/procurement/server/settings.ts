// The values of schemas/settings.schema.json, read on every use so a change applies at once.
import type { PluginContext } from '@workbench/plugin-api';

export interface BreachKind {
  kind: string;
  zh: string;
  en: string;
  points: number;
}

export interface ScorecardSettings {
  breaches: BreachKind[];
  approvalAt: number;
  endAt: number;
  fixDays: number;
}

export interface SuggestionSettings {
  windowDays: number;
  safetyDays: number;
  defaultLeadTimeDays: number;
  firstBatchMax: number;
}

export interface ProcurementSettings {
  suggestions: SuggestionSettings;
  scorecard: ScorecardSettings;
}

export const settingsOf = (ctx: PluginContext) => (): ProcurementSettings => ctx.settings.get() as unknown as ProcurementSettings;
