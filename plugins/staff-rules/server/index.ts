import type { PluginContext } from '@workbench/plugin-api';
import { addAttendanceRoutes } from './attendance/attendance-routes.js';
import { registerClockImport } from './attendance/clock-import.js';
import { fillDemoAttendance } from './attendance/demo-attendance.js';
import { addLeaveRoutes } from './attendance/leave-routes.js';
import { fillDemoStaff } from './demo/demo-staff.js';
import { addHandoverRoutes } from './handover/handover-routes.js';
import { addMoney } from './money/index.js';
import { addMyRosterRoutes } from './roster/my-roster-routes.js';
import { addRosterRoutes } from './roster/roster-routes.js';
import { addSwapRoutes } from './roster/swap-routes.js';
import { addRoutineRoutes } from './routines/routine-routes.js';
import { addStaffRoutes } from './staff/staff-routes.js';
import { createStaffService, StaffToken } from './staff/staff-service.js';

export function activate(ctx: PluginContext): void {
  // Routes reach the tables only through the stores (server/*/…-store.ts), so the SQL lives in one place.
  addStaffRoutes(ctx);
  addRosterRoutes(ctx);
  addMyRosterRoutes(ctx);
  addSwapRoutes(ctx);
  addHandoverRoutes(ctx);
  addRoutineRoutes(ctx);
  addAttendanceRoutes(ctx);
  addLeaveRoutes(ctx);
  registerClockImport(ctx);
  addMoney(ctx);
  ctx.services.provide(StaffToken, createStaffService(ctx));
  // One demo fill per plugin: the people and roster first, then a month of their attendance.
  ctx.demo.register(async (tx, { now }) => {
    await fillDemoStaff(tx, now);
    await fillDemoAttendance(tx, now);
  });
}
