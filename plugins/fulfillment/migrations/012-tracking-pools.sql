-- Courier number pools (号段): tracking numbers the shop bought from a courier, imported before
-- the parcels exist. Each number goes to one order, once; the label prints it as a barcode.
CREATE TABLE fulfillment_tracking_numbers (
  id INTEGER PRIMARY KEY,
  -- A courier code of the settings (STO, SF …).
  courier TEXT NOT NULL,
  -- As the ship route keeps tracking numbers: capitals, no spaces.
  tracking_no TEXT NOT NULL UNIQUE,
  imported_by INTEGER,
  imported_by_name TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  -- The order the number went to, when and by whom; NULL while the number is free.
  order_id INTEGER,
  taken_by_name TEXT,
  taken_at TEXT
);
-- Numbers are taken in the order they were imported, per courier, from the free ones.
CREATE INDEX fulfillment_tracking_numbers_free ON fulfillment_tracking_numbers (courier, id) WHERE order_id IS NULL;
-- One pool number per order: asking again gives the same number, never a second one.
CREATE UNIQUE INDEX fulfillment_tracking_numbers_order ON fulfillment_tracking_numbers (order_id) WHERE order_id IS NOT NULL;
