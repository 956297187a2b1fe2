import type { Queryable } from '@workbench/plugin-api';
import type { StaffMember } from '../model.js';

/** What the money part needs to know of the staff list (the roster part owns it). */
export interface StaffLookup {
  byId(q: Queryable, id: number): Promise<StaffMember | undefined>;
  /** By 工号, as CS writes it in remarks and after-sales names it. */
  byCode(q: Queryable, code: string): Promise<StaffMember | undefined>;
  /** The member of staff a workbench account belongs to. */
  byAccount(q: Queryable, accountId: number): Promise<StaffMember | undefined>;
  all(q: Queryable): Promise<StaffMember[]>;
}
