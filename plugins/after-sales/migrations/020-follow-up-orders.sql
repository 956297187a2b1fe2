-- The order an exchange or reshipment sends out through fulfillment: one per case, its number,
-- what was sent, the price difference settled (sent at the SKUs' prices minus what the buyer paid
-- for those pieces: above 0 the buyer pays it, below 0 the shop refunded it through the ledger),
-- and, once fulfillment ships it, the courier and tracking number for CS.
CREATE TABLE after_sales_follow_ups (
  case_id INTEGER PRIMARY KEY REFERENCES after_sales_cases (id),
  order_id INTEGER NOT NULL,
  order_no TEXT NOT NULL UNIQUE,
  sku_code TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  sent_value INTEGER NOT NULL,
  paid_value INTEGER NOT NULL,
  price_difference INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_by INTEGER,
  created_by_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  courier TEXT,
  tracking_no TEXT,
  shipped_at TEXT
);
