-- Orders as the shop works them: the platform's state beside the shop's own, money in 分, times
-- ISO 8601 in shop time. Receiver details are stored whole; the API masks them per permission.
CREATE TABLE fulfillment_orders (
  id INTEGER PRIMARY KEY,
  -- 订单编号: Taobao's number, or M + date + sequence for an order entered by hand.
  order_no TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL CHECK (source IN ('import', 'manual')),
  shop_name TEXT,
  buyer_nick TEXT NOT NULL DEFAULT '',
  buyer_account TEXT NOT NULL DEFAULT '',
  platform_status TEXT NOT NULL CHECK (platform_status IN ('unpaid', 'paid', 'shipped', 'completed', 'closed', 'refunding')),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'exception', 'fraud', 'picked', 'verified', 'shipped', 'closed')),
  -- JSON array of { code, message } while the order is 异常.
  exceptions TEXT NOT NULL DEFAULT '[]',
  goods_total INTEGER NOT NULL DEFAULT 0,
  shipping_fee INTEGER NOT NULL DEFAULT 0,
  total INTEGER NOT NULL DEFAULT 0,
  paid_amount INTEGER NOT NULL DEFAULT 0,
  refund_amount INTEGER NOT NULL DEFAULT 0,
  buyer_message TEXT NOT NULL DEFAULT '',
  seller_remark TEXT NOT NULL DEFAULT '',
  receiver_name TEXT NOT NULL DEFAULT '',
  receiver_phone TEXT NOT NULL DEFAULT '',
  receiver_address TEXT NOT NULL DEFAULT '',
  -- First part of the address (省/自治区/直辖市), for courier reach and filters.
  receiver_region TEXT NOT NULL DEFAULT '',
  post_code TEXT NOT NULL DEFAULT '',
  shipping_method TEXT NOT NULL DEFAULT '',
  item_count INTEGER NOT NULL DEFAULT 0,
  flag INTEGER NOT NULL DEFAULT 0 CHECK (flag BETWEEN 0 AND 5),
  -- 任务单: an order the shop must ship first (peak-day priority 1).
  task INTEGER NOT NULL DEFAULT 0,
  -- Peak-day priority, 1 (first) … 5, kept on every write so the queue sorts by an index.
  priority INTEGER NOT NULL DEFAULT 5,
  courier TEXT,
  courier_requested TEXT,
  tracking_no TEXT,
  weight_grams INTEGER,
  -- Same buyer and address, for the possible-merge rule.
  merge_key TEXT NOT NULL DEFAULT '',
  wave_id INTEGER,
  closed_reason TEXT,
  placed_at TEXT NOT NULL,
  paid_at TEXT,
  -- Who did each step (id and name at the time), so after-sales can trace a mistake to a person.
  reviewed_by INTEGER, reviewed_by_name TEXT, reviewed_at TEXT,
  picked_by INTEGER, picked_by_name TEXT, picked_at TEXT,
  verified_by INTEGER, verified_by_name TEXT, verified_at TEXT,
  packed_by INTEGER, packed_by_name TEXT, packed_at TEXT,
  shipped_by INTEGER, shipped_by_name TEXT, shipped_at TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX fulfillment_orders_queue ON fulfillment_orders (status, priority, placed_at);
CREATE INDEX fulfillment_orders_placed ON fulfillment_orders (placed_at);
CREATE INDEX fulfillment_orders_receiver ON fulfillment_orders (receiver_name);
CREATE INDEX fulfillment_orders_account ON fulfillment_orders (buyer_account);
CREATE INDEX fulfillment_orders_tracking ON fulfillment_orders (tracking_no);
CREATE INDEX fulfillment_orders_merge ON fulfillment_orders (merge_key, status);
CREATE INDEX fulfillment_orders_wave ON fulfillment_orders (wave_id);

CREATE TABLE fulfillment_order_items (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES fulfillment_orders (id) ON DELETE CASCADE,
  -- 子订单编号 when the export has one, else the line's position; unique within the order.
  line_key TEXT NOT NULL,
  -- listings' SKU id (no foreign key across plugins); null until the code is matched.
  sku_id INTEGER,
  sku_code TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  -- 商品属性 as written, e.g. 颜色分类：黑色;尺码：XL
  properties TEXT NOT NULL DEFAULT '',
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  -- Unit price in 分 as the buyer pays it (after any agreed price change).
  price INTEGER NOT NULL DEFAULT 0,
  refund_status TEXT,
  UNIQUE (order_id, line_key)
);
CREATE INDEX fulfillment_order_items_sku ON fulfillment_order_items (sku_id, order_id);

-- Remarks (备注) with the agent's 工号: 工号 + courier + a short note.
CREATE TABLE fulfillment_order_remarks (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES fulfillment_orders (id) ON DELETE CASCADE,
  agent_no TEXT NOT NULL,
  courier TEXT NOT NULL,
  note TEXT NOT NULL,
  text TEXT NOT NULL,
  author_id INTEGER,
  author_name TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX fulfillment_order_remarks_order ON fulfillment_order_remarks (order_id);

-- Everything that happened to an order and who did it (责任到人).
CREATE TABLE fulfillment_order_history (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES fulfillment_orders (id) ON DELETE CASCADE,
  action TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT,
  actor_id INTEGER,
  actor_name TEXT NOT NULL,
  at TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX fulfillment_order_history_order ON fulfillment_order_history (order_id, id);

-- A price change agreed with the buyer (改价), kept apart from the order's own figures.
CREATE TABLE fulfillment_price_changes (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES fulfillment_orders (id) ON DELETE CASCADE,
  item_id INTEGER REFERENCES fulfillment_order_items (id) ON DELETE CASCADE,
  field TEXT NOT NULL CHECK (field IN ('item-price', 'shipping-fee')),
  old_amount INTEGER NOT NULL,
  new_amount INTEGER NOT NULL,
  reason TEXT NOT NULL,
  actor_id INTEGER,
  actor_name TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX fulfillment_price_changes_order ON fulfillment_price_changes (order_id);

-- Imports of Taobao reports: what came in and what was refused.
CREATE TABLE fulfillment_imports (
  id INTEGER PRIMARY KEY,
  file_names TEXT NOT NULL,
  created INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  unchanged INTEGER NOT NULL,
  exceptions INTEGER NOT NULL,
  actor_id INTEGER,
  actor_name TEXT NOT NULL,
  at TEXT NOT NULL
);
