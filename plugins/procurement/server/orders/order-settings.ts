import type { PluginContext } from '@workbench/plugin-api';
import type { ApprovalRule } from './approval-chain.js';

/** The `orders` part of schemas/settings.schema.json. */
export interface OrderSettings {
  approvalChain: ApprovalRule[];
  /** Percentage points a later batch's failure share may differ from the first batch's before listings and CS are told. */
  qualityDriftPercent: number;
}

const DEFAULTS: OrderSettings = {
  approvalChain: [
    { fromAmount: 0, role: 'purchasing' },
    { fromAmount: 300_000, role: 'finance' },
    { fromAmount: 1_000_000, role: 'owner' },
  ],
  qualityDriftPercent: 10,
};

/** Read on every request, so a change saved in the settings view applies at once. */
export function orderSettings(ctx: PluginContext): OrderSettings {
  const value = (ctx.settings.get() as { orders?: Partial<OrderSettings> }).orders ?? {};
  return { ...DEFAULTS, ...value };
}
