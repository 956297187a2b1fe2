-- Every note, with who wrote it and when (shop time, ISO 8601 with its offset).
CREATE TABLE __TABLE___notes (
  id INTEGER PRIMARY KEY,
  text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by INTEGER NOT NULL
);
CREATE INDEX __TABLE___notes_created_at ON __TABLE___notes (created_at);
