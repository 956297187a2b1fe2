-- Promotions (rules as JSON, checked by the API's schemas), coupon designs and issued coupons.
CREATE TABLE listings_promotions (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('bundle', 'member', 'percent', 'full-reduction', 'full-gift')),
  rule TEXT NOT NULL,
  scope TEXT NOT NULL DEFAULT '{}',
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'ended')),
  suspended_reason TEXT,
  -- The campaign it belongs to (listings_campaigns, created in 004), or null.
  campaign_id INTEGER,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by INTEGER
);
CREATE INDEX listings_promotions_status ON listings_promotions (status, starts_at, ends_at);

CREATE TABLE listings_coupons (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  face_value INTEGER NOT NULL CHECK (face_value > 0),
  threshold INTEGER NOT NULL DEFAULT 0 CHECK (threshold >= 0),
  product_ids TEXT NOT NULL DEFAULT '[]',
  valid_from TEXT NOT NULL,
  valid_until TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by INTEGER
);

CREATE TABLE listings_coupon_codes (
  code TEXT PRIMARY KEY,
  coupon_id INTEGER NOT NULL REFERENCES listings_coupons (id),
  status TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'used', 'returned', 'expired')),
  issued_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  order_ref TEXT
);
CREATE INDEX listings_coupon_codes_order ON listings_coupon_codes (order_ref);
CREATE INDEX listings_coupon_codes_coupon ON listings_coupon_codes (coupon_id);
