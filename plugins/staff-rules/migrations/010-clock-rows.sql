-- Every clock of a person: the workbench's button, a time clock's file, or a supervisor adding a
-- forgotten one. Times are shop time with the offset. A correction keeps the time it replaced,
-- who changed it, when and why, so the day shows both.
CREATE TABLE staff_rules_clock_rows (
  id INTEGER PRIMARY KEY,
  staff_id INTEGER NOT NULL REFERENCES staff_rules_staff (id),
  at TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('button', 'import', 'supervisor')),
  created_at TEXT NOT NULL,
  created_by INTEGER,
  original_at TEXT,
  corrected_at TEXT,
  corrected_by INTEGER,
  correction_reason TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  -- A time clock's file sent twice must not double the rows.
  UNIQUE (staff_id, at)
);
CREATE INDEX staff_rules_clock_rows_at ON staff_rules_clock_rows (at);
