-- 满就送 while stocks last: how many gifts a promotion has given (its rule's giftCount is how many it
-- may give), and which order took how many, so closing that order gives them back.
ALTER TABLE listings_promotions ADD COLUMN gifts_given INTEGER NOT NULL DEFAULT 0 CHECK (gifts_given >= 0);

CREATE TABLE listings_gift_grants (
  order_ref TEXT NOT NULL,
  promotion_id INTEGER NOT NULL REFERENCES listings_promotions (id),
  sku_id INTEGER NOT NULL,
  qty INTEGER NOT NULL CHECK (qty > 0),
  granted_at TEXT NOT NULL,
  PRIMARY KEY (order_ref, promotion_id)
);
