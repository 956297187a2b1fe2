-- Customer files (顾客档案) by 买家会员名: what the shop knows of a buyer beyond the orders —
-- member level, preferences, traits, whether they get holiday greetings and new-product notices —
-- the notes CS keep, and the return visits (回访) owed after delivery.
CREATE TABLE cs_scripts_customers (
  buyer_nick TEXT PRIMARY KEY,
  level TEXT NOT NULL DEFAULT '',
  preferences TEXT NOT NULL DEFAULT '',
  -- JSON array of short words (爽快, 爱砍价 …).
  traits TEXT NOT NULL DEFAULT '[]',
  holiday_greetings INTEGER NOT NULL DEFAULT 0,
  new_product_notices INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  updated_by_name TEXT NOT NULL
);

CREATE TABLE cs_scripts_customer_notes (
  id INTEGER PRIMARY KEY,
  buyer_nick TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by INTEGER,
  created_by_name TEXT NOT NULL
);
CREATE INDEX cs_scripts_customer_notes_buyer ON cs_scripts_customer_notes (buyer_nick, id);

-- One return visit per shipped order; when it is due follows the settings at read time.
CREATE TABLE cs_scripts_return_visits (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL UNIQUE,
  order_no TEXT NOT NULL,
  buyer_nick TEXT NOT NULL,
  shipped_at TEXT NOT NULL,
  done_at TEXT,
  done_by INTEGER,
  done_by_name TEXT,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cs_scripts_return_visits_open ON cs_scripts_return_visits (done_at, shipped_at);
CREATE INDEX cs_scripts_return_visits_buyer ON cs_scripts_return_visits (buyer_nick);
