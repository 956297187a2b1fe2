-- Flags are filtered together with states ("red-flagged orders to review"): without this index
-- counting them per state read every order.
CREATE INDEX fulfillment_orders_flag ON fulfillment_orders (flag, status, priority, placed_at);
