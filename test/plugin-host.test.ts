import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client, setupOwner, type Reply } from './helpers/client.js';
import { startServer, type TestServer } from './helpers/server.js';

interface PluginItem {
  id: string;
  name: string;
  version: string | null;
  state: 'running' | 'failed' | 'disabled';
  reason: string | null;
  activationMs: number | null;
}

const BROKEN = [
  'activate-throws',
  'broken-manifest',
  'cycle-a',
  'cycle-b',
  'engine-mismatch',
  'failed-dep',
  'foreign-table',
  'missing-dep',
  'no-permission-route',
  'undeclared-service',
];

/** What each broken fixture's reason must mention so a person knows what to fix. */
const CAUSES: Record<string, (reason: string) => void> = {
  'broken-manifest': (r) => {
    expect(r).toContain('/version');
    expect(r).toContain('colour');
  },
  'engine-mismatch': (r) => expect(r).toContain('^2.0.0'),
  'missing-dep': (r) => expect(r).toContain('not-installed'),
  'failed-dep': (r) => {
    expect(r).toContain('activate-throws');
    // The dependency's own reason is passed on, so nobody has to look it up.
    expect(r).toContain('the label printer driver is missing');
  },
  'cycle-a': (r) => expect(r).toMatch(/cycle-(a|b) → cycle-(?!\1)(a|b) → cycle-\1/),
  'cycle-b': (r) => expect(r).toMatch(/cycle-(a|b) → cycle-(?!\1)(a|b) → cycle-\1/),
  'activate-throws': (r) => expect(r).toContain('the label printer driver is missing'),
  'no-permission-route': (r) => expect(r).toMatch(/permission/),
  'foreign-table': (r) => {
    expect(r).toContain('foreign_table_');
    expect(r).toContain('orders');
  },
  'undeclared-service': (r) => {
    expect(r).toContain('notes');
    expect(r).toMatch(/requires/);
    expect(r).toMatch(/optional/);
  },
};

const han = /[\u4e00-\u9fff]/;

function byId(reply: Reply<{ items: PluginItem[] }>): Map<string, PluginItem> {
  expect(reply.status).toBe(200);
  return new Map(reply.body.items.map((p) => [p.id, p]));
}

function expectProblem(reply: Reply, status: number) {
  expect(reply.status).toBe(status);
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(reply.body).toMatchObject({ status, type: expect.stringMatching(/^https:\/\/workbench\.local\/problems\//) });
  expect(typeof reply.body.detail).toBe('string');
}

let all: TestServer;
let onlyExample: TestServer;
let onlyConsumer: TestServer;
let owner: Client;
let exampleOwner: Client;
let consumerOwner: Client;

beforeAll(async () => {
  [all, onlyExample, onlyConsumer] = await Promise.all([
    startServer(),
    startServer({ config: { plugins: { enabled: ['example'] } } }),
    startServer({ config: { plugins: { enabled: ['example-consumer'] } } }),
  ]);
  [owner, exampleOwner, consumerOwner] = await Promise.all([setupOwner(all), setupOwner(onlyExample), setupOwner(onlyConsumer)]);
});

afterAll(async () => {
  await Promise.all([all, onlyExample, onlyConsumer].map((s) => s?.dispose()));
});

describe('plugin states', () => {
  test('GET /api/plugins needs a login', async () => {
    expectProblem(await new Client(all.url).get('/api/plugins'), 401);
  });

  test('every fixture is listed with id, name, version, state, reason and activation time', async () => {
    const plugins = byId(await owner.get('/api/plugins'));
    for (const id of ['example', 'example-consumer', ...BROKEN]) {
      const p = plugins.get(id);
      expect(p, id).toBeDefined();
      expect(Object.keys(p!)).toEqual(expect.arrayContaining(['id', 'name', 'version', 'state', 'reason', 'activationMs']));
      expect(typeof p!.name, id).toBe('string');
    }
    expect(plugins.get('example')).toMatchObject({ name: '示例笔记', version: '1.2.0' });
    expect(plugins.get('example-consumer')).toMatchObject({ name: '示例消费者', version: '0.3.0' });
    // Even an invalid manifest shows what it said about itself.
    expect(plugins.get('broken-manifest')).toMatchObject({ name: '坏清单', version: 'one' });
  });

  test('example and example-consumer are running, with their activation time', async () => {
    const plugins = byId(await owner.get('/api/plugins'));
    for (const id of ['example', 'example-consumer']) {
      const p = plugins.get(id)!;
      expect(p.state, id).toBe('running');
      expect(p.reason, id).toBeNull();
      expect(typeof p.activationMs, id).toBe('number');
      expect(p.activationMs!, id).toBeGreaterThanOrEqual(0);
      expect(p.activationMs!, id).toBeLessThan(30_000);
    }
  });

  test('each broken fixture is failed, with a reason in the shop language (zh-CN by default)', async () => {
    const plugins = byId(await owner.get('/api/plugins'));
    for (const id of BROKEN) {
      const p = plugins.get(id)!;
      expect(p.state, id).toBe('failed');
      expect(p.activationMs, id).toBeNull();
      expect(typeof p.reason, id).toBe('string');
      expect(p.reason!, `${id}: ${p.reason}`).toMatch(han);
    }
    expect(plugins.get('missing-dep')!.reason).toContain('not-installed');
    expect(plugins.get('cycle-a')!.reason).toMatch(/cycle-(a|b) → cycle-(a|b) → cycle-(a|b)/);
  });

  test('with Accept-Language: en the reasons name the specific cause in English', async () => {
    const plugins = byId(await owner.get('/api/plugins', { 'accept-language': 'en-GB,en;q=0.9' }));
    for (const id of BROKEN) {
      const reason = plugins.get(id)!.reason!;
      expect(reason, id).not.toMatch(han);
      CAUSES[id]!(reason);
    }
    expect(plugins.get('engine-mismatch')!.reason).toMatch(/plugin API/);
    expect(plugins.get('missing-dep')!.reason).toMatch(/not installed/);
  });

  test("the owner's own language setting wins over the browser's", async () => {
    expect((await owner.patch('/api/auth/me', { locale: 'en' })).status).toBe(200);
    try {
      const plugins = byId(await owner.get('/api/plugins', { 'accept-language': 'zh-CN' }));
      expect(plugins.get('activate-throws')!.reason).toBe('failed to start: the label printer driver is missing');
      expect(plugins.get('example')!.name).toBe('Example notes');
    } finally {
      expect((await owner.patch('/api/auth/me', { locale: null })).status).toBe(200);
    }
    const plugins = byId(await owner.get('/api/plugins'));
    expect(plugins.get('activate-throws')!.reason).toMatch(han);
  });

  test('failures are logged at start-up with the plugin and its reason', () => {
    const out = all.output();
    for (const id of ['activate-throws', 'foreign-table', 'missing-dep', 'cycle-a']) {
      expect(out).toMatch(new RegExp(`ERROR +plugin failed plugin=${id} `));
    }
    expect(out).toMatch(/plugin running plugin=example /);
    // A broken manifest: every problem on a line of its own, with the file's full path and line.
    expect(out).toMatch(/ERROR +plugin problem plugin=broken-manifest at=\S*broken-manifest\/plugin\.yaml:3:10 problem="\/version/);
    expect(out).toMatch(/ERROR +plugin problem plugin=broken-manifest at=\S*broken-manifest\/plugin\.yaml:6:9 problem="\/colour/);
  });
});

describe('isolation', () => {
  test('a failed plugin answers 503 with its reason; the route it added before throwing is gone', async () => {
    const reply = await owner.get('/api/activate-throws/ping');
    expectProblem(reply, 503);
    expect(reply.body.detail).toContain('the label printer driver is missing');
    expect(reply.body).not.toHaveProperty('pong');
    expect(reply.text).not.toContain('pong');

    const en = await owner.get('/api/activate-throws/ping', { 'accept-language': 'en' });
    expectProblem(en, 503);
    expect(en.body.detail).toBe('The plugin "Activate throws" is not running: failed to start: the label printer driver is missing');

    // Not just hidden by the gate: the registration itself was undone.
    const openapi = await owner.get('/api/openapi.json');
    expect(Object.keys(openapi.body.paths).filter((p) => p.startsWith('/api/activate-throws'))).toEqual([]);
  });

  test('every failed plugin answers 503 under its prefix, whatever the path', async () => {
    for (const id of BROKEN) {
      const reply = await owner.get(`/api/${id}/anything`);
      expectProblem(reply, 503);
      expect(reply.body.detail.length, id).toBeGreaterThan(10);
    }
  });

  test('the other plugins keep running', async () => {
    expect((await owner.get('/api/example/notes')).status).toBe(200);
    expect((await owner.get('/api/example/hello')).status).toBe(200);
    expect((await owner.get('/api/example-consumer/summary')).status).toBe(200);
    expect((await owner.get('/api/health')).body).toMatchObject({ status: 'ok' });
  });

  test('a route handler that throws gives a 500 that leaks nothing, is logged, and the server carries on', async () => {
    const reply = await owner.get('/api/example/boom');
    expectProblem(reply, 500);
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(reply.text).not.toContain('the handler broke on purpose');
    expect(reply.text).not.toMatch(/routes\.ts|\bat \w|Error:|stack/);
    expect(reply.body.detail).toMatch(han);
    expect(reply.body.instance).toBe('/api/example/boom');

    await all.waitFor(/request failed instance=\/api\/example\/boom error="Error: the handler broke on purpose/, 5_000);
    // The stack names the plugin's TypeScript source and line, not the compiled bundle in the cache.
    const stack = /request failed instance=\/api\/example\/boom error="([^\n]*)"/.exec(all.output())![1]!;
    expect(stack).toMatch(/\\n +at [^\\]*example[\\/]server[\\/]routes\.ts:152:\d+/);
    expect(stack).not.toContain('cache/plugins');

    expect((await owner.get('/api/health')).status).toBe(200);
    expect((await owner.get('/api/example/notes')).status).toBe(200);
    // And the same route fails the same way again, rather than the process being left broken.
    expectProblem(await owner.get('/api/example/boom'), 500);
  });

  test('an unknown plugin path is a plain 404', async () => {
    const reply = await owner.get('/api/nobody/x');
    expectProblem(reply, 404);
    expectProblem(await owner.get('/api/nobody'), 404);
  });

  test('an unknown path under a running plugin is a 404 too', async () => {
    expectProblem(await owner.get('/api/example/no-such-thing'), 404);
  });
});

describe('disabled plugins', () => {
  test('a plugin left out of plugins.enabled is disabled, not failed', async () => {
    const plugins = byId(await exampleOwner.get('/api/plugins'));
    expect(plugins.get('example')!.state).toBe('running');
    const consumer = plugins.get('example-consumer')!;
    expect(consumer.state).toBe('disabled');
    expect(consumer.activationMs).toBeNull();
    expect(consumer.reason).toBeNull();
    // Plugins whose dependencies are merely disabled are not started either.
    expect(plugins.get('failed-dep')!.state).not.toBe('running');
  });

  test('a disabled plugin has no routes: 404 problem+json; the enabled one answers', async () => {
    const reply = await exampleOwner.get('/api/example-consumer/summary');
    expectProblem(reply, 404);
    expect((await exampleOwner.get('/api/example-consumer/summary', { 'accept-language': 'en' })).body.detail).toMatch(/not enabled/);
    expect((await exampleOwner.get('/api/example/notes')).status).toBe(200);
  });

  test('a disabled plugin contributes nothing to the UI or the API description', async () => {
    const contributions = await exampleOwner.get('/api/workbench/contributions');
    expect(contributions.body.plugins.map((p: { id: string }) => p.id)).toEqual(['example']);
    const openapi = await exampleOwner.get('/api/openapi.json');
    const paths = Object.keys(openapi.body.paths);
    expect(paths).toContain('/api/example/notes');
    expect(paths.filter((p) => p.startsWith('/api/example-consumer'))).toEqual([]);
  });

  test('a plugin whose required plugin is disabled fails, and the reason says so', async () => {
    const plugins = byId(await consumerOwner.get('/api/plugins', { 'accept-language': 'en' }));
    expect(plugins.get('example')!.state).toBe('disabled');
    const consumer = plugins.get('example-consumer')!;
    expect(consumer.state).toBe('failed');
    expect(consumer.reason).toContain('"example"');
    expect(consumer.reason).toMatch(/disabled/);
    expect(consumer.reason).toMatch(/plugins\.enabled/);

    const reply = await consumerOwner.get('/api/example-consumer/summary', { 'accept-language': 'en' });
    expectProblem(reply, 503);
    expect(reply.body.detail).toMatch(/disabled/);
    expectProblem(await consumerOwner.get('/api/example/notes'), 404);
  });

  test('with example disabled, its jobs never run', async () => {
    const jobs = await consumerOwner.get('/api/jobs');
    expect(jobs.status).toBe(200);
    expect(jobs.body.items.filter((j: { owner: string }) => j.owner === 'example')).toEqual([]);
  });
});
