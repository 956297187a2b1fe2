import type { Actor } from '@workbench/plugin-api';

/** Who did a step, as the ledger and the order history record it. Jobs and events act as the system. */
export interface StepBy {
  id: number | null;
  name: string;
}

export const SYSTEM: StepBy = { id: null, name: '系统' };

export function stepBy(actor: Actor | undefined): StepBy {
  return actor ? { id: actor.id, name: actor.displayName || actor.username } : SYSTEM;
}
