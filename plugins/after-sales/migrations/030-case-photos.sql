-- Photos as evidence on a case (the goods as they came back, the waybill), kept as rows here so
-- the database file — and so every backup of it — holds them with the rest of the case. The type
-- is what the bytes are (JPEG, PNG, WebP), whatever the file was called; the sha256 lets an
-- evidence bundle name a photo exactly.
CREATE TABLE after_sales_case_photos (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES after_sales_cases (id),
  subject TEXT NOT NULL CHECK (subject IN ('goods', 'waybill')),
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('image/jpeg', 'image/png', 'image/webp')),
  size INTEGER NOT NULL CHECK (size > 0),
  sha256 TEXT NOT NULL,
  data BLOB NOT NULL,
  by_id INTEGER,
  by_name TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX after_sales_case_photos_case ON after_sales_case_photos (case_id, id);
