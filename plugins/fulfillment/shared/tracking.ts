// A first check of tracking numbers (物流单号) against a courier's usual number shape. The
// shapes are settings, since couriers change them; a match is no guarantee the number exists.

export interface CourierShape {
  code: string;
  name: string;
  trackingPattern: string;
}

/** True when `trackingNo` has the courier's number shape. A pattern that does not compile never matches. */
export function trackingMatches(courier: CourierShape, trackingNo: string): boolean {
  try {
    return new RegExp(courier.trackingPattern).test(trackingNo.trim());
  } catch {
    return false;
  }
}

/** The couriers whose shape fits the number, e.g. to suggest the right one when it does not fit. */
export function couriersFitting<T extends CourierShape>(couriers: readonly T[], trackingNo: string): T[] {
  return couriers.filter((c) => trackingMatches(c, trackingNo));
}
