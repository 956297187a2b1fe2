// The HTTP baselines: a bare Hono app on @hono/node-server with no middleware, in its own process
// like the workbench. Started by bench/http.mjs; prints `listening on http://…`.
// - `GET /api/health` answers `{"status":"ok"}`;
// - with `BENCH_NOTES_DB` (the workbench's database file, opened read-only), `GET /api/notes`
//   runs the SQL of the fixture plugin's logged-in notes list (a `COUNT(*)` and a page) on raw
//   sqlite3 and answers the same JSON, with no session, permission, validation or schema.
// It stops by itself: on SIGTERM/SIGINT, and (through the watchdog bench/lib.mjs preloads) when
// the bench process is gone.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import sqlite3 from 'sqlite3';

const app = new Hono();
app.get('/api/health', (c) => c.json({ status: 'ok' }));

const file = process.env.BENCH_NOTES_DB;
if (file) {
  const db = await new Promise((resolve, reject) => {
    const d = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) => (error ? reject(error) : resolve(d)));
  });
  const get = (sql, params) => new Promise((resolve, reject) => db.get(sql, params, (e, row) => (e ? reject(e) : resolve(row))));
  const all = (sql, params) => new Promise((resolve, reject) => db.all(sql, params, (e, rows) => (e ? reject(e) : resolve(rows))));
  app.get('/api/notes', async (c) => {
    const page = Number(c.req.query('page') ?? 1);
    const pageSize = Number(c.req.query('pageSize') ?? 20);
    const total = (await get('SELECT COUNT(*) AS n FROM example_notes', []))?.n ?? 0;
    const items = await all('SELECT id, text, amount, version, created_at AS createdAt FROM example_notes ORDER BY id LIMIT ? OFFSET ?', [pageSize, (page - 1) * pageSize]);
    return c.json({ items, total, page, pageSize });
  });
}

const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  console.log(`listening on http://127.0.0.1:${info.port}`);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
