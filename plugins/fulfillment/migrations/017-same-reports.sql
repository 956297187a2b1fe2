-- The files an import read, so the same two files uploaded again can be settled without reading
-- them (server/import/same-reports.ts, decision 65): a digest of their bytes and what reading
-- them depended on, on the import's row; and on each order, the digest of the files whose
-- reading gave its import_hash. The order's import_hash going NULL (the triggers of 016) is what
-- says the order was changed since.
ALTER TABLE fulfillment_imports ADD COLUMN files_digest TEXT;
ALTER TABLE fulfillment_imports ADD COLUMN reading TEXT;
CREATE INDEX fulfillment_imports_files_digest ON fulfillment_imports (files_digest);
ALTER TABLE fulfillment_orders ADD COLUMN import_digest TEXT;
