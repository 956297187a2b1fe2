-- Waves (波次): approved orders grouped for picking, with the class each order got, and the
-- replenishment tasks a wave needs before it can be picked.
CREATE TABLE fulfillment_waves (
  id INTEGER PRIMARY KEY,
  wave_no TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL DEFAULT 'picking' CHECK (status IN ('picking', 'picked', 'done', 'cancelled')),
  created_by INTEGER,
  created_by_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  picked_by INTEGER,
  picked_at TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE fulfillment_wave_orders (
  wave_id INTEGER NOT NULL REFERENCES fulfillment_waves (id) ON DELETE CASCADE,
  order_id INTEGER NOT NULL REFERENCES fulfillment_orders (id),
  -- single 单品, multi-zone-one 多品单区, multi-cross 多品跨区
  class TEXT NOT NULL CHECK (class IN ('single', 'multi-one-zone', 'multi-cross-zone')),
  -- 单品提总: the SKU was picked in total for all its single-item orders.
  bulk_pick INTEGER NOT NULL DEFAULT 0,
  -- Slot in the seeding wall (播种墙), from 1.
  slot INTEGER NOT NULL,
  PRIMARY KEY (wave_id, order_id)
);
CREATE UNIQUE INDEX fulfillment_wave_orders_order ON fulfillment_wave_orders (order_id);

CREATE TABLE fulfillment_replenishments (
  id INTEGER PRIMARY KEY,
  wave_id INTEGER REFERENCES fulfillment_waves (id),
  sku_id INTEGER NOT NULL,
  from_location_id INTEGER NOT NULL REFERENCES fulfillment_locations (id),
  to_location_id INTEGER NOT NULL REFERENCES fulfillment_locations (id),
  qty INTEGER NOT NULL CHECK (qty > 0),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  created_at TEXT NOT NULL,
  done_by INTEGER,
  done_at TEXT
);

-- 复核: each scan at the verification station, kept so a mistake can be traced.
CREATE TABLE fulfillment_verification_scans (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES fulfillment_orders (id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  sku_id INTEGER,
  outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'wrong-item', 'surplus', 'unknown')),
  actor_id INTEGER,
  actor_name TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX fulfillment_verification_scans_order ON fulfillment_verification_scans (order_id);
