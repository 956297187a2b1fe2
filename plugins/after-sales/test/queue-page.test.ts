// The case queue picks its page on the ids and sort keys first and reads the columns, warnings and
// refund sums for that page only. Its answers must be those of the one query it replaced: every
// filter mix, every page, ties on the deadline included, compared case by case.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestHost } from '@workbench/plugin-api/testing';
import { caseOf, type CaseRow } from '../server/case-record.js';
import { API, startAfterSales } from './kit.js';

let host: TestHost;
const CASES = 240;
const STATES = ['wait-seller-agree', 'wait-buyer-return', 'wait-seller-confirm', 'refunded', 'closed', 'refused'];
const KINDS = ['refund-only', 'return-refund', 'exchange'];

beforeAll(async () => {
  host = await startAfterSales();
  await host.write(async (tx) => {
    for (let id = 1; id <= CASES; id++) {
      const open = id % 3 !== 0;
      // Few distinct deadlines, so that many cases tie on one and the id decides.
      const due = open && id % 5 !== 0 ? `2026-11-${String(8 + (id % 6)).padStart(2, '0')}T18:00:00+08:00` : null;
      const closedAt = open ? null : '2026-11-01T10:00:00+08:00';
      const state = open ? STATES[id % 3]! : STATES[3 + (id % 3)]!;
      await tx.run(
        `INSERT INTO after_sales_cases (id, order_id, order_no, item_id, line_key, sku_code, title, quantity, line_paid, shipping_paid, paid_at,
           kind, reason, state, source, opened_at, opened_by, opened_by_name, due_at, closed_at, updated_at)
         VALUES (?, ?, ?, ?, '1', ?, '加绒卫衣', 1, ?, 0, '2026-10-30T10:00:00+08:00', ?, '尺码不合适', ?, 'import', '2026-10-31T10:00:00+08:00', NULL, '导入', ?, ?, ?)`,
        [id, 100_000 + id, `ORD-${id % 40}`, 200_000 + id, `SKU-${id % 7}`, 5_000 + id, KINDS[id % 3]!, state, due, closedAt, closedAt ?? '2026-10-31T10:00:00+08:00'],
      );
      if (id % 4 === 1) await tx.run("INSERT INTO after_sales_refunds (case_id, goods, shipping, compensation, note, by_id, by_name, at) VALUES (?, ?, ?, ?, '', NULL, '导入', '2026-11-02T10:00:00+08:00')", [id, 100 + id, id % 2 ? 500 : 0, id % 8 === 1 ? 300 : 0]);
      if (id % 8 === 1) await tx.run("INSERT INTO after_sales_refunds (case_id, goods, shipping, compensation, note, by_id, by_name, at) VALUES (?, 50, 0, 0, '', NULL, '导入', '2026-11-03T10:00:00+08:00')", [id]);
      if (due && id % 6 === 1) await tx.run("INSERT INTO after_sales_case_warnings (case_id, hours_left, at) VALUES (?, 48, '2026-11-07T10:00:00+08:00')", [id]);
      if (due && id % 12 === 1) await tx.run("INSERT INTO after_sales_case_warnings (case_id, hours_left, at) VALUES (?, 24, '2026-11-08T10:00:00+08:00')", [id]);
    }
  });
});
afterAll(() => host?.close());

/** The queue as one query, as it was written before: the page with its columns in one go. */
async function former(query: Record<string, string>, now: string) {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (query.state) { where.push('c.state IN (SELECT value FROM json_each(?))'); args.push(JSON.stringify(query.state.split(','))); }
  if (query.kind) { where.push('c.kind IN (SELECT value FROM json_each(?))'); args.push(JSON.stringify(query.kind.split(','))); }
  if (query.orderNo) { where.push('c.order_no = ?'); args.push(query.orderNo); }
  if (query.open === 'true') where.push('c.closed_at IS NULL');
  if (query.open === 'false') where.push('c.closed_at IS NOT NULL');
  if (query.overdue === 'true') { where.push('c.due_at IS NOT NULL AND c.due_at < ?'); args.push(now); }
  const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const page = Number(query.page ?? 1);
  const pageSize = Number(query.pageSize ?? 50);
  return host.read(async (q) => {
    const total = (await q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM after_sales_cases c${clause}`, args))?.n ?? 0;
    const rows = await q.all<CaseRow>(
      `SELECT c.*,
         (SELECT group_concat(hours_left) FROM after_sales_case_warnings w WHERE w.case_id = c.id) AS warnings,
         COALESCE((SELECT SUM(goods) FROM after_sales_refunds r WHERE r.case_id = c.id), 0) AS goods,
         COALESCE((SELECT SUM(shipping) FROM after_sales_refunds r WHERE r.case_id = c.id), 0) AS shipping,
         COALESCE((SELECT SUM(compensation) FROM after_sales_refunds r WHERE r.case_id = c.id), 0) AS compensation
       FROM after_sales_cases c${clause} ORDER BY c.due_at IS NULL, c.due_at, c.id DESC LIMIT ? OFFSET ?`,
      [...args, pageSize, (page - 1) * pageSize],
    );
    return { items: rows.map((r) => caseOf(r, now)), total, page, pageSize };
  });
}

const MIXES: Record<string, string>[] = [
  {},
  { open: 'true' },
  { open: 'false' },
  { state: 'wait-seller-agree,wait-buyer-return' },
  { kind: 'return-refund,exchange', open: 'true' },
  { overdue: 'true' },
  { orderNo: 'ORD-7' },
  { orderNo: 'nobody' },
];

test('every filter mix and every page answers what the former single query answered', async () => {
  const now = host.clock.now();
  let compared = 0;
  let refunded = 0;
  let warned = 0;
  for (const mix of MIXES) {
    for (const pageSize of ['20', '50']) {
      for (let page = 1; page <= 14; page++) {
        const query = { ...mix, page: String(page), pageSize };
        const answer = await host.owner.get(`${API}/cases?${new URLSearchParams(query)}`);
        expect(answer.status).toBe(200);
        const expected = await former(query, now);
        expect(answer.body, JSON.stringify(query)).toEqual(expected);
        compared += expected.items.length;
        refunded += expected.items.filter((c) => c.refunded.total > 0).length;
        warned += expected.items.filter((c) => c.warnings.length > 1).length;
        if (expected.items.length === 0) break;
      }
    }
  }
  // The data really spread over several pages, and refunds and warnings were in the answers.
  expect(compared).toBeGreaterThan(1_000);
  expect(refunded).toBeGreaterThan(50);
  expect(warned).toBeGreaterThan(10);
});
