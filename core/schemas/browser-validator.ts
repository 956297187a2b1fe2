import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { build } from 'esbuild';
import type { JsonSchema, SchemaRegistry } from './schema-registry.js';

/**
 * Builds the browser's copy of a server validator: ajv's standalone code for one schema (with
 * every registered schema it `$ref`s), bundled with the same error-message mapping the server
 * uses. The result is an ES module exporting
 * `validate(data, locale) → { path, in, message }[]` (empty when valid; defaults are filled in).
 *
 * Generated code instead of ajv in the browser, because ajv compiles with `new Function`, which
 * the workbench's Content-Security-Policy forbids — and it keeps ajv out of the shell's bundle.
 */
export class BrowserValidators {
  private readonly cache = new Map<string, Promise<string>>();
  private generation = -1;

  constructor(
    private readonly schemas: SchemaRegistry,
    private readonly rootDir: string,
  ) {}

  /** The module for `schema` (anonymous, or registered by its `$id`); `key` names it in the cache. */
  module(key: string, schema: JsonSchema): Promise<string> {
    // Plugins starting or stopping add and remove schemas; a cached module may then be stale.
    if (this.generation !== this.schemas.generation) {
      this.cache.clear();
      this.generation = this.schemas.generation;
    }
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.generate(schema);
      pending.catch(() => this.cache.delete(key));
      this.cache.set(key, pending);
    }
    return pending;
  }

  private async generate(schema: JsonSchema): Promise<string> {
    const ajv = new Ajv2020({ allErrors: true, strict: false, useDefaults: true, code: { source: true } });
    addFormats(ajv);
    for (const registered of this.schemas.all().values()) ajv.addSchema(registered);
    const id = typeof schema.$id === 'string' ? schema.$id : undefined;
    const validate = (id && ajv.getSchema(id)) || ajv.compile(schema);
    const standalone = standaloneCode(ajv, validate);
    const entry = `import check from 'workbench:standalone';
import { toFieldProblems } from ${JSON.stringify(join(this.rootDir, 'core', 'schemas', 'field-problems.ts'))};
export function validate(data, locale) {
  return check(data) ? [] : toFieldProblems(check.errors || [], locale, 'body');
}`;
    const result = await build({
      stdin: { contents: entry, resolveDir: this.rootDir, loader: 'js' },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      logLevel: 'silent',
      plugins: [
        {
          name: 'standalone',
          setup: (b) => {
            b.onResolve({ filter: /^workbench:standalone$/ }, () => ({ path: 'standalone', namespace: 'workbench' }));
            b.onLoad({ filter: /.*/, namespace: 'workbench' }, () => ({ contents: standalone, loader: 'js', resolveDir: this.rootDir }));
          },
        },
      ],
    });
    return result.outputFiles[0]!.text;
  }
}
