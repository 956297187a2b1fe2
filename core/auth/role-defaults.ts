import type { PluginManifest } from '../plugins/manifest.js';

/**
 * The built-in roles a plugin's manifest may give default permissions (`roles:` in plugin.yaml).
 * The owner is not among them: that role holds every permission anyway.
 */
export const DEFAULT_ROLE_IDS: ReadonlySet<string> = new Set(['operations', 'customer-service', 'warehouse', 'purchasing', 'finance']);

/** What the running plugins' manifests give the built-in roles. */
export interface RoleDefaults {
  /** Built-in role id → its default permissions, sorted. */
  byRole: ReadonlyMap<string, readonly string[]>;
  /** Every permission the running plugins declare: a removal outside these is kept for later. */
  known: ReadonlySet<string>;
}

export const NO_ROLE_DEFAULTS: RoleDefaults = { byRole: new Map(), known: new Set() };

export function roleDefaults(running: readonly PluginManifest[]): RoleDefaults {
  const byRole = new Map<string, string[]>();
  const known = new Set<string>();
  for (const m of running) {
    for (const p of m.permissions) known.add(p.id);
    for (const [role, permissions] of Object.entries(m.roles ?? {})) {
      if (DEFAULT_ROLE_IDS.has(role)) byRole.set(role, [...(byRole.get(role) ?? []), ...permissions]);
    }
  }
  for (const [role, permissions] of byRole) byRole.set(role, [...new Set(permissions)].sort());
  return { byRole, known };
}

/** A built-in role's permissions: its defaults with the owner's additions, less the owner's removals. */
export function effectivePermissions(defaults: readonly string[], added: readonly string[], removed: readonly string[]): string[] {
  const out = new Set([...defaults, ...added]);
  for (const p of removed) out.delete(p);
  return [...out].sort();
}

/**
 * Turns the permissions the owner wants a built-in role to hold into what is stored: additions
 * beyond the defaults and defaults taken away. A removal of a permission whose plugin is not
 * running now stays, so the plugin's default does not come back with the plugin.
 */
export function splitRoleEdit(wanted: readonly string[], defaults: readonly string[], removedBefore: readonly string[], known: ReadonlySet<string>): { added: string[]; removed: string[] } {
  const want = new Set(wanted);
  const added = [...want].filter((p) => !defaults.includes(p));
  const removed = new Set([...defaults.filter((p) => !want.has(p)), ...removedBefore.filter((p) => !known.has(p))]);
  return { added: added.sort(), removed: [...removed].sort() };
}
