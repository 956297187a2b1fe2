-- Buyers' reviews, imported or entered by hand. A 中差评 carries its work state and due day until
-- the buyer changes it or the owner closes it; a 好评 has none.
CREATE TABLE after_sales_reviews (
  id INTEGER PRIMARY KEY,
  order_no TEXT NOT NULL,
  rating TEXT NOT NULL CHECK (rating IN ('good', 'neutral', 'bad')),
  -- The rating as first written, so a 差评 the buyer changed still counts as worked.
  first_rating TEXT NOT NULL CHECK (first_rating IN ('good', 'neutral', 'bad')),
  text TEXT NOT NULL,
  reviewed_on TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('import', 'hand')),
  reply TEXT,
  replied_at TEXT,
  replied_by INTEGER,
  work_state TEXT CHECK (work_state IN ('open', 'changed', 'closed')),
  due_on TEXT,
  resolved_at TEXT,
  resolved_by INTEGER,
  resolution_note TEXT,
  created_at TEXT NOT NULL,
  created_by INTEGER NOT NULL,
  -- The same review imported twice is one review.
  UNIQUE (order_no, reviewed_on, text)
);
CREATE INDEX after_sales_reviews_work ON after_sales_reviews (work_state, due_on);

-- The people a review praised, each rewarded once through staff-rules.
CREATE TABLE after_sales_review_praise (
  review_id INTEGER NOT NULL REFERENCES after_sales_reviews (id),
  staff_id INTEGER NOT NULL,
  staff_code TEXT NOT NULL,
  staff_name TEXT NOT NULL,
  praised_at TEXT NOT NULL,
  PRIMARY KEY (review_id, staff_id)
);
