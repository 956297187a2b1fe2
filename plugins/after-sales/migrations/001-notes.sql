-- Every note, with who wrote it and when (shop time, ISO 8601 with its offset).
CREATE TABLE after_sales_notes (
  id INTEGER PRIMARY KEY,
  text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by INTEGER NOT NULL
);
CREATE INDEX after_sales_notes_created_at ON after_sales_notes (created_at);
