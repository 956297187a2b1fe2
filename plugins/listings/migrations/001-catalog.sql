-- The catalog: categories (one level of nesting), products and their SKUs. Money in 分.
CREATE TABLE listings_categories (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  parent_id INTEGER REFERENCES listings_categories (id),
  sort_order INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX listings_categories_name ON listings_categories (COALESCE(parent_id, 0), name);

CREATE TABLE listings_products (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  item_code TEXT NOT NULL UNIQUE,
  category_id INTEGER REFERENCES listings_categories (id) ON DELETE SET NULL,
  description TEXT NOT NULL DEFAULT '',
  images TEXT NOT NULL DEFAULT '[]',
  attributes TEXT NOT NULL DEFAULT '{}',
  shipping_template TEXT,
  showcase_slot INTEGER UNIQUE,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'listed', 'delisted')),
  commission_percent REAL,
  scheduled_list_at TEXT,
  scheduled_delist_at TEXT,
  submitted_by INTEGER,
  submitted_at TEXT,
  submit_reason TEXT,
  reviewed_by INTEGER,
  reviewed_at TEXT,
  review_note TEXT,
  listed_at TEXT,
  delisted_at TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by INTEGER
);
CREATE INDEX listings_products_category ON listings_products (category_id);
CREATE INDEX listings_products_status ON listings_products (status);

CREATE TABLE listings_skus (
  id INTEGER PRIMARY KEY,
  -- Null only for a stub made for an unknown 商家编码 met elsewhere (an imported order).
  product_id INTEGER REFERENCES listings_products (id) ON DELETE CASCADE,
  code TEXT NOT NULL UNIQUE,
  attributes TEXT NOT NULL DEFAULT '{}',
  price INTEGER NOT NULL DEFAULT 0 CHECK (price >= 0),
  cost INTEGER NOT NULL DEFAULT 0 CHECK (cost >= 0),
  barcode TEXT UNIQUE,
  weight_grams INTEGER,
  low_stock_threshold INTEGER,
  needs_completing INTEGER NOT NULL DEFAULT 0,
  -- What the stub's source called it (e.g. the order line's title), to help whoever completes it.
  stub_title TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX listings_skus_product ON listings_skus (product_id);
