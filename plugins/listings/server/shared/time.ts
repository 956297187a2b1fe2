// Small helpers over stored times that every area needs. Converting an instant to shop time is
// the plugin API's job (`ctx.shopTime`), so nothing here formats a time itself.
import type { PluginContext } from '@workbench/plugin-api';

/** `ctx.shopTime`, passed on its own where a helper needs nothing else of the context. */
export type ShopTime = PluginContext['shopTime'];

const DAY_MS = 86_400_000;

/** True when the half-open windows [aStart, aEnd) and [bStart, bEnd) share an instant. */
export function windowsOverlap(aStart: string, aEnd: string, bStart: string, bEnd: string): boolean {
  return Date.parse(aStart) < Date.parse(bEnd) && Date.parse(bStart) < Date.parse(aEnd);
}

/** `days` whole days after `iso`, in shop time (the shop's zone has no daylight saving to skip). */
export function addDays(iso: string, days: number, shopTime: ShopTime): string {
  return shopTime(Date.parse(iso) + days * DAY_MS);
}

/** The earlier of two instants. */
export function earlier(a: string, b: string): string {
  return Date.parse(a) <= Date.parse(b) ? a : b;
}
