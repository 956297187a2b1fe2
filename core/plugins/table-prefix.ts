import { splitStatements } from '../db/migrations.js';

const NAMED = /\b(?:CREATE\s+(?:TEMP(?:ORARY)?\s+)?(?:UNIQUE\s+)?(?:TABLE|VIEW|TRIGGER|INDEX)(?:\s+IF\s+NOT\s+EXISTS)?|ALTER\s+TABLE|DROP\s+(?:TABLE|VIEW|TRIGGER|INDEX)(?:\s+IF\s+EXISTS)?|INSERT(?:\s+OR\s+\w+)?\s+INTO|UPDATE|DELETE\s+FROM|\bON)\s+["`[]?([A-Za-z_][A-Za-z0-9_]*)/gi;

/**
 * The table prefix of a plugin: its id with dashes as underscores, then `_`
 * (`after-sales` → `after_sales_`).
 */
export function tablePrefix(pluginId: string): string {
  return `${pluginId.replace(/-/g, '_')}_`;
}

/**
 * Finds the first object a migration creates or touches outside the plugin's prefix. Plugins own
 * only their own tables; everything else goes through services and events.
 */
export function foreignObject(sql: string, prefix: string): string | undefined {
  for (const statement of splitStatements(sql)) {
    for (const match of statement.matchAll(NAMED)) {
      const name = match[1]!;
      if (!name.toLowerCase().startsWith(prefix.toLowerCase())) return name;
    }
  }
  return undefined;
}
