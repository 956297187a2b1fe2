-- Handover notes written on a shift for the next one, and who read each (read receipts).
CREATE TABLE staff_rules_handover_notes (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL,
  department TEXT,
  text TEXT NOT NULL,
  written_by INTEGER NOT NULL,
  written_by_name TEXT NOT NULL,
  written_at TEXT NOT NULL
);
CREATE INDEX staff_rules_handover_notes_written_at ON staff_rules_handover_notes (written_at);

CREATE TABLE staff_rules_handover_reads (
  note_id INTEGER NOT NULL REFERENCES staff_rules_handover_notes (id),
  account_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  read_at TEXT NOT NULL,
  PRIMARY KEY (note_id, account_id)
);

-- Monday meeting notes, weekly reports (period: the Monday) and the operations day's checklist
-- (period: the day), one per department and period; `entries` is JSON, in the skeleton's order.
CREATE TABLE staff_rules_routines (
  kind TEXT NOT NULL CHECK (kind IN ('meeting', 'weekly-report', 'day-checklist')),
  department TEXT NOT NULL,
  period TEXT NOT NULL,
  entries TEXT NOT NULL,
  updated_by INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (kind, department, period)
);
