-- One after-sales case per request on an order line: its kind, reason, where it stands on the
-- platform's states, the seller's answer deadline, and who was responsible once decided.
-- Times are shop time, ISO 8601 with the offset; money integer 分.
CREATE TABLE after_sales_cases (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL,
  order_no TEXT NOT NULL,
  item_id INTEGER NOT NULL,
  line_key TEXT NOT NULL,
  sku_code TEXT NOT NULL,
  title TEXT NOT NULL,
  quantity INTEGER NOT NULL,
  line_paid INTEGER NOT NULL,
  shipping_paid INTEGER NOT NULL,
  paid_at TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('refund-only', 'return-refund', 'exchange', 'reship')),
  reason TEXT NOT NULL,
  reason_text TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('manual', 'import')),
  platform_refund TEXT,
  opened_at TEXT NOT NULL,
  opened_by INTEGER,
  opened_by_name TEXT NOT NULL,
  due_at TEXT,
  responsibility TEXT,
  closed_at TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
);
CREATE INDEX after_sales_cases_order ON after_sales_cases (order_id, item_id);
CREATE INDEX after_sales_cases_queue ON after_sales_cases (closed_at, due_at);

-- Every move of a case: from, to, who and when.
CREATE TABLE after_sales_case_moves (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES after_sales_cases (id),
  from_state TEXT,
  to_state TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  by_id INTEGER,
  by_name TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX after_sales_case_moves_case ON after_sales_case_moves (case_id, id);

-- Evidence in words: the shop's notes and the customer's own words.
CREATE TABLE after_sales_case_notes (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES after_sales_cases (id),
  kind TEXT NOT NULL CHECK (kind IN ('note', 'customer')),
  text TEXT NOT NULL,
  by_id INTEGER,
  by_name TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX after_sales_case_notes_case ON after_sales_case_notes (case_id, id);

-- The refund ledger: each refund of a case, split into goods, shipping and compensation.
CREATE TABLE after_sales_refunds (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES after_sales_cases (id),
  goods INTEGER NOT NULL CHECK (goods >= 0),
  shipping INTEGER NOT NULL CHECK (shipping >= 0),
  compensation INTEGER NOT NULL CHECK (compensation >= 0),
  note TEXT NOT NULL DEFAULT '',
  by_id INTEGER,
  by_name TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX after_sales_refunds_case ON after_sales_refunds (case_id);

-- The deadline warnings already given (48 h, 24 h left), so each is given once per case.
CREATE TABLE after_sales_case_warnings (
  case_id INTEGER NOT NULL REFERENCES after_sales_cases (id),
  hours_left INTEGER NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (case_id, hours_left)
);
