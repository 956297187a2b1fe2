-- Changes to the reviewed fields of a listed product wait here until a second person decides on
-- them; the product and its SKUs keep the listed version until an approval applies the changes.
CREATE TABLE listings_revisions (
  id INTEGER PRIMARY KEY,
  product_id INTEGER NOT NULL REFERENCES listings_products (id) ON DELETE CASCADE,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
  -- JSON: the proposed title, description, images, attributes and SKU changes (price, attributes, added, removed).
  changes TEXT NOT NULL,
  -- JSON: before → after, kept when the revision is decided; a pending one's is worked out against the listed version.
  diff TEXT,
  -- JSON: [{ id, name }] of everyone whose edit is in it; none of them may decide on it.
  editors TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  reviewed_by INTEGER,
  reviewer_name TEXT,
  reviewed_at TEXT,
  review_note TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
-- At most one pending revision per product: a second edit updates it.
CREATE UNIQUE INDEX listings_revisions_pending ON listings_revisions (product_id) WHERE status = 'pending';
CREATE INDEX listings_revisions_product ON listings_revisions (product_id, id);
CREATE INDEX listings_revisions_status ON listings_revisions (status, created_at);

-- Delisting now frees the showcase slot; products delisted before keep none either.
UPDATE listings_products SET showcase_slot = NULL, version = version + 1 WHERE status = 'delisted' AND showcase_slot IS NOT NULL;
