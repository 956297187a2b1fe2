import { splitStatements } from '../db/migrations.js';

const NAMED = /\b(?:CREATE\s+(?:TEMP(?:ORARY)?\s+)?(?:UNIQUE\s+)?(?:TABLE|VIEW|TRIGGER|INDEX)(?:\s+IF\s+NOT\s+EXISTS)?|ALTER\s+TABLE|DROP\s+(?:TABLE|VIEW|TRIGGER|INDEX)(?:\s+IF\s+EXISTS)?|INSERT(?:\s+OR\s+\w+)?\s+INTO|(?<!\bON\s+)UPDATE(?!\s+(?:OF|ON|SET)\b)|DELETE\s+FROM|\bON(?!\s+(?:DELETE|UPDATE|CONFLICT)\b))\s+["'`[]?([A-Za-z_][A-Za-z0-9_]*)/gi;

/**
 * The table prefix of a plugin: its id with dashes as underscores, then `_`
 * (`after-sales` → `after_sales_`).
 */
export function tablePrefix(pluginId: string): string {
  return `${pluginId.replace(/-/g, '_')}_`;
}

/**
 * Finds the first object a migration creates or touches outside the plugin's prefix (or inside
 * the longer prefix of another installed plugin). Plugins own only their own tables; everything
 * else goes through services and events.
 */
export function foreignObject(sql: string, prefix: string, otherPrefixes: readonly string[] = []): string | undefined {
  // `example_` also matches `example_consumer_log`, which belongs to the plugin `example-consumer`.
  const taken = otherPrefixes.filter((p) => p.length > prefix.length && p.toLowerCase().startsWith(prefix.toLowerCase())).map((p) => p.toLowerCase());
  for (const statement of splitStatements(sql)) {
    // Values like 'update on arrival' are data, not SQL; but SQLite also takes 'name' as a table
    // name, so a literal that could be one is kept.
    const code = statement.replace(/'(?:[^']|'')*'/g, (literal) => (/^'[A-Za-z_][A-Za-z0-9_]*'$/.test(literal) ? literal : "''"));
    for (const match of code.matchAll(NAMED)) {
      const name = match[1]!;
      const lower = name.toLowerCase();
      if (!lower.startsWith(prefix.toLowerCase()) || taken.some((p) => lower.startsWith(p))) return name;
    }
  }
  return undefined;
}
