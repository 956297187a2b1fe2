-- Quotes, purchase orders and their approvals. Times are shop time (ISO 8601 with the offset),
-- days `YYYY-MM-DD` in shop time, money in 分. Suppliers are procurement_suppliers (001).

-- A request for quotation: some SKUs asked of several suppliers, and the choice made.
CREATE TABLE procurement_rfqs (
  id INTEGER PRIMARY KEY,
  rfq_no TEXT NOT NULL UNIQUE,
  plan_id INTEGER,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'decided', 'ordered')),
  choice_reason TEXT,
  decided_by INTEGER,
  decided_at TEXT,
  created_by INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE procurement_rfq_suppliers (
  rfq_id INTEGER NOT NULL REFERENCES procurement_rfqs (id) ON DELETE CASCADE,
  supplier_id INTEGER NOT NULL REFERENCES procurement_suppliers (id),
  PRIMARY KEY (rfq_id, supplier_id)
);
CREATE TABLE procurement_rfq_lines (
  id INTEGER PRIMARY KEY,
  rfq_id INTEGER NOT NULL REFERENCES procurement_rfqs (id) ON DELETE CASCADE,
  sku_id INTEGER NOT NULL,
  sku_code TEXT NOT NULL,
  title TEXT NOT NULL,
  qty INTEGER NOT NULL CHECK (qty >= 1),
  -- The supplier chosen for this line, once decided.
  chosen_supplier_id INTEGER REFERENCES procurement_suppliers (id)
);
-- One supplier's answer for one line.
CREATE TABLE procurement_quotes (
  id INTEGER PRIMARY KEY,
  rfq_line_id INTEGER NOT NULL REFERENCES procurement_rfq_lines (id) ON DELETE CASCADE,
  supplier_id INTEGER NOT NULL REFERENCES procurement_suppliers (id),
  price INTEGER NOT NULL CHECK (price >= 0),
  lead_time_days INTEGER NOT NULL CHECK (lead_time_days >= 0),
  min_qty INTEGER NOT NULL DEFAULT 1 CHECK (min_qty >= 1),
  note TEXT NOT NULL DEFAULT '',
  entered_by INTEGER NOT NULL,
  entered_at TEXT NOT NULL,
  UNIQUE (rfq_line_id, supplier_id)
);

CREATE TABLE procurement_orders (
  id INTEGER PRIMARY KEY,
  po_no TEXT NOT NULL UNIQUE,
  supplier_id INTEGER NOT NULL REFERENCES procurement_suppliers (id),
  rfq_id INTEGER REFERENCES procurement_rfqs (id),
  contract_id INTEGER,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'sent', 'partly-received', 'received', 'closed', 'cancelled')),
  transport_cost INTEGER NOT NULL DEFAULT 0 CHECK (transport_cost >= 0),
  expected_date TEXT,
  remark TEXT NOT NULL DEFAULT '',
  created_by INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX procurement_orders_supplier ON procurement_orders (supplier_id, status);
CREATE TABLE procurement_order_lines (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES procurement_orders (id) ON DELETE CASCADE,
  sku_id INTEGER NOT NULL,
  sku_code TEXT NOT NULL,
  barcode TEXT,
  title TEXT NOT NULL,
  qty INTEGER NOT NULL CHECK (qty >= 1),
  price INTEGER NOT NULL CHECK (price >= 0),
  expected_date TEXT,
  -- Running totals of receiving: pieces that passed (and came back exchanged), and that failed.
  passed INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX procurement_order_lines_sku ON procurement_order_lines (sku_id);
-- Every move of an order: who, when, from and to, and why.
CREATE TABLE procurement_order_steps (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES procurement_orders (id) ON DELETE CASCADE,
  move TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  by_id INTEGER NOT NULL,
  by_name TEXT NOT NULL,
  at TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
-- Signatures of the approval chain, step by step.
CREATE TABLE procurement_order_approvals (
  order_id INTEGER NOT NULL REFERENCES procurement_orders (id) ON DELETE CASCADE,
  step INTEGER NOT NULL,
  role TEXT NOT NULL,
  because TEXT NOT NULL,
  from_amount INTEGER NOT NULL DEFAULT 0,
  by_id INTEGER NOT NULL,
  by_name TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (order_id, step)
);
