import type { Queryable } from '../db/database.js';
import type { LocalizedText } from '../i18n/localized-text.js';
import { DEFAULT_ROLE_IDS, effectivePermissions, splitRoleEdit, type RoleDefaults } from './role-defaults.js';

export interface RoleRecord {
  id: string;
  name: LocalizedText;
  permissions: string[];
  /** What the running plugins give this built-in role by default (empty for the others). */
  defaults: string[];
  builtin: boolean;
  version: number;
}

interface RoleRow {
  id: string;
  name: string;
  permissions: string;
  removed: string;
  builtin: number;
  version: number;
}

/**
 * Every role as it stands: a built-in role's permissions are the running plugins' defaults plus
 * what the owner added (the `permissions` column) less what the owner took away (`removed`).
 */
export async function readRoles(q: Queryable, defaults: RoleDefaults): Promise<RoleRecord[]> {
  const rows = await q.all<RoleRow>('SELECT * FROM core_roles ORDER BY builtin DESC, rowid');
  return rows.map((r) => {
    const stored = JSON.parse(r.permissions) as string[];
    const builtin = r.builtin === 1;
    const own = builtin && DEFAULT_ROLE_IDS.has(r.id) ? [...(defaults.byRole.get(r.id) ?? [])] : [];
    const permissions = builtin ? effectivePermissions(own, stored, JSON.parse(r.removed) as string[]) : stored;
    return { id: r.id, name: JSON.parse(r.name) as LocalizedText, permissions, defaults: own, builtin, version: r.version };
  });
}

/** The columns to store when the owner sets a built-in role's permissions to `wanted`. */
export async function builtInRoleEdit(q: Queryable, role: RoleRecord, wanted: string[], known: ReadonlySet<string>): Promise<{ permissions: string; removed: string }> {
  const row = await q.get<{ removed: string }>('SELECT removed FROM core_roles WHERE id = ?', [role.id]);
  const split = splitRoleEdit(wanted, role.defaults, JSON.parse(row?.removed ?? '[]') as string[], known);
  return { permissions: JSON.stringify(split.added), removed: JSON.stringify(split.removed) };
}
