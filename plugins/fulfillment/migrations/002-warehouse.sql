-- The warehouse: locations (库位) zone-shelf-level-bin, one SKU per bin (一物一卡一位), stock per
-- location, the defective stock (残次库), reservations for approved orders, and the ledger.
CREATE TABLE fulfillment_locations (
  id INTEGER PRIMARY KEY,
  -- e.g. A-01-02-03: zone A, shelf 01, level 02, bin 03.
  code TEXT NOT NULL UNIQUE,
  zone TEXT NOT NULL,
  shelf TEXT NOT NULL,
  level TEXT NOT NULL,
  bin TEXT NOT NULL,
  -- pick: a pick face orders are picked from; storage: reserve stock that refills pick faces.
  kind TEXT NOT NULL DEFAULT 'pick' CHECK (kind IN ('pick', 'storage')),
  -- Walking order of a pick path; lower first.
  path_order INTEGER NOT NULL,
  -- The one SKU this bin holds (null: empty bin).
  sku_id INTEGER,
  -- Pieces the bin holds when full; the replenishment target.
  capacity INTEGER,
  active INTEGER NOT NULL DEFAULT 1,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX fulfillment_locations_sku ON fulfillment_locations (sku_id, kind);
CREATE INDEX fulfillment_locations_path ON fulfillment_locations (path_order);

CREATE TABLE fulfillment_stock (
  location_id INTEGER NOT NULL REFERENCES fulfillment_locations (id),
  sku_id INTEGER NOT NULL,
  qty INTEGER NOT NULL,
  PRIMARY KEY (location_id, sku_id)
);
CREATE INDEX fulfillment_stock_sku ON fulfillment_stock (sku_id);

CREATE TABLE fulfillment_defective_stock (
  sku_id INTEGER PRIMARY KEY,
  qty INTEGER NOT NULL CHECK (qty >= 0)
);

-- Stock promised to approved orders not yet shipped.
CREATE TABLE fulfillment_reservations (
  order_id INTEGER NOT NULL REFERENCES fulfillment_orders (id) ON DELETE CASCADE,
  sku_id INTEGER NOT NULL,
  qty INTEGER NOT NULL CHECK (qty > 0),
  PRIMARY KEY (order_id, sku_id)
);
CREATE INDEX fulfillment_reservations_sku ON fulfillment_reservations (sku_id);

-- Every movement of stock, signed: + into the location, − out of it.
CREATE TABLE fulfillment_ledger (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('inbound', 'outbound', 'transfer', 'adjustment', 'defective', 'return')),
  sku_id INTEGER NOT NULL,
  location_id INTEGER REFERENCES fulfillment_locations (id),
  qty INTEGER NOT NULL,
  -- Stock at the location (or in the defective stock) after this movement.
  balance INTEGER NOT NULL,
  order_id INTEGER,
  reference TEXT,
  reason TEXT NOT NULL DEFAULT '',
  -- 1 when the movement took stock below zero under the override permission.
  override INTEGER NOT NULL DEFAULT 0,
  actor_id INTEGER,
  actor_name TEXT NOT NULL
);
CREATE INDEX fulfillment_ledger_sku ON fulfillment_ledger (sku_id, id);
CREATE INDEX fulfillment_ledger_order ON fulfillment_ledger (order_id);

-- 入库单: goods counted and inspected; passed pieces go to a bin, failed ones to the defective stock.
CREATE TABLE fulfillment_inbound_notes (
  id INTEGER PRIMARY KEY,
  note_no TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL DEFAULT 'manual',
  reference TEXT,
  supplier TEXT,
  remark TEXT NOT NULL DEFAULT '',
  actor_id INTEGER,
  actor_name TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE fulfillment_inbound_lines (
  id INTEGER PRIMARY KEY,
  note_id INTEGER NOT NULL REFERENCES fulfillment_inbound_notes (id) ON DELETE CASCADE,
  sku_id INTEGER NOT NULL,
  received INTEGER NOT NULL CHECK (received >= 0),
  passed INTEGER NOT NULL CHECK (passed >= 0),
  failed INTEGER NOT NULL CHECK (failed >= 0),
  location_id INTEGER REFERENCES fulfillment_locations (id),
  failure_reason TEXT,
  CHECK (passed + failed = received)
);

-- 盘点: a count sheet per zone; the book quantity is frozen when the sheet is made.
CREATE TABLE fulfillment_stocktakes (
  id INTEGER PRIMARY KEY,
  zone TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'counting' CHECK (status IN ('counting', 'posted', 'cancelled')),
  created_by INTEGER,
  created_by_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  posted_by INTEGER,
  posted_by_name TEXT,
  posted_at TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE fulfillment_stocktake_lines (
  stocktake_id INTEGER NOT NULL REFERENCES fulfillment_stocktakes (id) ON DELETE CASCADE,
  location_id INTEGER NOT NULL REFERENCES fulfillment_locations (id),
  sku_id INTEGER NOT NULL,
  book_qty INTEGER NOT NULL,
  counted_qty INTEGER,
  reason TEXT,
  PRIMARY KEY (stocktake_id, location_id, sku_id)
);

-- Reminders the shop should see (the monthly stocktake on the 28th).
CREATE TABLE fulfillment_reminders (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  period TEXT NOT NULL,
  message TEXT NOT NULL,
  created_at TEXT NOT NULL,
  dismissed_at TEXT,
  UNIQUE (kind, period)
);
