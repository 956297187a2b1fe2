import { decodeCsvInTurns, Turns, type CsvProblem, type ImportRequest, type PluginContext, type Queryable } from '@workbench/plugin-api';
import type { StatementReport } from '../../shared/records.js';
import { couriersFitting } from '../../shared/tracking.js';
import { fulfillmentSettings, type CourierSetting, type FulfillmentSettings } from '../settings.js';
import { courierByCode } from './courier-rules.js';
import { checkLine, type Shipment } from './statement-match.js';
import { readStatement, type StatementLine } from './statement-lines.js';
import { periodOf, statementStore } from './statement-store.js';
import { inLocale } from './texts.js';

interface ShipmentRow extends Shipment {
  trackingNo: string;
  courier: string | null;
  shippedAt: string;
}

/** Our shipped orders carrying the statement's tracking numbers. */
async function shipmentsOf(q: Queryable, lines: StatementLine[]): Promise<Map<string, ShipmentRow>> {
  const rows = await q.all<ShipmentRow>(
    `SELECT id AS orderId, tracking_no AS trackingNo, weight_grams AS weightGrams, courier, shipped_at AS shippedAt
     FROM fulfillment_orders WHERE status = 'shipped' AND tracking_no IN (SELECT value FROM json_each(?))`,
    [JSON.stringify([...new Set(lines.map((l) => l.trackingNo))])],
  );
  return new Map(rows.map((r) => [r.trackingNo, r]));
}

const mostCommon = <T>(values: T[]): T | undefined => {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
};

/**
 * Whose statement this is: the 快递公司 column when there is one (one courier per statement), else
 * the courier our matched shipments went with, else the one courier whose number shape fits the
 * most lines.
 */
function courierOf(settings: FulfillmentSettings, lines: StatementLine[], shipments: Map<string, ShipmentRow>, problems: CsvProblem[]): CourierSetting | undefined {
  const named = lines.filter((l) => l.courier);
  if (named.length) {
    const first = named[0]!;
    for (const l of named) {
      if (l.courier!.code !== first.courier!.code) {
        problems.push({ row: l.row, column: '快递公司', reason: { 'zh-CN': `一份账单只对一家快递：第 ${first.row} 行是${first.courier!.name}，这一行是${l.courier!.name}，请分开导入`, en: `One statement is for one courier: row ${first.row} is ${first.courier!.name}, this row ${l.courier!.name}; import them apart` } });
      }
    }
    return first.courier;
  }
  const shipped = mostCommon(lines.map((l) => shipments.get(l.trackingNo)?.courier).filter((c): c is string => !!c));
  if (shipped && courierByCode(settings, shipped)) return courierByCode(settings, shipped);
  const fitting = mostCommon(lines.flatMap((l) => couriersFitting(settings.couriers, l.trackingNo).map((c) => c.code)));
  const found = courierByCode(settings, fitting);
  if (!found) problems.push({ row: 1, column: '快递公司', reason: { 'zh-CN': '认不出这是哪家快递的账单：请加一列“快递公司”', en: 'The courier of this statement cannot be told; add a “快递公司” column' } });
  return found;
}

/** The days the statement covers: its own dates, else the days our matched parcels left, else today. */
function periodDays(lines: StatementLine[], shipments: Map<string, ShipmentRow>, today: string): { from: string; to: string } {
  const dated = lines.map((l) => l.day).filter((d): d is string => !!d);
  const days = dated.length ? dated : [...shipments.values()].map((s) => s.shippedAt.slice(0, 10));
  if (days.length === 0) return { from: today, to: today };
  days.sort();
  return { from: days[0]!, to: days.at(-1)! };
}

/**
 * The `courier-statement` importer: each billed parcel matched to our shipment by tracking number
 * and checked for weight and fee; the statement and its lines stored in one transaction. An
 * unreadable row and nothing is stored. Decoding and reading go in slices (`Turns`) and the lines
 * are written one statement each, so the server answers others throughout.
 */
export function registerStatementImport(ctx: PluginContext): void {
  ctx.importers.register('courier-statement', async ({ file, actor, locale, progress, readHeader }: ImportRequest): Promise<StatementReport> => {
    const settings = fulfillmentSettings(ctx);
    const turns = new Turns();
    const { lines, problems } = await readStatement(settings, (await decodeCsvInTurns(file.bytes, turns)).text, turns, readHeader);
    progress.report({ done: 0, total: lines.length, message: { 'zh-CN': '行已核对', en: 'lines checked' } });
    const empty = { statementId: null, courier: null, period: null, lines: lines.length, matched: 0, unknown: 0, differences: 0, notBilled: 0 };
    if (problems.length === 0 && lines.length === 0) problems.push({ row: 2, column: '运单号', reason: { 'zh-CN': '账单里没有一行运单', en: 'The statement has no lines' } });
    const localized = () => problems.sort((a, b) => a.row - b.row).map((p) => ({ row: p.row, column: p.column, reason: inLocale(p.reason, locale) }));
    if (problems.length) return { ...empty, rejected: localized() };
    const report = await ctx.db.transaction(async (tx) => {
      const shipments = await shipmentsOf(tx, lines);
      const courier = courierOf(settings, lines, shipments, problems);
      if (problems.length || !courier) return empty;
      const { from, to } = periodDays(lines, shipments, ctx.now().slice(0, 10));
      const now = ctx.now();
      const { lastId: statementId } = await tx.run(
        'INSERT INTO fulfillment_statements (courier, period, file_name, lines, matched, unknown, differences, actor_id, actor_name, created_at) VALUES (?, ?, ?, ?, 0, 0, 0, ?, ?, ?)',
        [courier.code, periodOf(from, to), file.name, lines.length, actor.id, actor.displayName || actor.username, now],
      );
      const billed = new Set<string>();
      const tally = { matched: 0, unknown: 0, differences: 0 };
      for (const [i, line] of lines.entries()) {
        const shipment = shipments.get(line.trackingNo);
        const check = checkLine(line, shipment, courier, settings.reconciliation, billed.has(line.trackingNo));
        billed.add(line.trackingNo);
        if (check.outcome === 'unknown') tally.unknown++;
        else tally.matched++;
        if (check.outcome !== 'ok' && check.outcome !== 'unknown') tally.differences++;
        await tx.run(
          `INSERT INTO fulfillment_statement_lines (statement_id, row_no, tracking_no, weight_grams, fee, order_id, outcome, expected_weight_grams, expected_fee)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [statementId, line.row, line.trackingNo, line.weightGrams, line.fee, shipment?.orderId ?? null, check.outcome, check.expectedWeightGrams, check.expectedFee],
        );
        if (i % 50 === 49) progress.report({ done: i + 1, total: lines.length, message: { 'zh-CN': '行已核对', en: 'lines checked' } });
      }
      await tx.run('UPDATE fulfillment_statements SET matched = ?, unknown = ?, differences = ? WHERE id = ?', [tally.matched, tally.unknown, tally.differences, statementId]);
      const missing = await statementStore(tx, settings).notBilled({ statementId, courier: courier.code, from, to });
      return { statementId, courier: courier.code, period: periodOf(from, to), lines: lines.length, ...tally, notBilled: missing.length };
    });
    progress.report({ done: lines.length, total: lines.length, message: { 'zh-CN': '行已核对', en: 'lines checked' } });
    return { ...report, rejected: localized() };
  });
}
