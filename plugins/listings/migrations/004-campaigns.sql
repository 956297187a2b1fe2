-- Campaigns (活动): their products, campaign prices and the second check of each price.
CREATE TABLE listings_campaigns (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT '',
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'prices-set', 'checked', 'scheduled', 'running', 'ended', 'closed')),
  forecast_sales INTEGER,
  same_period_sales INTEGER,
  cost INTEGER,
  -- JSON: the close-out report, kept once the campaign is closed out.
  report TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by INTEGER
);
CREATE INDEX listings_campaigns_status ON listings_campaigns (status, starts_at);

CREATE TABLE listings_campaign_products (
  campaign_id INTEGER NOT NULL REFERENCES listings_campaigns (id) ON DELETE CASCADE,
  product_id INTEGER NOT NULL REFERENCES listings_products (id) ON DELETE CASCADE,
  PRIMARY KEY (campaign_id, product_id)
);
CREATE INDEX listings_campaign_products_product ON listings_campaign_products (product_id);

-- A campaign price is set by one person and confirmed by another (二次核对).
CREATE TABLE listings_campaign_prices (
  campaign_id INTEGER NOT NULL REFERENCES listings_campaigns (id) ON DELETE CASCADE,
  sku_id INTEGER NOT NULL REFERENCES listings_skus (id) ON DELETE CASCADE,
  price INTEGER NOT NULL CHECK (price >= 0),
  set_by INTEGER NOT NULL,
  set_at TEXT NOT NULL,
  confirmed_by INTEGER,
  confirmed_at TEXT,
  PRIMARY KEY (campaign_id, sku_id)
);

-- The coupons a campaign hands out or relies on; the coupons check looks at these.
CREATE TABLE listings_campaign_coupons (
  campaign_id INTEGER NOT NULL REFERENCES listings_campaigns (id) ON DELETE CASCADE,
  coupon_id INTEGER NOT NULL REFERENCES listings_coupons (id) ON DELETE CASCADE,
  PRIMARY KEY (campaign_id, coupon_id)
);

-- Stock per SKU when the campaign started, taken from fulfillment's inventory when it runs, so
-- the close-out can reconcile sales against it.
CREATE TABLE listings_campaign_stock (
  campaign_id INTEGER NOT NULL REFERENCES listings_campaigns (id) ON DELETE CASCADE,
  sku_id INTEGER NOT NULL REFERENCES listings_skus (id) ON DELETE CASCADE,
  stock_at_start INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, sku_id)
);

-- Who closed the campaign out and when; the report itself is in listings_campaigns.report.
ALTER TABLE listings_campaigns ADD COLUMN closed_at TEXT;
ALTER TABLE listings_campaigns ADD COLUMN closed_by INTEGER;
