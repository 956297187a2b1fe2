import type { CourierSetting, FulfillmentSettings } from '../settings.js';
import { expectedFee } from './courier-rules.js';
import type { Outcome } from './schemas.js';

/** Our side of a parcel the statement bills: the order shipped with that tracking number. */
export interface Shipment {
  orderId: number;
  weightGrams: number | null;
}

export interface LineCheck {
  outcome: Outcome;
  expectedWeightGrams: number | null;
  expectedFee: number | null;
}

/**
 * Checks one statement line against our shipment. The weight is compared with the one weighed at
 * the station; the fee with what the agreed price gives for that weight (the statement's own
 * weight when nothing was weighed), so an overweighed parcel that costs more shows as both. A
 * parcel billed a second time in the same statement should cost nothing more.
 */
export function checkLine(
  line: { weightGrams: number; fee: number },
  shipment: Shipment | undefined,
  courier: CourierSetting | undefined,
  tolerance: FulfillmentSettings['reconciliation'],
  billedBefore: boolean,
): LineCheck {
  if (!shipment) return { outcome: 'unknown', expectedWeightGrams: null, expectedFee: null };
  const expectedWeightGrams = shipment.weightGrams;
  const fee = billedBefore ? 0 : courier ? expectedFee(courier, expectedWeightGrams ?? line.weightGrams) : null;
  const weightOff = expectedWeightGrams !== null && Math.abs(line.weightGrams - expectedWeightGrams) > tolerance.weightToleranceGrams;
  const feeOff = fee !== null && Math.abs(line.fee - fee) > tolerance.feeToleranceFen;
  const outcome: Outcome = weightOff && feeOff ? 'weight-and-fee' : weightOff ? 'weight' : feeOff ? 'fee' : 'ok';
  return { outcome, expectedWeightGrams, expectedFee: fee };
}
