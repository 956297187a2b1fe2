-- Competitors' prices noted for an item, so the retail price can be set against them.
CREATE TABLE procurement_competitor_prices (
  id INTEGER PRIMARY KEY,
  sku_code TEXT NOT NULL,
  competitor TEXT NOT NULL,
  price INTEGER NOT NULL CHECK (price >= 0),
  url TEXT,
  note TEXT NOT NULL DEFAULT '',
  noted_by INTEGER NOT NULL,
  noted_at TEXT NOT NULL
);
CREATE INDEX procurement_competitor_prices_sku ON procurement_competitor_prices (sku_code, noted_at);
