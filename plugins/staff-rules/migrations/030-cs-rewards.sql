-- The best CS of the month comes from cs-scripts' month close: amounts get a fourth source. SQLite
-- cannot change a CHECK in place, so the table is copied into one that allows it.
CREATE TABLE staff_rules_amounts_new (
  id INTEGER PRIMARY KEY,
  staff_id INTEGER NOT NULL,
  month TEXT NOT NULL,
  date TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('fine', 'penalty', 'reward')),
  rule TEXT NOT NULL,
  amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
  explanation TEXT NOT NULL,
  flagged INTEGER NOT NULL DEFAULT 0,
  counted_mistake INTEGER NOT NULL DEFAULT 0,
  source TEXT NOT NULL CHECK (source IN ('supervisor', 'attendance', 'after-sales', 'cs-scripts')),
  source_ref TEXT,
  recorded_by INTEGER,
  recorded_at TEXT NOT NULL,
  waived_at TEXT,
  waived_by INTEGER,
  waive_reason TEXT
);
INSERT INTO staff_rules_amounts_new SELECT id, staff_id, month, date, kind, rule, amount_fen, explanation, flagged, counted_mistake, source, source_ref, recorded_by, recorded_at, waived_at, waived_by, waive_reason FROM staff_rules_amounts;
DROP TABLE staff_rules_amounts;
ALTER TABLE staff_rules_amounts_new RENAME TO staff_rules_amounts;
CREATE INDEX staff_rules_amounts_month ON staff_rules_amounts (month, staff_id);
CREATE UNIQUE INDEX staff_rules_amounts_source ON staff_rules_amounts (source, source_ref, staff_id, rule) WHERE source_ref IS NOT NULL;
