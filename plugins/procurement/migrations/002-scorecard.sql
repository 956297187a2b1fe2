-- The scorecard ledger: every breach with its points, and every yearly reset, each with the points,
-- standing and fix-by date it left the supplier at, so any standing can be traced to its points.
CREATE TABLE procurement_scorecard_entries (
  id INTEGER PRIMARY KEY,
  supplier_id INTEGER NOT NULL REFERENCES procurement_suppliers (id) ON DELETE CASCADE,
  -- A breach kind from the settings (`late-delivery` …), or `reset`.
  kind TEXT NOT NULL,
  -- The kind's names when recorded: the settings may rename or drop it later.
  kind_zh TEXT NOT NULL,
  kind_en TEXT NOT NULL,
  points INTEGER NOT NULL,
  points_after INTEGER NOT NULL,
  standing_after TEXT NOT NULL CHECK (standing_after IN ('active', 'approval', 'ended')),
  fix_by_after TEXT,
  note TEXT NOT NULL DEFAULT '',
  -- What it is about: a PO number, a receipt …
  reference TEXT,
  -- Who recorded it: `manual` (a clerk), `receiving`, `orders`, or `job` (the reset).
  source TEXT NOT NULL DEFAULT 'manual',
  recorded_at TEXT NOT NULL,
  recorded_by INTEGER,
  -- Set on breaches by the reset that took their points away.
  cleared_at TEXT
);
CREATE INDEX procurement_scorecard_entries_supplier ON procurement_scorecard_entries (supplier_id, id);
CREATE INDEX procurement_scorecard_entries_open ON procurement_scorecard_entries (cleared_at, recorded_at);
