// The import-boundary rule (eslint-rules/import-boundaries.ts) on small samples, one per refusal,
// and on the repository itself, as `npm run lint` runs it.
import { join } from 'node:path';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, test } from 'vitest';
import { CONTRACT_TYPES_ONLY, CORE_ALLOWS, UI_ALLOWS } from '../core/plugins/import-boundaries.js';
import { workbenchRules } from '../eslint-rules/import-boundaries.js';
import { ROOT } from './helpers/server.js';

const linter = new Linter({ configType: 'flat' });
const config: Linter.Config[] = [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser as Linter.Parser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
    plugins: { workbench: workbenchRules },
    rules: { 'workbench/import-boundaries': ['error', { root: ROOT }] },
  },
];

/** The rule's messages for `code` as if it were the file at `path` (relative to the repository). */
function lint(path: string, code: string): string[] {
  return linter.verify(code, config, join(ROOT, path)).map((m) => m.message);
}

const SERVER = "a plugin's server code may import only @workbench/plugin-api";
const PLUGIN_UI = "a plugin's ui/ code may import only @workbench/ui";
const PLUGIN_TEST = "a plugin's tests may import only @workbench/plugin-api";

describe('core', () => {
  test('may import core/, schemas/ and packages', () => {
    expect(lint('core/http/x.ts', "import { a } from '../errors.js';\nimport { b } from '../../schemas/money.js';\nimport { c } from 'hono';\nimport 'node:fs';")).toEqual([]);
  });
  test('never a plugin, ui/ or @workbench/…, however it is written', () => {
    expect(lint('core/x.ts', "import { a } from '../plugins/listings/server/index.js';")).toEqual([`"../plugins/listings/server/index.js": ${CORE_ALLOWS}`]);
    expect(lint('core/x.ts', "export * from '../ui/kit/index.js';")).toEqual([`"../ui/kit/index.js": ${CORE_ALLOWS}`]);
    expect(lint('core/x.ts', "export { a } from '../ui/kit/money.js';")).toEqual([`"../ui/kit/money.js": ${CORE_ALLOWS}`]);
    expect(lint('core/x.ts', "const m = await import('../plugins/listings/server/index.js');")).toEqual([`"../plugins/listings/server/index.js": ${CORE_ALLOWS}`]);
    expect(lint('core/x.ts', "type T = import('../plugins/fulfillment/server/types.js').OrdersService;")).toEqual([`"../plugins/fulfillment/server/types.js": ${CORE_ALLOWS}`]);
    expect(lint('core/x.ts', "import type { A } from '@workbench/contracts/fulfillment';")).toEqual([`"@workbench/contracts/fulfillment": ${CORE_ALLOWS}`]);
  });
  test("core's tests may use test/helpers/", () => {
    expect(lint('core/x.test.ts', "import { start } from '../test/helpers/server.js';")).toEqual([]);
    expect(lint('core/x.ts', "import { start } from '../test/helpers/server.js';")).toEqual([`"../test/helpers/server.js": ${CORE_ALLOWS}`]);
  });
});

describe('ui/', () => {
  test('may import ui/, schemas/ and packages, never core/ or the plugin API', () => {
    expect(lint('ui/shell/x.ts', "import { a } from '../kit/index.js';\nimport { html } from 'lit';")).toEqual([]);
    expect(lint('ui/shell/x.ts', "import { a } from '../../core/errors.js';")).toEqual([`"../../core/errors.js": ${UI_ALLOWS}`]);
    expect(lint('ui/shell/x.ts', "import type { PluginContext } from '@workbench/plugin-api';")).toEqual([`"@workbench/plugin-api": ${UI_ALLOWS}`]);
  });
});

describe('plugins', () => {
  test('server code: the plugin API, contracts as types, packages and its own files', () => {
    const ok = [
      "import { InputError } from '@workbench/plugin-api';",
      "import type { OrdersService } from '@workbench/contracts/fulfillment';",
      "import { type OrdersService } from '@workbench/contracts/fulfillment';",
      "import { a } from '../shared/records.js';",
      "import { parse } from 'csv-parse/sync';",
    ].join('\n');
    expect(lint('plugins/listings/server/stock/x.ts', ok)).toEqual([]);
  });
  test('server code: no core file, no other plugin, no UI kit', () => {
    expect(lint('plugins/listings/server/x.ts', "import { Database } from '../../../core/db/database.js';")).toEqual([expect.stringContaining(`"../../../core/db/database.js": ${SERVER}`)]);
    expect(lint('plugins/listings/server/x.ts', "import type { OrdersService } from '../../fulfillment/server/types.js';")).toEqual([expect.stringContaining(SERVER)]);
    expect(lint('plugins/listings/server/x.ts', "import { WbElement } from '@workbench/ui';")).toEqual([expect.stringContaining(`"@workbench/ui": ${SERVER}`)]);
    expect(lint('plugins/listings/server/x.ts', "import { Database } from '/work/core/db/database.js';")).toEqual([expect.stringContaining(SERVER)]);
  });
  test('a contract is imported as types only', () => {
    expect(lint('plugins/listings/server/x.ts', "import { OrdersService } from '@workbench/contracts/fulfillment';")).toEqual([`"@workbench/contracts/fulfillment": ${CONTRACT_TYPES_ONLY}`]);
    expect(lint('plugins/listings/server/x.ts', "import { type A, B } from '@workbench/contracts/fulfillment';")).toEqual([`"@workbench/contracts/fulfillment": ${CONTRACT_TYPES_ONLY}`]);
  });
  test('ui/ code: the UI kit, not the plugin API', () => {
    expect(lint('plugins/listings/ui/x.ts', "import { WbElement } from '@workbench/ui';\nimport { a } from '../shared/state-names.js';")).toEqual([]);
    expect(lint('plugins/listings/ui/x.ts', "import { InputError } from '@workbench/plugin-api';")).toEqual([expect.stringContaining(`"@workbench/plugin-api": ${PLUGIN_UI}`)]);
    expect(lint('plugins/listings/ui/x.ts', "import { ApiClient } from '../../../ui/kit/api-client.js';")).toEqual([expect.stringContaining(PLUGIN_UI)]);
  });
  test('tests may also use test/helpers/, nothing else of the repository', () => {
    expect(lint('plugins/listings/test/x.test.ts', "import { start } from '../../../test/helpers/server.js';")).toEqual([]);
    expect(lint('plugins/listings/test/x.test.ts', "import { startHost } from '@workbench/plugin-api/testing';")).toEqual([]);
    expect(lint('plugins/listings/server/x.ts', "import { startHost } from '@workbench/plugin-api/testing';")).toEqual([expect.stringContaining(`"@workbench/plugin-api/testing": ${SERVER}`)]);
    expect(lint('plugins/listings/test/x.test.ts', "import { a } from '../../../core/errors.js';")).toEqual([expect.stringContaining(PLUGIN_TEST)]);
    expect(lint('plugins/listings/server/x.ts', "import { start } from '../../../test/helpers/server.js';")).toEqual([expect.stringContaining(SERVER)]);
  });
  test('fixture plugins under test/fixtures/plugins count as plugins', () => {
    expect(lint('test/fixtures/plugins/example/server/x.ts', "import { a } from '../../../../../core/errors.js';")).toEqual([expect.stringContaining(SERVER)]);
    expect(lint('test/fixtures/plugins/example/server/x.ts', "import { a } from '../../example-consumer/server/index.js';")).toEqual([expect.stringContaining(SERVER)]);
  });
  test('files outside core/, ui/ and plugins (tests, scripts) are not bound', () => {
    expect(lint('test/x.test.ts', "import { a } from '../plugins/listings/server/index.js';\nimport { b } from '../core/errors.js';")).toEqual([]);
  });
});

test('the repository lints clean with eslint.config.js', async () => {
  // `npm test` runs `npm run lint` first; sharing its cache, this run reads only what changed since.
  const eslint = new ESLint({ cwd: ROOT, cache: true, cacheLocation: join(ROOT, '.eslintcache'), cacheStrategy: 'content' });
  const results = await eslint.lintFiles(['.']);
  const problems = results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line}: ${m.message}`));
  expect(problems).toEqual([]);
  expect(results.length).toBeGreaterThan(100);
}, 240_000);
