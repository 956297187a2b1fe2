import type { PluginContext } from '@workbench/plugin-api';
import { assertRealTime } from '../shared/real-time.js';

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The shop's calendar day of an instant, e.g. `2026-11-23` (times are stored in shop time). */
export const shopDate = (ctx: PluginContext, instant: string = ctx.now()) => ctx.shopTime(instant).slice(0, 10);

/** The first instant of a shop day, written as the shop writes times (so it compares as text). */
export function shopDayStart(ctx: PluginContext, date: string): string {
  // The offset at noon of that day is the day's offset in any zone without a midnight change.
  const offset = ctx.shopTime(`${date}T12:00:00Z`).slice(-6);
  return ctx.shopTime(`${date}T00:00:00.000${offset}`);
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * A `from`/`to` bound as text to compare with stored shop times: a bare date is the whole shop
 * day (from its start, to before the next day's start); a full time is taken as that instant.
 */
export function timeBound(ctx: PluginContext, value: string, side: 'from' | 'to'): { op: '>=' | '<' | '<='; at: string } {
  assertRealTime(value, side);
  if (BARE_DATE.test(value)) return side === 'from' ? { op: '>=', at: shopDayStart(ctx, value) } : { op: '<', at: shopDayStart(ctx, nextDay(value)) };
  return { op: side === 'from' ? '>=' : '<=', at: ctx.shopTime(value) };
}
