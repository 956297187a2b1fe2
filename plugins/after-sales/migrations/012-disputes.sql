-- A dispute (纠纷) on a case: the negotiation, the appeal (申诉) and the outcome, each entry with
-- who and when. Talk comes first, the appeal second.
CREATE TABLE after_sales_dispute_log (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES after_sales_cases (id),
  kind TEXT NOT NULL CHECK (kind IN ('talk', 'appeal', 'outcome')),
  text TEXT NOT NULL,
  by_id INTEGER,
  by_name TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX after_sales_dispute_log_case ON after_sales_dispute_log (case_id, id);
