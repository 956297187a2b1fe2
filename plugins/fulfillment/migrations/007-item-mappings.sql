-- Platform item mappings: which SKU of the shop a Taobao item is when its lines carry no usable
-- 商家编码. A clerk says it once; every later import and every waiting order uses it.
CREATE TABLE fulfillment_item_mappings (
  id INTEGER PRIMARY KEY,
  -- 宝贝标题 and 商品属性 as the line the clerk mapped wrote them, for people to read.
  title TEXT NOT NULL,
  properties TEXT NOT NULL DEFAULT '',
  -- Title and properties folded (full-width to half-width, whitespace dropped, lower case):
  -- what order lines are matched by, so an export's spelling does not matter.
  match_key TEXT NOT NULL UNIQUE,
  -- listings' SKU (no foreign key across plugins), and its 商家编码 when the mapping was made.
  sku_id INTEGER NOT NULL,
  sku_code TEXT NOT NULL,
  created_by INTEGER,
  created_by_name TEXT NOT NULL,
  created_at TEXT NOT NULL
);
