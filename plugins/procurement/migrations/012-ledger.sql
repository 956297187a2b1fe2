-- The account with each supplier: deliveries (goods and transport owed) and payments.
CREATE TABLE procurement_ledger (
  id INTEGER PRIMARY KEY,
  supplier_id INTEGER NOT NULL REFERENCES procurement_suppliers (id),
  day TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('delivery', 'payment')),
  -- The receipt or payment it comes from: CG/SH numbers, a bank reference.
  reference TEXT NOT NULL,
  order_id INTEGER REFERENCES procurement_orders (id),
  amount INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0),
  transport INTEGER NOT NULL DEFAULT 0 CHECK (transport >= 0),
  paid INTEGER NOT NULL DEFAULT 0 CHECK (paid >= 0),
  note TEXT NOT NULL DEFAULT '',
  by_id INTEGER NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX procurement_ledger_supplier ON procurement_ledger (supplier_id, day);
