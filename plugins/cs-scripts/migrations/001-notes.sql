-- Every note, with who wrote it and when (shop time, ISO 8601 with its offset).
CREATE TABLE cs_scripts_notes (
  id INTEGER PRIMARY KEY,
  text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by INTEGER NOT NULL
);
CREATE INDEX cs_scripts_notes_created_at ON cs_scripts_notes (created_at);
