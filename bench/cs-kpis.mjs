// CS KPIs (plugins/cs-scripts/server/kpis/kpi-rules.ts, bundled on the fly with esbuild): 30 days
// of 50,000 chat lines and their paid orders, read from SQLite and counted per agent, against one
// raw SQL query working out the same figures, in this same process. Both must agree, agent by agent.
// Run alone with `node bench/cs-kpis.mjs` or through `npm run bench`.
import sqlite3 from 'sqlite3';
import { formatTable, importSource, installCleanup, int, median, versusBaseline } from './lib.mjs';

export const CHAT_LINES = 50_000;
const AGENTS = 8;
const BUYERS = 4_000;
const FROM = '2026-11-01T00:00:00.000+08:00';
const TO = '2026-12-01T00:00:00.000+08:00';
const DAY = 86_400_000;
const SPAM = ['加微信', '加V', '刷单', '兼职', '代运营', '推广服务', '免费领取', 'http://', 'https://'];

const shop = (ms) => `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 23)}+08:00`;

/**
 * The same month every run: conversations of one to four questions (a question sometimes in two
 * lines), answered after 5 to 140 s or now and then not at all, adverts never answered, a buyer
 * who paid in October coming back; a third of the talks end in an order remarked by the agent.
 */
export function fixture(lines = CHAT_LINES) {
  // mulberry32: a small generator whose successive draws are not tied to each other.
  let seed = 20261101;
  const rand = (n) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let r = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return Math.floor((((r ^ (r >>> 14)) >>> 0) / 4_294_967_296) * n);
  };
  const chat = [];
  const orders = [];
  // Paid in October: some buyers are followed up in November.
  for (let i = 0; i < 300; i++) {
    orders.push({ buyer: `tb_买家${rand(BUYERS)}`, paidAt: shop(Date.parse('2026-10-05T10:00:00+08:00') + rand(26 * DAY)), amount: 5_000 + rand(20_000), agent: String(1 + rand(AGENTS)) });
  }
  while (chat.length < lines) {
    const agent = String(1 + rand(AGENTS));
    const buyer = `tb_买家${rand(BUYERS)}`;
    let t = Date.parse(FROM) + rand(30) * DAY + (9 * 3600 + rand(14 * 3600)) * 1000;
    const say = (direction, text) => chat.push({ at: shop(t), buyer, agent, direction, text });
    if (rand(100) < 3) {
      say('in', rand(2) ? '兼职刷单，日结，加微信 x1' : '店铺推广服务 https://ad.example');
      continue;
    }
    const questions = 1 + rand(4);
    for (let q = 0; q < questions && chat.length < lines; q++) {
      say('in', ['在吗', '有M码吗', '什么时候发货', '能便宜点吗', '包邮吗'][rand(5)]);
      if (rand(3) === 0) {
        t += (2 + rand(13)) * 1000;
        say('in', '黑色的');
      }
      if (rand(100) < 8) break;
      t += (5 + rand(136)) * 1000;
      say('out', ['亲，在的', '有货的亲', '今天下午发', '已经是最低价了哦', '包邮的'][rand(5)]);
      t += (20 + rand(300)) * 1000;
    }
    if (rand(3) === 0) orders.push({ buyer, paidAt: shop(t + rand(3_600) * 1000), amount: 5_000 + rand(20_000), agent: rand(10) ? agent : String(1 + rand(AGENTS)) });
  }
  return { chat: chat.slice(0, lines), orders };
}

function open() {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(':memory:', (e) => (e ? reject(e) : resolve(db)));
  });
}
const call = (db, method, sql, params = []) =>
  new Promise((resolve, reject) => (method === 'exec' ? db.exec(sql, (e) => (e ? reject(e) : resolve())) : db[method](sql, params, (e, r) => (e ? reject(e) : resolve(r)))));

/** The plugin's chat log table as its migration makes it, and fulfillment's orders as the figures read them. */
async function database({ chat, orders }) {
  const db = await open();
  await call(db, 'exec', `
    CREATE TABLE chat (id INTEGER PRIMARY KEY, at TEXT NOT NULL, buyer TEXT NOT NULL, agent TEXT NOT NULL, direction TEXT NOT NULL, text TEXT NOT NULL);
    CREATE INDEX chat_pair ON chat (agent, buyer, at);
    CREATE INDEX chat_at ON chat (at);
    CREATE TABLE orders (id INTEGER PRIMARY KEY, buyer TEXT NOT NULL, paid_at TEXT NOT NULL, amount INTEGER NOT NULL, agent TEXT NOT NULL);
    CREATE INDEX orders_paid ON orders (paid_at);
    CREATE INDEX orders_buyer ON orders (buyer, paid_at);`.replace(/\n/g, ' '));
  await call(db, 'run', 'BEGIN');
  for (const l of chat) await call(db, 'run', 'INSERT INTO chat (at, buyer, agent, direction, text) VALUES (?, ?, ?, ?, ?)', [l.at, l.buyer, l.agent, l.direction, l.text]);
  for (const o of orders) await call(db, 'run', 'INSERT INTO orders (buyer, paid_at, amount, agent) VALUES (?, ?, ?, ?)', [o.buyer, o.paidAt, o.amount, o.agent]);
  await call(db, 'run', 'COMMIT');
  return db;
}

/**
 * The baseline: one query. Lines numbered per agent and buyer; each line knows the agent's last
 * line before it (`k`); a buyer's real questions with the same `k` are one wait, from the first of
 * them, ended by the agent line with the same `k` (the next one the agent wrote). Then per agent: asking and answered buyers,
 * waits and their seconds, follow-ups, inquiries, payers, and the sales their remarks carry.
 */
const spamTest = SPAM.map((w) => `instr(lower(text), lower('${w}')) > 0`).join(' OR ');
const KPI_SQL = `
  WITH l AS (
    SELECT agent, buyer, direction, unixepoch(at) AS t, (direction = 'in' AND (${spamTest})) AS spam,
      ROW_NUMBER() OVER (PARTITION BY agent, buyer ORDER BY at, id) AS n
    FROM chat WHERE at >= ?1 AND at < ?2
  ),
  m AS (
    SELECT *, COALESCE(MAX(CASE WHEN direction = 'out' THEN n END) OVER (PARTITION BY agent, buyer ORDER BY n ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS k FROM l
  ),
  answers AS (
    SELECT agent, buyer, t - start AS secs FROM (
      SELECT *, MIN(CASE WHEN direction = 'in' AND NOT spam THEN t END) OVER (PARTITION BY agent, buyer, k) AS start FROM m
    ) WHERE direction = 'out' AND start IS NOT NULL
  ),
  askers AS (
    SELECT a.agent, a.buyer, a.first, (x.buyer IS NOT NULL) AS answered,
      EXISTS (SELECT 1 FROM orders o WHERE o.buyer = a.buyer AND unixepoch(o.paid_at) < a.first AND unixepoch(o.paid_at) >= a.first - ?3 * 86400) AS follow,
      EXISTS (SELECT 1 FROM orders o WHERE o.buyer = a.buyer AND unixepoch(o.paid_at) >= a.first AND o.paid_at < ?2) AS paid
    FROM (SELECT agent, buyer, MIN(t) AS first FROM m WHERE direction = 'in' AND NOT spam GROUP BY agent, buyer) a
    LEFT JOIN (SELECT DISTINCT agent, buyer FROM answers) x ON x.agent = a.agent AND x.buyer = a.buyer
  ),
  talk AS (
    SELECT agent, COUNT(*) AS askingBuyers, SUM(answered) AS answeredBuyers, SUM(follow AND answered) AS followUps,
      SUM(NOT follow) AS inquiringBuyers, SUM(NOT follow AND paid) AS payingBuyers
    FROM askers GROUP BY agent
  ),
  timing AS (SELECT agent, COUNT(*) AS answeredWaits, SUM(secs) AS totalSeconds FROM answers GROUP BY agent),
  sales AS (SELECT agent, SUM(amount) AS salesFen, COUNT(DISTINCT buyer) AS buyers FROM orders WHERE paid_at >= ?1 AND paid_at < ?2 GROUP BY agent)
  SELECT t.agent, t.askingBuyers, t.answeredBuyers, t.followUps, t.inquiringBuyers, t.payingBuyers,
    COALESCE(w.answeredWaits, 0) AS answeredWaits, COALESCE(w.totalSeconds, 0) AS totalSeconds, COALESCE(s.salesFen, 0) AS salesFen, COALESCE(s.buyers, 0) AS buyers
  FROM talk t LEFT JOIN timing w ON w.agent = t.agent LEFT JOIN sales s ON s.agent = t.agent ORDER BY t.agent`;

/** What the plugin does for the month: read the log and the paid orders, then count every agent's figures. */
async function kpisFromDb(db, agentKpis, settings) {
  const lines = await call(db, 'all', 'SELECT at, buyer, agent, direction, text FROM chat WHERE at >= ? AND at < ? ORDER BY at, id', [FROM, TO]);
  const since = shop(Date.parse(FROM) - settings.followUpDays * DAY);
  const orders = (await call(db, 'all', 'SELECT buyer AS buyerNick, paid_at AS paidAt, amount AS paidAmount, agent FROM orders WHERE paid_at >= ? AND paid_at < ?', [since, TO]))
    .map((o, i) => ({ orderNo: String(i), buyerNick: o.buyerNick, paidAt: o.paidAt, paidAmount: o.paidAmount, agents: [o.agent] }));
  return { figures: agentKpis(lines, orders, { from: FROM, to: TO }, settings), lines: lines.length };
}

/** The figures both sides give, one row per agent, to compare. */
const fromPlugin = (k) => ({
  agent: k.agent, askingBuyers: k.replyRate.inputs.askingBuyers, answeredBuyers: k.replyRate.inputs.answeredBuyers, followUps: k.followUps.value,
  inquiringBuyers: k.conversion.inputs.inquiringBuyers, payingBuyers: k.conversion.inputs.payingBuyers, answeredWaits: k.responseTime.inputs.answeredWaits,
  totalSeconds: k.responseTime.inputs.totalSeconds, salesFen: k.sales.value, buyers: k.averageOrder.inputs.buyers,
});

async function window(op, windowMs) {
  let n = 0;
  const started = performance.now();
  let now = started;
  do {
    await op();
    n += 1;
    now = performance.now();
  } while (now - started < windowMs);
  return (n * 1000) / (now - started);
}

/** Runs the benchmark and answers table rows; `lines`, `rounds` and `windowMs` shrink it for the smoke test. */
export async function runCsKpis({ log = (line) => console.error(line), rounds = 5, windowMs = 1_000, lines = CHAT_LINES } = {}) {
  const { agentKpis } = await importSource('plugins/cs-scripts/server/kpis/kpi-rules.ts', 'cs-kpis');
  const { KPI_DEFAULTS } = await importSource('plugins/cs-scripts/server/kpis/kpi-settings.ts', 'cs-kpi-settings');
  const data = fixture(lines);
  const db = await database(data);
  try {
    // A guard, not a speed figure: the plugin and the query must give the same figures for every agent.
    const sql = await call(db, 'all', KPI_SQL, [FROM, TO, KPI_DEFAULTS.followUpDays]);
    const counted = await kpisFromDb(db, agentKpis, KPI_DEFAULTS);
    const mine = counted.figures.map(fromPlugin);
    if (counted.lines !== lines || mine.length !== AGENTS) throw new Error(`read ${counted.lines} lines for ${mine.length} agents`);
    if (JSON.stringify(mine) !== JSON.stringify(sql)) {
      throw new Error(`the plugin and the SQL query disagree:\n${JSON.stringify(mine)}\n${JSON.stringify(sql)}`);
    }
    const cases = [
      { id: 'sql', label: 'SQL query', name: `one SQL query: every agent's figures over ${int(lines)} chat lines and the month's orders`, op: () => call(db, 'all', KPI_SQL, [FROM, TO, KPI_DEFAULTS.followUpDays]) },
      { id: 'kpis', name: `the plugin: read ${int(lines)} lines and the paid orders, count ${AGENTS} agents' KPIs`, base: 'sql', op: () => kpisFromDb(db, agentKpis, KPI_DEFAULTS) },
    ];
    const byId = new Map(cases.map((c) => [c.id, c]));
    for (const c of cases) c.rounds = [];
    for (let round = 1; round <= rounds; round++) {
      for (const c of cases) c.rounds.push(await window(c.op, windowMs));
      log(`  cs-kpis round ${round}/${rounds}: ${cases.map((c) => `${c.id} ${c.rounds.at(-1).toFixed(2)}/s`).join(', ')}`);
    }
    const waits = mine.reduce((s, a) => s + a.answeredWaits, 0);
    return cases.map((c) => {
      const perSecond = median(c.rounds);
      let vs = `baseline (${int(waits)} answered waits, the same in both)`;
      if (c.base) vs = versusBaseline(c, byId.get(c.base), perSecond, 0);
      return ['cs-kpis', c.name, `${perSecond.toFixed(2)} runs/s`, vs];
    });
  } finally {
    await new Promise((resolve) => db.close(resolve));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  installCleanup();
  console.log(formatTable(await runCsKpis()));
}
