// When a return visit (回访) is due. The workbench knows when a parcel left, not when it arrived, so
// delivery is taken as `deliveryDays` after the shop day it shipped, and the visit falls
// `returnVisitDays` after that. Pure, so a unit test covers it.

export interface ReturnVisitTiming {
  deliveryDays: number;
  returnVisitDays: number;
}

/** The shop day (YYYY-MM-DD) of an instant written in shop time (its own offset). */
export function shopDayOf(instant: string): string {
  return instant.slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The shop day a visit for a parcel shipped at `shippedAt` is due. */
export function returnVisitDueDay(shippedAt: string, timing: ReturnVisitTiming): string {
  return addDays(shopDayOf(shippedAt), timing.deliveryDays + timing.returnVisitDays);
}

/** The latest shipping day whose visit is due by `today`: the list's cut-off. */
export function lastShippingDayDueBy(today: string, timing: ReturnVisitTiming): string {
  return addDays(today, -(timing.deliveryDays + timing.returnVisitDays));
}
