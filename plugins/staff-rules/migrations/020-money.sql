-- Every amount the rules priced for a person (fines, penalties, rewards), with its explanation as
-- priced (JSON): a later change of the settings never rewrites what someone was already told.
CREATE TABLE staff_rules_amounts (
  id INTEGER PRIMARY KEY,
  staff_id INTEGER NOT NULL,
  -- YYYY-MM the amount is booked in, and the shop day it happened.
  month TEXT NOT NULL,
  date TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('fine', 'penalty', 'reward')),
  rule TEXT NOT NULL,
  amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
  explanation TEXT NOT NULL,
  flagged INTEGER NOT NULL DEFAULT 0,
  -- 1 when it counts towards the month's free mistakes (a misprint from faulty equipment does not).
  counted_mistake INTEGER NOT NULL DEFAULT 0,
  source TEXT NOT NULL CHECK (source IN ('supervisor', 'attendance', 'after-sales')),
  -- The case id, review id or attendance day the amount came from, so it is priced once.
  source_ref TEXT,
  recorded_by INTEGER,
  recorded_at TEXT NOT NULL,
  waived_at TEXT,
  waived_by INTEGER,
  waive_reason TEXT
);
CREATE INDEX staff_rules_amounts_month ON staff_rules_amounts (month, staff_id);
CREATE UNIQUE INDEX staff_rules_amounts_source ON staff_rules_amounts (source, source_ref, staff_id, rule) WHERE source_ref IS NOT NULL;

-- After-sales cases priced for mistakes, from the event or entered by hand: each case once.
CREATE TABLE staff_rules_cases (
  id INTEGER PRIMARY KEY,
  case_id TEXT NOT NULL UNIQUE,
  order_no TEXT NOT NULL,
  mistake TEXT NOT NULL,
  equipment_fault INTEGER NOT NULL DEFAULT 0,
  return_shipping_fen INTEGER NOT NULL CHECK (return_shipping_fen >= 0),
  closed_on TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('supervisor', 'after-sales')),
  recorded_by INTEGER,
  recorded_at TEXT NOT NULL
);

-- What the department fund paid for, with the note and the receipt's number.
CREATE TABLE staff_rules_fund_spending (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL,
  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
  note TEXT NOT NULL,
  receipt_no TEXT NOT NULL,
  recorded_by INTEGER NOT NULL,
  recorded_at TEXT NOT NULL
);

-- Months the owner closed: nothing booked in them changes any more.
CREATE TABLE staff_rules_month_closes (
  month TEXT PRIMARY KEY,
  closed_at TEXT NOT NULL,
  closed_by INTEGER NOT NULL
);
