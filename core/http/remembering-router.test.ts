import { Hono } from 'hono';
import { TrieRouter } from 'hono/router/trie-router';
import { expect, test } from 'vitest';
import { RememberingRouter } from './remembering-router.js';

/** The same app on the plain trie router and on the remembering one, answering which handlers ran. */
function apps() {
  const build = (router: TrieRouter<unknown> | RememberingRouter<unknown>) => {
    const app = new Hono({ router: router as never });
    app.use('/api/*', async (c, next) => {
      c.header('x-seen', 'api');
      await next();
    });
    app.get('/api/notes/:id', (c) => c.json({ route: 'note', id: c.req.param('id') }));
    app.get('/api/notes', (c) => c.json({ route: 'notes' }));
    return app;
  };
  return [build(new TrieRouter()), build(new RememberingRouter(new TrieRouter(), 3))] as const;
}

test('answers as the trie router does, again and again, and takes routes added after the first request', async () => {
  const [plain, remembering] = apps();
  const paths = ['/api/notes', '/api/notes/7', '/api/notes/8', '/api/notes/%E7%AC%94', '/api/notes/7', '/other', '/api/notes', '/api/notes/9', '/api/late'];
  const answer = async (app: Hono, path: string) => {
    const res = await app.request(path);
    return `${res.status} ${res.headers.get('x-seen')} ${await res.text()}`;
  };
  for (const path of paths) expect(await answer(remembering, path), path).toBe(await answer(plain, path));
  expect(await answer(remembering, '/api/late')).toMatch(/^404/);
  for (const app of [plain, remembering]) app.get('/api/late', (c) => c.json({ route: 'late' }));
  for (const path of [...paths, '/api/late']) expect(await answer(remembering, path), path).toBe(await answer(plain, path));
  expect(await answer(remembering, '/api/late')).toContain('"route":"late"');
});
