-- Deliveries counted against an order, and goods going back to the supplier.
CREATE TABLE procurement_receipts (
  id INTEGER PRIMARY KEY,
  receipt_no TEXT NOT NULL UNIQUE,
  order_id INTEGER NOT NULL REFERENCES procurement_orders (id),
  day TEXT NOT NULL,
  by_id INTEGER NOT NULL,
  by_name TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE TABLE procurement_receipt_lines (
  receipt_id INTEGER NOT NULL REFERENCES procurement_receipts (id) ON DELETE CASCADE,
  order_line_id INTEGER NOT NULL REFERENCES procurement_order_lines (id),
  counted INTEGER NOT NULL,
  passed INTEGER NOT NULL,
  failed INTEGER NOT NULL,
  over INTEGER NOT NULL DEFAULT 0,
  days_late INTEGER NOT NULL DEFAULT 0,
  failure_reason TEXT,
  PRIMARY KEY (receipt_id, order_line_id)
);

-- A return to the supplier (退换货单): failed goods held apart until exchanged or settled.
CREATE TABLE procurement_returns (
  id INTEGER PRIMARY KEY,
  return_no TEXT NOT NULL UNIQUE,
  supplier_id INTEGER NOT NULL REFERENCES procurement_suppliers (id),
  order_id INTEGER REFERENCES procurement_orders (id),
  receipt_id INTEGER REFERENCES procurement_receipts (id),
  -- open: held in the shop; sent: 换货出库 done, waiting for the supplier; settled: nothing left on it.
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'sent', 'settled')),
  reason TEXT NOT NULL,
  settlement_note TEXT,
  created_by INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  sent_by INTEGER,
  sent_at TEXT,
  settled_by INTEGER,
  settled_at TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE procurement_return_lines (
  id INTEGER PRIMARY KEY,
  return_id INTEGER NOT NULL REFERENCES procurement_returns (id) ON DELETE CASCADE,
  order_line_id INTEGER REFERENCES procurement_order_lines (id),
  sku_id INTEGER NOT NULL,
  sku_code TEXT NOT NULL,
  title TEXT NOT NULL,
  qty INTEGER NOT NULL CHECK (qty >= 1),
  price INTEGER NOT NULL,
  reason TEXT NOT NULL,
  -- Pieces that came back as 换货入库, and pieces settled otherwise (refund, credit, written off).
  exchanged INTEGER NOT NULL DEFAULT 0,
  written_off INTEGER NOT NULL DEFAULT 0,
  CHECK (exchanged + written_off <= qty)
);

-- The inspection of the first delivery of a SKU from a supplier, to compare later batches with.
CREATE TABLE procurement_first_inspections (
  supplier_id INTEGER NOT NULL,
  sku_id INTEGER NOT NULL,
  counted INTEGER NOT NULL,
  failed INTEGER NOT NULL,
  receipt_no TEXT NOT NULL,
  PRIMARY KEY (supplier_id, sku_id)
);
