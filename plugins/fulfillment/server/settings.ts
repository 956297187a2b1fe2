import type { PluginContext } from '@workbench/plugin-api';

export interface CourierSetting {
  code: string;
  name: string;
  /** Optional: a row the shop added without one shows its Chinese name in English too. */
  nameEn?: string;
  trackingPattern: string;
  unreachableRegions: string[];
  firstWeightGrams: number;
  firstFee: number;
  extraFeePerKg: number;
}

/** The values of schemas/settings.schema.json. */
export interface FulfillmentSettings {
  review: {
    requireCompleteAddress: boolean;
    messageNeedsPerson: boolean;
    requireStock: boolean;
    requireCourierReach: boolean;
    detectMerge: boolean;
    blockUnpaid: boolean;
    checkPaidAmount: boolean;
  };
  priority: { expressWords: string[] };
  remarks: { agentNoPattern: string; maxNoteChars: number };
  waves: { bulkPickThreshold: number; maxOrdersPerWave: number };
  couriers: CourierSetting[];
  shipping: { defaultCourier: string; fallbackCourier: string; requestWords: Record<string, string>; requireWeight: boolean; overdueAfterHours: number };
  labels: { senderName: string; senderPhone: string; senderAddress: string; poolLowThreshold: number };
  reconciliation: { weightToleranceGrams: number; feeToleranceFen: number };
  stocktake: { reminderDay: number };
}

/**
 * The plugin's settings now. The workbench checks every source (schema defaults, config.yaml,
 * the settings page) against the schema and fills in each default, so they arrive complete and
 * the figures live in the schema alone. Read on every use: a saved change applies at once.
 */
export function fulfillmentSettings(ctx: PluginContext): FulfillmentSettings {
  return ctx.settings.get() as unknown as FulfillmentSettings;
}

/** A courier's name in both languages, the Chinese one standing in for a missing English one. */
export function courierNameOf(courier: CourierSetting): { 'zh-CN': string; en: string } {
  return { 'zh-CN': courier.name, en: courier.nameEn?.trim() || courier.name };
}
