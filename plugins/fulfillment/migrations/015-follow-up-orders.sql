-- An order after-sales sends out again for a case: an exchange (换货) or a reshipment (补发). It
-- goes through review, waves and the stations like any order; these say what it is, which order
-- it follows and which case asked for it.
ALTER TABLE fulfillment_orders ADD COLUMN follow_up TEXT CHECK (follow_up IN ('exchange', 'reship'));
ALTER TABLE fulfillment_orders ADD COLUMN origin_order_no TEXT;
ALTER TABLE fulfillment_orders ADD COLUMN case_ref TEXT;
CREATE INDEX fulfillment_orders_follow_up ON fulfillment_orders (origin_order_no) WHERE origin_order_no IS NOT NULL;
