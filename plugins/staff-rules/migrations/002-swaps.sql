-- Requests to change the plan, decided in writing: `exchange` swaps two people's shifts on a day;
-- `keep` lets a person stay on the same kind of shift (day or night) for the week of `date`.
CREATE TABLE staff_rules_swaps (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('exchange', 'keep')),
  staff_id INTEGER NOT NULL REFERENCES staff_rules_staff (id),
  other_staff_id INTEGER REFERENCES staff_rules_staff (id),
  date TEXT NOT NULL,
  reason TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'requested' CHECK (state IN ('requested', 'approved', 'refused')),
  requested_by INTEGER NOT NULL,
  requested_at TEXT NOT NULL,
  decided_by INTEGER,
  decided_at TEXT,
  decision_note TEXT
);
CREATE INDEX staff_rules_swaps_state ON staff_rules_swaps (state, date);
