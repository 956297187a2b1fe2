import { createHash } from 'node:crypto';
import type { CsvColumnMapping, ImportFile, ImportRequest, PluginContext, Transaction } from '@workbench/plugin-api';
import type { FulfillmentSettings } from '../settings.js';
import type { CatalogView } from '../types.js';

/**
 * Raise it whenever reading a report changes what it gives (order-rows.ts, item-rows.ts,
 * report-cells.ts, shop-clock.ts, the core's CSV decoding and splitting): files read by an older
 * reader are then read afresh instead of being settled from what it made of them.
 */
const READER_VERSION = 1;

/** What an import keeps of the two files it read (`fulfillment_imports.reading`), to know them again. */
export interface ReportsReading {
  /** Where the order report was in the upload (the digest follows the upload's order). */
  orderFile: number;
  /** Both headers as read: the mappings saved for them now must be the ones applied then. */
  headers: { orders: string[]; items: string[] };
  /** A digest of everything besides the bytes that reading depended on (readingContext). */
  context: string;
  orders: number;
  items: number;
  /** Every 商家编码 of the lines: each must still name a SKU listings knows complete. */
  codes: string[];
}

/** A digest of the uploaded files' bytes, in the upload's order. 47 MB hash in about 0.1 s. */
export function filesDigest(files: readonly ImportFile[]): string {
  const h = createHash('sha1');
  h.update(`${files.length}`);
  for (const f of files) {
    h.update(`:${f.bytes.length}:`);
    h.update(f.bytes);
  }
  return h.digest('base64');
}

/**
 * Everything besides the bytes that decides what reading the reports gives: the reader itself,
 * the plugin's settings (couriers name tracking numbers), the shop's time zone and the zone data
 * that turns its wall-clock times into instants, and the column mappings the headers were read with.
 */
export function readingContext(ctx: PluginContext, settings: FulfillmentSettings, mappings: { orders?: CsvColumnMapping; items?: CsvColumnMapping }): string {
  const parts = [READER_VERSION, ctx.timeZone, process.versions.tz ?? '', settings, mappings.orders ?? null, mappings.items ?? null];
  return createHash('sha1').update(JSON.stringify(parts)).digest('base64');
}

/**
 * The reading of these very files by an earlier import when nothing it wrote has changed since,
 * so that reading them again would settle every order by its fingerprint (hash-screen.ts) and
 * write nothing; otherwise undefined, and the import reads the files as always. It holds when:
 * - an import recorded these bytes, read in the same context (mappings, settings, zone, reader);
 * - every 商家编码 they hold names a SKU listings knows complete (the fingerprint screen's own
 *   condition: only then is the report's code the one written);
 * - as many stored orders as the files hold still carry the fingerprint a reading of these files
 *   gave them (`import_digest`) and were not changed since (`import_hash` is cleared by any other
 *   write to a field or line the import compares). Order numbers are unique, so these are the
 *   files' orders, each as these files say.
 */
export async function sameReportsStored(tx: Transaction, catalog: CatalogView, ctx: PluginContext, request: ImportRequest, settings: FulfillmentSettings, digest: string): Promise<ReportsReading | undefined> {
  const row = await tx.get<{ reading: string | null }>('SELECT reading FROM fulfillment_imports WHERE files_digest = ? AND reading IS NOT NULL ORDER BY id DESC LIMIT 1', [digest]);
  if (!row?.reading) return undefined;
  const reading = JSON.parse(row.reading) as ReportsReading;
  const mappings = { orders: request.columnMapping(reading.headers.orders), items: request.columnMapping(reading.headers.items) };
  if (readingContext(ctx, settings, mappings) !== reading.context) return undefined;
  const skus = await catalog.skusByCodes(reading.codes);
  if (!reading.codes.every((code) => skus.get(code)?.needsCompleting === false)) return undefined;
  const kept = await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM fulfillment_orders WHERE import_digest = ? AND import_hash IS NOT NULL', [digest]);
  return kept?.n === reading.orders ? reading : undefined;
}

/**
 * Marks the orders a reading of these files settled by their fingerprint without writing them:
 * their import_hash is the one these files give, so they belong to the files' digest too.
 */
export async function markSettled(tx: Transaction, orderNos: readonly string[], digest: string): Promise<void> {
  for (let i = 0; i < orderNos.length; i += 20_000) {
    await tx.run('UPDATE fulfillment_orders SET import_digest = ? WHERE order_no IN (SELECT value FROM json_each(?)) AND import_digest IS NOT ?', [
      digest,
      JSON.stringify(orderNos.slice(i, i + 20_000)),
      digest,
    ]);
  }
}
