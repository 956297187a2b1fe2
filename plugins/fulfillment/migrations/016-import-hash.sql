-- What the last import wrote of each order, as a fingerprint of the report's fields and lines
-- (server/import/order-hash.ts): a re-import whose report gives the same fingerprint leaves the
-- order alone without reading it back. Anything else that writes a field or line the import
-- compares clears it, so the next import compares that order field by field again.
ALTER TABLE fulfillment_orders ADD COLUMN import_hash TEXT;
CREATE TRIGGER fulfillment_orders_import_hash_stale
AFTER UPDATE OF platform_status, goods_total, shipping_fee, total, paid_amount, refund_amount, buyer_message, seller_remark, paid_at, tracking_no, courier,
  shop_name, closed_reason ON fulfillment_orders
WHEN OLD.import_hash IS NOT NULL
BEGIN
  UPDATE fulfillment_orders SET import_hash = NULL WHERE id = NEW.id;
END;
CREATE TRIGGER fulfillment_order_items_import_hash_stale
AFTER UPDATE OF order_id, line_key, sku_id, sku_code, title, properties, quantity, price, refund_status, refund_state, refund_amount ON fulfillment_order_items
BEGIN
  UPDATE fulfillment_orders SET import_hash = NULL WHERE id IN (OLD.order_id, NEW.order_id) AND import_hash IS NOT NULL;
END;
-- A line gone changes what the report is compared with; a line added beside the report's does not.
CREATE TRIGGER fulfillment_order_items_import_hash_gone
AFTER DELETE ON fulfillment_order_items
BEGIN
  UPDATE fulfillment_orders SET import_hash = NULL WHERE id = OLD.order_id AND import_hash IS NOT NULL;
END;
