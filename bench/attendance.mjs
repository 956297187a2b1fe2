// Attendance classification (plugins/staff-rules/server/attendance/classify-month.ts, bundled on
// the fly with esbuild): a month for 50 staff from 3,000 clock rows, read from SQLite and
// classified, against a plain SQL query counting the same rows' lates, in this same process.
// Run alone with `node bench/attendance.mjs` or through `npm run bench`.
import sqlite3 from 'sqlite3';
import { formatTable, importSource, installCleanup, int, median, versusBaseline } from './lib.mjs';

export const STAFF = 50;
export const CLOCK_ROWS = 3_000;
const MONTH = '2026-11';
const HOUR = 3_600_000;
const MINUTE = 60_000;
/** The shop's figures (the settings' defaults). */
const RULES = { lateGraceMinutes: 5, lateFineOverMinutes: 15, resignLatesOver: 5, resignAbsenceDays: 3, resignLeavesOver: 3 };


/** An instant in shop time (+08:00), as the plugin stores it. */
const shop = (ms) => `${new Date(ms + 8 * HOUR).toISOString().slice(0, 23)}+08:00`;

/**
 * The same month every run: 50 people, a day off every seventh day (staggered), a third on the
 * 17:30–01:00 night shift (across midnight), the rest on 白班 08:30–17:30; arrivals from 20 minutes
 * early to 20 late, a few absences, and repeated presses until there are exactly 3,000 rows.
 */
export function fixture() {
  const shifts = [];
  const rows = [];
  for (let staffId = 1; staffId <= STAFF; staffId++) {
    for (let day = 1; day <= 30; day++) {
      if ((day + staffId) % 7 === 0) continue;
      const date = `${MONTH}-${String(day).padStart(2, '0')}`;
      const night = staffId % 3 === 0;
      const start = Date.parse(`${date}T${night ? '17:30' : '08:30'}:00+08:00`);
      const end = night ? start + 7.5 * HOUR : start + 9 * HOUR;
      shifts.push({ staffId, date, templateId: night ? 4 : 1, startsAt: shop(start), endsAt: shop(end) });
      if ((staffId * 31 + day * 17) % 53 === 0) continue;
      rows.push({ id: rows.length + 1, staffId, at: shop(start + (((staffId * 7 + day * 13) % 41) - 20) * MINUTE), correction: null });
      rows.push({ id: rows.length + 1, staffId, at: shop(end + (((staffId * 5 + day * 3) % 21) - 10) * MINUTE), correction: null });
    }
  }
  // Someone pressing twice: a second clock a few minutes after the arrival changes nothing.
  for (let k = 0; rows.length < CLOCK_ROWS; k += 2) {
    const first = rows[k % rows.length];
    rows.push({ id: rows.length + 1, staffId: first.staffId, at: shop(Date.parse(first.at) + 3 * MINUTE), correction: null });
  }
  return { shifts, rows };
}

/** sqlite3, promisified thinly. */
function open() {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(':memory:', (e) => (e ? reject(e) : resolve(db)));
  });
}
const call = (db, method, sql, params = []) =>
  new Promise((resolve, reject) => (method === 'exec' ? db.exec(sql, (e) => (e ? reject(e) : resolve())) : db[method](sql, params, (e, r) => (e ? reject(e) : resolve(r)))));

/** The plugin's two tables, as its migrations make them (only the columns read here), filled with the fixture. */
async function database({ shifts, rows }) {
  const db = await open();
  await call(db, 'exec', `
    CREATE TABLE roster (staff_id INTEGER NOT NULL, date TEXT NOT NULL, template_id INTEGER NOT NULL, starts_at TEXT NOT NULL, ends_at TEXT NOT NULL, PRIMARY KEY (staff_id, date));
    CREATE TABLE clock_rows (id INTEGER PRIMARY KEY, staff_id INTEGER NOT NULL, at TEXT NOT NULL);
    CREATE INDEX clock_rows_at ON clock_rows (at);`.replace(/\n/g, ' '));
  await call(db, 'run', 'BEGIN');
  for (const s of shifts) await call(db, 'run', 'INSERT INTO roster VALUES (?, ?, ?, ?, ?)', [s.staffId, s.date, s.templateId, s.startsAt, s.endsAt]);
  for (const r of rows) await call(db, 'run', 'INSERT INTO clock_rows VALUES (?, ?, ?)', [r.id, r.staffId, r.at]);
  await call(db, 'run', 'COMMIT');
  return db;
}

/**
 * The baseline: one SQL query over the same rows — each shift's first clock within four hours of
 * it, counted as late when a whole minute after the start — with no early leave, no absences,
 * no leave, no bands and no flags.
 */
const LATES_SQL = `
  SELECT staff_id AS staffId, COUNT(*) AS lates FROM (
    SELECT r.staff_id, r.starts_at, MIN(unixepoch(c.at, 'subsec')) AS first
    FROM roster r JOIN clock_rows c ON c.staff_id = r.staff_id
      AND unixepoch(c.at, 'subsec') BETWEEN unixepoch(r.starts_at) - 14400 AND unixepoch(r.ends_at) + 14400
    WHERE r.date BETWEEN ? AND ?
    GROUP BY r.staff_id, r.date
  ) WHERE first - unixepoch(starts_at) >= 60 GROUP BY staff_id ORDER BY staff_id`;

/** What the plugin does for a month: read the roster and the rows, then classify every person's days. */
async function classifyFromDb(db, classifyMonth, monthFlags) {
  const shifts = await call(db, 'all', 'SELECT staff_id AS staffId, date, template_id AS templateId, starts_at AS startsAt, ends_at AS endsAt FROM roster WHERE date BETWEEN ? AND ?', ['2026-10-31', '2026-12-01']);
  const rows = await call(db, 'all', 'SELECT id, staff_id AS staffId, at FROM clock_rows WHERE at >= ? AND at < ? ORDER BY staff_id, at', ['2026-10-31T00:00:00.000+08:00', '2026-12-02T00:00:00.000+08:00']);
  const byStaff = new Map();
  const add = (key, staffId, item) => {
    const entry = byStaff.get(staffId) ?? { shifts: [], rows: [] };
    entry[key].push(item);
    byStaff.set(staffId, entry);
  };
  for (const s of shifts) add('shifts', s.staffId, s);
  for (const r of rows) add('rows', r.staffId, { ...r, correction: null });
  const days = [];
  const flags = [];
  for (const [staffId, { shifts: own, rows: clocks }] of byStaff) {
    const facts = classifyMonth({ staffId, month: MONTH, shifts: own, rows: clocks, leaves: [], now: '2026-12-05T00:00:00.000+08:00' }, RULES);
    days.push(...facts);
    flags.push(...monthFlags(facts, MONTH, RULES));
  }
  return { days, flags, rows: rows.length };
}

/** Runs `op` (async) for one window and answers runs per second. */
async function window(op, windowMs) {
  let n = 0;
  const started = performance.now();
  let now = started;
  while (now - started < windowMs) {
    await op();
    n += 1;
    now = performance.now();
  }
  return (n * 1000) / (now - started);
}

/** Runs the benchmark and answers table rows; `rounds` and `windowMs` shrink it for the smoke test. */
export async function runAttendance({ log = (line) => console.error(line), rounds = 5, windowMs = 500 } = {}) {
  const { classifyMonth, monthFlags } = await importSource('plugins/staff-rules/server/attendance/classify-month.ts', 'attendance');
  const data = fixture();
  const db = await database(data);
  try {
    // A guard, not a speed figure: both count the same lates per person, from all 3,000 rows.
    const sql = await call(db, 'all', LATES_SQL, [`${MONTH}-01`, `${MONTH}-30`]);
    const classified = await classifyFromDb(db, classifyMonth, monthFlags);
    const lates = new Map();
    for (const d of classified.days) if (d.lateMinutes > 0) lates.set(d.staffId, (lates.get(d.staffId) ?? 0) + 1);
    const fromSql = new Map(sql.map((r) => [r.staffId, r.lates]));
    if (classified.rows !== CLOCK_ROWS || classified.days.length !== STAFF * 30) throw new Error(`read ${classified.rows} rows and ${classified.days.length} days`);
    if (lates.size === 0 || JSON.stringify([...lates].sort((a, b) => a[0] - b[0])) !== JSON.stringify([...fromSql].sort((a, b) => a[0] - b[0]))) {
      throw new Error('the classification and the SQL query count different lates');
    }
    const cases = [
      { id: 'sql', label: 'SQL query', name: `plain SQL: lates per person over ${int(CLOCK_ROWS)} rows (no bands, early leave, absence or flags)`, op: () => call(db, 'all', LATES_SQL, [`${MONTH}-01`, `${MONTH}-30`]) },
      { id: 'month', name: `a month for ${STAFF} staff: read roster and ${int(CLOCK_ROWS)} rows, classify every day, flags`, base: 'sql', op: () => classifyFromDb(db, classifyMonth, monthFlags) },
    ];
    const byId = new Map(cases.map((c) => [c.id, c]));
    for (const c of cases) await window(c.op, windowMs);
    for (const c of cases) c.rounds = [];
    for (let round = 1; round <= rounds; round++) {
      for (const c of cases) c.rounds.push(await window(c.op, windowMs));
      log(`  attendance round ${round}/${rounds}: ${cases.map((c) => `${c.id} ${c.rounds.at(-1).toFixed(1)}/s`).join(', ')}`);
    }
    const totalLates = [...lates.values()].reduce((s, n) => s + n, 0);
    return cases.map((c) => {
      const perSecond = median(c.rounds);
      let vs = `baseline (${totalLates} lates found by both)`;
      if (c.base) vs = versusBaseline(c, byId.get(c.base), perSecond, 1);
      return ['attendance', c.name, `${perSecond.toFixed(1)} runs/s`, vs];
    });
  } finally {
    await new Promise((resolve) => db.close(resolve));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  installCleanup();
  const rows = await runAttendance();
  console.log(formatTable(rows));
}
