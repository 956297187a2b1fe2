-- Courier monthly statements (快递月结账单) and the outcome of matching each line to a shipment.
CREATE TABLE fulfillment_statements (
  id INTEGER PRIMARY KEY,
  courier TEXT NOT NULL,
  period TEXT NOT NULL,
  file_name TEXT NOT NULL,
  lines INTEGER NOT NULL,
  matched INTEGER NOT NULL,
  unknown INTEGER NOT NULL,
  differences INTEGER NOT NULL,
  actor_id INTEGER,
  actor_name TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE fulfillment_statement_lines (
  id INTEGER PRIMARY KEY,
  statement_id INTEGER NOT NULL REFERENCES fulfillment_statements (id) ON DELETE CASCADE,
  row_no INTEGER NOT NULL,
  tracking_no TEXT NOT NULL,
  weight_grams INTEGER NOT NULL,
  fee INTEGER NOT NULL,
  order_id INTEGER REFERENCES fulfillment_orders (id),
  -- ok, unknown (no shipment has the number), weight / fee (differs beyond the tolerance), both
  outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'unknown', 'weight', 'fee', 'weight-and-fee')),
  expected_weight_grams INTEGER,
  expected_fee INTEGER
);
CREATE INDEX fulfillment_statement_lines_statement ON fulfillment_statement_lines (statement_id, outcome);
