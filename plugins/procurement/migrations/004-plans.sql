-- Purchase needs entered by hand, and purchase plans: what the shop means to buy, made in one step
-- from chosen reorder suggestions and needs. RFQs and purchase orders are made from a plan's lines.
CREATE TABLE procurement_needs (
  id INTEGER PRIMARY KEY,
  -- restock (补货), new-item (新品), sample (样品), other.
  kind TEXT NOT NULL CHECK (kind IN ('restock', 'new-item', 'sample', 'other')),
  -- 商家编码 when the goods are in the catalogue; a new item may have none yet.
  sku_code TEXT,
  description TEXT NOT NULL DEFAULT '',
  quantity INTEGER NOT NULL CHECK (quantity >= 1),
  quality TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'planned', 'dropped')),
  plan_id INTEGER,
  created_by INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX procurement_needs_state ON procurement_needs (state, id);

CREATE TABLE procurement_plans (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'ordered', 'closed')),
  created_by INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE procurement_plan_lines (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES procurement_plans (id) ON DELETE CASCADE,
  sku_code TEXT,
  description TEXT NOT NULL DEFAULT '',
  quantity INTEGER NOT NULL CHECK (quantity >= 1),
  supplier_id INTEGER REFERENCES procurement_suppliers (id),
  price INTEGER,
  source TEXT NOT NULL CHECK (source IN ('suggestion', 'need')),
  need_id INTEGER REFERENCES procurement_needs (id),
  -- JSON array of { zh-CN, en }: the suggestion's arithmetic, or the need's quality and reason.
  explanation TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX procurement_plan_lines_plan ON procurement_plan_lines (plan_id, id);
