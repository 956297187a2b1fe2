/**
 * staff-rules' service contracts: what it publishes under `provides: [staff]`, types only. Another
 * plugin imports them with `import type { StaffService } from '@workbench/contracts/staff-rules'`,
 * names `staff-rules` in its manifest's `requires` or `optional`, and gets the service from
 * `ctx.services`. The implementation (server/staff/staff-service.ts) is typed by these interfaces,
 * so `npm run typecheck` fails when it no longer keeps what is published here.
 */
import type { Actor } from '@workbench/plugin-api';
import type { Department, RosterEntry, StaffMember } from './server/model.js';

export type { Department, PlannedShift, RosterEntry, ShiftTemplate, StaffMember } from './server/model.js';

/** The services by the names `ctx.services` knows them: `serviceToken<StaffRulesServices['staff']>('staff')`. */
export interface StaffRulesServices {
  staff: StaffService;
}

/**
 * Who is reading through the service. Phones come masked (`138****5678`) unless `actor` holds
 * `staff-rules.staff.phone`; a call without one (a job, an event handler) sees them masked.
 */
export interface StaffReadOptions {
  actor?: Actor;
}

/** A person on shift, with the shift. */
export interface OnShift {
  member: StaffMember;
  shift: RosterEntry;
}

export interface StaffService {
  /** People still with the shop (or everyone, `includeLeft`), by department and 工号. */
  list(options?: StaffReadOptions & { department?: Department; includeLeft?: boolean }): Promise<StaffMember[]>;
  get(id: number, options?: StaffReadOptions): Promise<StaffMember | undefined>;
  /** By 工号 as CS write it in a remark: spaces and full-width digits are forgiven ("０７ " is "07"). */
  byCode(code: string, options?: StaffReadOptions): Promise<StaffMember | undefined>;
  /** The person a workbench account belongs to. */
  byAccount(accountId: number, options?: StaffReadOptions): Promise<StaffMember | undefined>;
  /** Who was on shift at an instant (ISO 8601); a night shift to 01:00 counts until 01:00. */
  onShiftAt(instant: string, options?: StaffReadOptions & { department?: Department }): Promise<OnShift[]>;
  /** The shift person `staffId` was planned to start on the shop day `date`, or undefined (a day off). */
  plannedShift(staffId: number, date: string): Promise<RosterEntry | undefined>;
}
