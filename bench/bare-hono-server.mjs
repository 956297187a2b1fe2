// The HTTP baseline: a bare Hono app on @hono/node-server with one route and no middleware, in its
// own process like the workbench. Started by bench/http.mjs; prints `listening on http://…`.
// It stops by itself: on SIGTERM/SIGINT, and (through the watchdog bench/lib.mjs preloads) when
// the bench process is gone.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/api/health', (c) => c.json({ status: 'ok' }));

const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  console.log(`listening on http://127.0.0.1:${info.port}`);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
