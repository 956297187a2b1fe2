-- Leave requests: whole shop days from–to, decided in writing by a supervisor. Only approved
-- leave covers a day; a pending or refused request leaves the day to its clocks (else absence).
CREATE TABLE staff_rules_leave (
  id INTEGER PRIMARY KEY,
  staff_id INTEGER NOT NULL REFERENCES staff_rules_staff (id),
  kind TEXT NOT NULL CHECK (kind IN ('personal', 'sick', 'special')),
  from_date TEXT NOT NULL,
  to_date TEXT NOT NULL,
  reason TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'refused')),
  -- The supervisor's judgement when approving: leave without real need costs extra (priced by the rules part).
  without_need INTEGER NOT NULL DEFAULT 0,
  decision_note TEXT,
  decided_by INTEGER,
  decided_at TEXT,
  requested_by INTEGER NOT NULL,
  requested_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  CHECK (from_date <= to_date)
);
CREATE INDEX staff_rules_leave_dates ON staff_rules_leave (from_date, to_date);
CREATE INDEX staff_rules_leave_staff ON staff_rules_leave (staff_id);
