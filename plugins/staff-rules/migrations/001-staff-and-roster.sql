-- The people of the shop. 工号 is unique as written after trimming (the store normalises it).
CREATE TABLE staff_rules_staff (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  department TEXT NOT NULL,
  position TEXT,
  hired_on TEXT,
  phone TEXT,
  account_id INTEGER UNIQUE,
  left_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX staff_rules_staff_department ON staff_rules_staff (department);

-- Kinds of shift. An end at or before the start lies on the next day (24:00 is written 00:00).
CREATE TABLE staff_rules_shift_templates (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  start TEXT NOT NULL,
  end TEXT NOT NULL,
  break_minutes INTEGER NOT NULL DEFAULT 0,
  kind TEXT NOT NULL CHECK (kind IN ('day', 'night'))
);
INSERT INTO staff_rules_shift_templates (name, start, end, break_minutes, kind) VALUES
  ('白班', '08:30', '17:30', 60, 'day'),
  ('晚班 15:30', '15:30', '00:00', 0, 'night'),
  ('晚班 16:00', '16:00', '00:00', 0, 'night'),
  ('晚班 17:30', '17:30', '01:00', 0, 'night');

-- One person's shift on one day; the day is the day the shift starts.
CREATE TABLE staff_rules_roster (
  staff_id INTEGER NOT NULL REFERENCES staff_rules_staff (id),
  date TEXT NOT NULL,
  template_id INTEGER NOT NULL REFERENCES staff_rules_shift_templates (id),
  assigned_by INTEGER,
  assigned_at TEXT NOT NULL,
  PRIMARY KEY (staff_id, date)
);
CREATE INDEX staff_rules_roster_date ON staff_rules_roster (date);
