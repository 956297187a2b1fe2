-- Suppliers and what they supply. Times are shop time, ISO 8601 with the offset; money in 分.
CREATE TABLE procurement_suppliers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  contact TEXT,
  phone TEXT,
  -- JSON array of category names, as the shop writes them.
  categories TEXT NOT NULL DEFAULT '[]',
  lead_time_days INTEGER NOT NULL DEFAULT 7 CHECK (lead_time_days >= 0),
  payment_terms TEXT,
  note TEXT NOT NULL DEFAULT '',
  -- The scorecard, kept beside the supplier so "may it get an order" is one row: points since the
  -- last 31 December, the standing they put it in, and the fix-by date set on reaching approval.
  points INTEGER NOT NULL DEFAULT 0,
  standing TEXT NOT NULL DEFAULT 'active' CHECK (standing IN ('active', 'approval', 'ended')),
  fix_by TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- A supplier's price list: one row per SKU (商家编码) it offers.
CREATE TABLE procurement_supplier_items (
  id INTEGER PRIMARY KEY,
  supplier_id INTEGER NOT NULL REFERENCES procurement_suppliers (id) ON DELETE CASCADE,
  sku_code TEXT NOT NULL,
  price INTEGER NOT NULL CHECK (price >= 0),
  min_quantity INTEGER NOT NULL DEFAULT 1 CHECK (min_quantity >= 1),
  -- YYYY-MM-DD, the last day the price holds; NULL: no end.
  valid_until TEXT,
  updated_at TEXT NOT NULL,
  UNIQUE (supplier_id, sku_code)
);
CREATE INDEX procurement_supplier_items_sku ON procurement_supplier_items (sku_code);
