-- A 满就送 gift is a line of its own (price 0), so the warehouse picks, verifies and ships it like any
-- other; the flag tells the clerk and the packing slip it is a gift (赠品).
ALTER TABLE fulfillment_order_items ADD COLUMN gift INTEGER NOT NULL DEFAULT 0;
