-- Refunds per line, as the item report gives them: where the refund stands (one of the states of
-- shared/refund-state.ts, read from 退款状态 whether Taobao wrote a sentence or a code) and how much.
-- A line refunded in full is kept on its order but no longer picked, verified, reserved or shipped.
ALTER TABLE fulfillment_order_items ADD COLUMN refund_state TEXT NOT NULL DEFAULT 'none' CHECK (refund_state IN ('none', 'in-progress', 'refused', 'closed', 'succeeded'));
ALTER TABLE fulfillment_order_items ADD COLUMN refund_amount INTEGER NOT NULL DEFAULT 0;
UPDATE fulfillment_order_items SET refund_state = CASE
  WHEN refund_status IS NULL OR trim(refund_status) = '' OR refund_status LIKE '%没有申请%' OR upper(refund_status) = 'NO_REFUND' THEN 'none'
  WHEN refund_status LIKE '%成功%' OR upper(trim(refund_status)) = 'SUCCESS' THEN 'succeeded'
  WHEN refund_status LIKE '%拒绝%' OR upper(trim(refund_status)) = 'SELLER_REFUSE_BUYER' THEN 'refused'
  WHEN refund_status LIKE '%关闭%' OR upper(trim(refund_status)) = 'CLOSED' THEN 'closed'
  ELSE 'in-progress' END;
CREATE INDEX fulfillment_order_items_refund ON fulfillment_order_items (order_id) WHERE refund_state = 'succeeded';

-- 放回货架: picked goods of an order that may no longer leave (closed or refunding on Taobao) go
-- back to their bin. Picking does not move stock in the books (shipping does), so the row moves
-- nothing (qty 0, balance unchanged); it records who put what back where, and for which order.
-- SQLite cannot change a CHECK in place: the ledger is rebuilt with the new kind.
CREATE TABLE fulfillment_ledger_new (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('inbound', 'outbound', 'transfer', 'adjustment', 'defective', 'return', 'putback')),
  sku_id INTEGER NOT NULL,
  location_id INTEGER REFERENCES fulfillment_locations (id),
  qty INTEGER NOT NULL,
  -- Stock at the location (or in the defective stock) after this movement.
  balance INTEGER NOT NULL,
  order_id INTEGER,
  reference TEXT,
  reason TEXT NOT NULL DEFAULT '',
  -- 1 when the movement took stock below zero under the override permission.
  override INTEGER NOT NULL DEFAULT 0,
  actor_id INTEGER,
  actor_name TEXT NOT NULL
);
INSERT INTO fulfillment_ledger_new SELECT id, at, kind, sku_id, location_id, qty, balance, order_id, reference, reason, override, actor_id, actor_name FROM fulfillment_ledger;
DROP TABLE fulfillment_ledger;
ALTER TABLE fulfillment_ledger_new RENAME TO fulfillment_ledger;
CREATE INDEX fulfillment_ledger_sku ON fulfillment_ledger (sku_id, id);
CREATE INDEX fulfillment_ledger_order ON fulfillment_ledger (order_id);
