-- Written purchase contracts, their approval, changes and performance.
CREATE TABLE procurement_contracts (
  id INTEGER PRIMARY KEY,
  contract_no TEXT NOT NULL UNIQUE,
  supplier_id INTEGER NOT NULL REFERENCES procurement_suppliers (id),
  title TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT,
  -- JSON object: checklist key → true once the written contract has that term.
  terms TEXT NOT NULL DEFAULT '{}',
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'terminated')),
  created_by INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  approved_by INTEGER,
  approved_by_name TEXT,
  approved_at TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
-- Changes and the termination, each with its ground and reason.
CREATE TABLE procurement_contract_changes (
  id INTEGER PRIMARY KEY,
  contract_id INTEGER NOT NULL REFERENCES procurement_contracts (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('change', 'termination')),
  ground TEXT NOT NULL CHECK (ground IN ('force-majeure', 'counterparty-default', 'changed-circumstances', 'agreed')),
  reason TEXT NOT NULL,
  by_id INTEGER NOT NULL,
  by_name TEXT NOT NULL,
  at TEXT NOT NULL
);
-- 履约台账: one row per delivery under the contract.
CREATE TABLE procurement_contract_performance (
  id INTEGER PRIMARY KEY,
  contract_id INTEGER NOT NULL REFERENCES procurement_contracts (id) ON DELETE CASCADE,
  receipt_id INTEGER NOT NULL REFERENCES procurement_receipts (id),
  day TEXT NOT NULL,
  on_time INTEGER NOT NULL,
  in_full INTEGER NOT NULL,
  counted INTEGER NOT NULL,
  failed INTEGER NOT NULL
);
