// How a plugin's problems are reported at start-up: a setting written wrong in config.yaml and a
// migration the database refuses each point at the place to fix, in the Plugins view and the console.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { setupOwner, type Client } from './helpers/client.js';
import { FIXTURE_PLUGINS, startServer, type TestServer } from './helpers/server.js';

let server: TestServer;
let owner: Client;
let extra: string;

beforeAll(async () => {
  extra = await mkdtemp(join(tmpdir(), 'workbench-diagnostics-'));
  const bad = join(extra, 'bad-migration');
  await mkdir(join(bad, 'migrations'), { recursive: true });
  await writeFile(join(bad, 'plugin.yaml'), 'id: bad-migration\nversion: 1.0.0\nengine: ^1.0.0\nname: { zh-CN: 坏迁移, en: Bad migration }\n');
  await writeFile(join(bad, 'migrations', '001-init.sql'), 'CREATE TABLE bad_migration_items (id INTEGER PRIMARY KEY);\n\n-- the column is misspelt\nCREATE INDEX bad_migration_items_name\n  ON bad_migration_items (nmae);\n');
  server = await startServer({
    config: {
      plugins: { folders: [join(FIXTURE_PLUGINS, 'example'), bad], enabled: ['example', 'bad-migration'] },
      settings: { example: { maxNoteLength: 5, courier: 'DHL' } },
    },
  });
  owner = await setupOwner(server);
});

afterAll(async () => {
  await server?.dispose();
  await rm(extra, { recursive: true, force: true });
});

const reasonOf = async (id: string, language = 'en') =>
  ((await owner.get('/api/plugins', { 'accept-language': language })).body.items as { id: string; reason: string | null }[]).find((p) => p.id === id)!.reason ?? '';

describe('start-up problems point at what to fix', () => {
  test('every bad setting from config.yaml is named with its line, at once', async () => {
    const reason = await reasonOf('example');
    expect(reason).toMatch(/config\.yaml:\d+:\d+ \/maxNoteLength /);
    expect(reason).toMatch(/config\.yaml:\d+:\d+ \/courier /);
    expect(server.output()).toMatch(/plugin failed plugin=example reason="[^"]*config\.yaml:\d+:\d+ \/maxNoteLength/);
  });

  test('a refused migration names its file, line and statement', async () => {
    const reason = await reasonOf('bad-migration');
    expect(reason).toContain('migration 001-init.sql (line 4) failed');
    expect(reason).toContain('nmae');
    expect(reason).toContain('CREATE INDEX bad_migration_items_name ON bad_migration_items (nmae)');
    expect(await reasonOf('bad-migration', 'zh-CN')).toContain('001-init.sql');
  });
});
