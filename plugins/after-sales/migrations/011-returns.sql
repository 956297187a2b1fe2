-- Goods coming back against a case: the buyer's return tracking number (what the warehouse
-- scans), then the receipt with each piece's inspection. One receipt per case.
CREATE TABLE after_sales_returns (
  case_id INTEGER PRIMARY KEY REFERENCES after_sales_cases (id),
  tracking_no TEXT UNIQUE,
  intact INTEGER,
  damaged INTEGER,
  location_code TEXT,
  note TEXT NOT NULL DEFAULT '',
  received_at TEXT,
  received_by INTEGER,
  received_by_name TEXT
);
