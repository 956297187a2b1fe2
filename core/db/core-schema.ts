import type { Migration } from './migrations.js';

/**
 * The core's own tables. Like plugin migrations, these are append-only: change the schema by
 * adding a migration, never by editing one that shops have already applied.
 */
export const CORE_MIGRATIONS: Migration[] = [
  {
    name: '001-accounts-audit-settings.sql',
    sql: `
CREATE TABLE core_users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  locale TEXT,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE core_roles (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  permissions TEXT NOT NULL DEFAULT '[]',
  builtin INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE core_user_roles (
  user_id INTEGER NOT NULL REFERENCES core_users(id) ON DELETE CASCADE,
  role_id TEXT NOT NULL REFERENCES core_roles(id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, role_id)
);
CREATE TABLE core_sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES core_users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  last_seen_ms INTEGER NOT NULL
);
CREATE INDEX core_sessions_user ON core_sessions(user_id);
CREATE TABLE core_audit (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id INTEGER,
  actor_name TEXT,
  plugin TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'error')),
  status INTEGER,
  detail TEXT
);
CREATE INDEX core_audit_plugin ON core_audit(plugin, id);
CREATE TABLE core_settings (
  plugin TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by INTEGER,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE core_shop (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO core_roles (id, name, permissions, builtin) VALUES
  ('owner', '{"zh-CN":"店长","en":"Owner"}', '["*"]', 1),
  ('operations', '{"zh-CN":"运营","en":"Operations"}', '[]', 1),
  ('customer-service', '{"zh-CN":"客服","en":"Customer service"}', '[]', 1),
  ('warehouse', '{"zh-CN":"仓管","en":"Warehouse"}', '[]', 1),
  ('purchasing', '{"zh-CN":"采购","en":"Purchasing"}', '[]', 1),
  ('finance', '{"zh-CN":"财务","en":"Finance"}', '[]', 1);
`,
  },
  {
    name: '002-job-runs.sql',
    sql: `
-- Each job's last start, so a run missed while the workbench was off catches up at the next start.
CREATE TABLE core_job_runs (
  owner TEXT NOT NULL,
  job TEXT NOT NULL,
  schedule TEXT NOT NULL,
  last_run_at TEXT NOT NULL,
  PRIMARY KEY (owner, job)
) WITHOUT ROWID;
`,
  },
  {
    name: '003-plugin-states.sql',
    sql: `
-- The owner's choice to switch a plugin off or on at runtime; config.yaml's plugins.enabled stays
-- the list of what may run at all. A plugin without a row follows config.yaml.
CREATE TABLE core_plugin_states (
  id TEXT PRIMARY KEY,
  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  changed_by INTEGER REFERENCES core_users(id) ON DELETE SET NULL,
  changed_at TEXT NOT NULL
) WITHOUT ROWID;
`,
  },
  {
    name: '004-role-edits-password-change.sql',
    sql: `
-- Built-in roles get their permissions from the running plugins' manifests; what the owner changed
-- is kept apart from those defaults, as permissions added (the existing permissions column) and
-- permissions taken away, so a plugin that comes later still brings its defaults.
ALTER TABLE core_roles ADD COLUMN removed TEXT NOT NULL DEFAULT '[]';
-- Set when someone else (the owner) sets the password: the person picks their own at next login.
ALTER TABLE core_users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
`,
  },
  {
    name: '005-import-mappings.sql',
    sql: `
-- A clerk's answer to an import that asked which column of a file holds each field: one per
-- importer (\`<plugin>/<importer>\`) and file layout (a hash of the header's cleaned cells).
CREATE TABLE core_import_mappings (
  importer_id TEXT NOT NULL,
  layout_key TEXT NOT NULL,
  header_json TEXT NOT NULL,
  fields_json TEXT NOT NULL,
  mapping_json TEXT NOT NULL,
  created_by INTEGER REFERENCES core_users(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (importer_id, layout_key)
) WITHOUT ROWID;
`,
  },
];
