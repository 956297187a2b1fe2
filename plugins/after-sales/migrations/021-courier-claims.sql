-- A claim against the courier for a parcel lost, damaged or confiscated, on a case whose
-- responsibility is the courier's: what is claimed, the steps of the procedure as they are done,
-- and how it ended (paid with the amount and day, or refused). For confiscated goods, what the
-- buyer was offered.
CREATE TABLE after_sales_claims (
  case_id INTEGER PRIMARY KEY REFERENCES after_sales_cases (id),
  kind TEXT NOT NULL CHECK (kind IN ('lost', 'damaged', 'confiscated')),
  courier TEXT NOT NULL DEFAULT '',
  waybill_no TEXT NOT NULL DEFAULT '',
  amount_claimed INTEGER NOT NULL CHECK (amount_claimed > 0),
  offer TEXT CHECK (offer IN ('refund', 'exchange', 'gift')),
  state TEXT NOT NULL DEFAULT 'claimed' CHECK (state IN ('claimed', 'paid', 'refused')),
  amount_paid INTEGER,
  paid_on TEXT,
  outcome_note TEXT NOT NULL DEFAULT '',
  opened_by INTEGER,
  opened_by_name TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  decided_at TEXT
);

CREATE TABLE after_sales_claim_steps (
  case_id INTEGER NOT NULL REFERENCES after_sales_claims (case_id),
  step TEXT NOT NULL CHECK (step IN ('recorded', 'compared', 'called', 'located', 'told')),
  note TEXT NOT NULL DEFAULT '',
  by_id INTEGER,
  by_name TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (case_id, step)
);
