-- The onboarding evaluation of a supplier: price, reputation, sales record and reviews, each scored
-- 1–5 with a note, and the decision taken. Kept per evaluation, so a later one does not erase the first.
CREATE TABLE procurement_supplier_evaluations (
  id INTEGER PRIMARY KEY,
  supplier_id INTEGER NOT NULL REFERENCES procurement_suppliers (id) ON DELETE CASCADE,
  price_score INTEGER NOT NULL CHECK (price_score BETWEEN 1 AND 5),
  price_note TEXT NOT NULL DEFAULT '',
  reputation_score INTEGER NOT NULL CHECK (reputation_score BETWEEN 1 AND 5),
  reputation_note TEXT NOT NULL DEFAULT '',
  sales_score INTEGER NOT NULL CHECK (sales_score BETWEEN 1 AND 5),
  sales_note TEXT NOT NULL DEFAULT '',
  reviews_score INTEGER NOT NULL CHECK (reviews_score BETWEEN 1 AND 5),
  reviews_note TEXT NOT NULL DEFAULT '',
  decision TEXT NOT NULL CHECK (decision IN ('accept', 'trial', 'reject')),
  evaluated_by INTEGER NOT NULL,
  evaluated_at TEXT NOT NULL
);
CREATE INDEX procurement_supplier_evaluations_supplier ON procurement_supplier_evaluations (supplier_id, id);
