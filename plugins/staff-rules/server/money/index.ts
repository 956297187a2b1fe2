import type { PluginContext } from '@workbench/plugin-api';
import { attendanceFacts } from '../attendance/attendance-facts.js';
import { attendanceRules } from '../attendance/attendance-rules.js';
import { addFineRoutes } from './fines-routes.js';
import { addFundRoutes } from './fund-routes.js';
import { addMoneyEvents } from './money-events.js';
import { addMonthRoutes } from './month-routes.js';
import type { MonthDays } from './month-summary.js';
import { staffLookup } from './staff-lookup.js';

/** Attendance's month of classified days, with the attendance figures of the moment. */
export function attendanceDays(ctx: PluginContext): MonthDays {
  return async (q, month) => (await attendanceFacts(q, { rules: attendanceRules(ctx.settings.get()), now: ctx.now() }).month(month)).days;
}

/**
 * Fines, penalties, rewards, the fund and the month. `days` is attendance's month of classified
 * days; without it the month summary has no attendance counts and attendance is not priced.
 */
export function addMoney(ctx: PluginContext, days: MonthDays | undefined = attendanceDays(ctx)): void {
  addFineRoutes(ctx, staffLookup);
  addFundRoutes(ctx, staffLookup);
  addMonthRoutes(ctx, staffLookup, days);
  addMoneyEvents(ctx, staffLookup);
}
