import { serviceToken, type PluginContext } from '@workbench/plugin-api';
import type { StaffRulesServices, StaffService } from '../../contracts.js';
import { rosterStore } from '../roster/roster-store.js';
import { staffFor } from './staff-routes.js';
import { staffStore } from './staff-store.js';

export const StaffToken = serviceToken<StaffRulesServices['staff']>('staff');

/** The `staff` service: reads only, each in its own read (or the caller's transaction, when inside one). */
export function createStaffService(ctx: PluginContext): StaffService {
  return {
    list: async (options = {}) => (await ctx.db.read((q) => staffStore(q).list(options))).map((m) => staffFor(options.actor, m)),
    get: async (id, options = {}) => {
      const member = await ctx.db.read((q) => staffStore(q).get(id));
      return member && staffFor(options.actor, member);
    },
    byCode: async (code, options = {}) => {
      const member = await ctx.db.read((q) => staffStore(q).byCode(code));
      return member && staffFor(options.actor, member);
    },
    byAccount: async (accountId, options = {}) => {
      const member = await ctx.db.read((q) => staffStore(q).byAccount(accountId));
      return member && staffFor(options.actor, member);
    },
    onShiftAt: (instant, options = {}) => ctx.db.read(async (q) => {
      const staff = staffStore(q);
      const on = [];
      for (const shift of await rosterStore(q).runningAt(instant)) {
        const member = await staff.get(shift.staffId);
        if (member && (!options.department || member.department === options.department)) on.push({ member: staffFor(options.actor, member), shift });
      }
      return on;
    }),
    plannedShift: (staffId, date) => ctx.db.read((q) => rosterStore(q).plannedShift(staffId, date)),
  };
}
