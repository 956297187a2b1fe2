import type { Queryable } from '@workbench/plugin-api';
import type { StaffMember } from '../model.js';
import { staffStore } from '../staff/staff-store.js';

/** What the money part needs to know of the staff list (the roster part owns it). */
export interface StaffLookup {
  byId(q: Queryable, id: number): Promise<StaffMember | undefined>;
  /** By 工号, as CS writes it in remarks and after-sales names it. */
  byCode(q: Queryable, code: string): Promise<StaffMember | undefined>;
  /** The member of staff a workbench account belongs to. */
  byAccount(q: Queryable, accountId: number): Promise<StaffMember | undefined>;
  all(q: Queryable): Promise<StaffMember[]>;
}

/** The lookup over the roster part's staff table. */
export const staffLookup: StaffLookup = {
  byId: (q, id) => staffStore(q).get(id),
  byCode: (q, code) => staffStore(q).byCode(code),
  byAccount: (q, accountId) => staffStore(q).byAccount(accountId),
  all: (q) => staffStore(q).list({ includeLeft: true }),
};
