-- Who moved a product through the listing workflow, and the last stock seen per SKU.
CREATE TABLE listings_product_history (
  id INTEGER PRIMARY KEY,
  product_id INTEGER NOT NULL REFERENCES listings_products (id) ON DELETE CASCADE,
  action TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT,
  actor_id INTEGER,
  actor_name TEXT,
  at TEXT NOT NULL,
  note TEXT,
  -- JSON: ids of the checklist rules that failed when it was submitted.
  failed_rules TEXT
);
CREATE INDEX listings_product_history_product ON listings_product_history (product_id, id);

-- One row per SKU whose stock was checked; `low` remembers the side of the threshold, so the
-- low-stock event fires once per crossing instead of on every check.
CREATE TABLE listings_stock_levels (
  sku_id INTEGER PRIMARY KEY REFERENCES listings_skus (id) ON DELETE CASCADE,
  stock INTEGER NOT NULL,
  threshold INTEGER NOT NULL,
  low INTEGER NOT NULL,
  checked_at TEXT NOT NULL
);
