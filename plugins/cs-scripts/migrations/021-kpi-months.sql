-- A month's KPIs as they stood when it was closed, and its best CS: closed once, never recounted.
CREATE TABLE cs_scripts_kpi_months (
  month TEXT PRIMARY KEY,
  -- JSON: every agent's figures with their definitions and inputs, ranked first.
  figures TEXT NOT NULL,
  first_agent TEXT,
  second_agent TEXT,
  closed_at TEXT NOT NULL,
  closed_by INTEGER NOT NULL
);
