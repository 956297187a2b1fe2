import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';

/**
 * Validators compiled at an earlier start, kept on disk as ajv's standalone code (CommonJS) and
 * evaluated instead of compiled. Compiling the six plugins' settings schemas took about a tenth of
 * a second of every start, for schemas that had not changed since the last one.
 *
 * A file is named by the sha256 of everything the code depends on: the caller's parts (the ajv
 * variant, the schema's text, the digest of every schema registered when it was compiled, as a
 * `$ref` is compiled in) and this core's own file, since a rebuilt core may bring another ajv.
 * So a file is never stale; one written by another workbench sharing the folder is as good as
 * one's own. The code `require`s ajv's runtime helpers (and ajv-formats' formats) from
 * node_modules.
 */

/** Bumped when what is kept changes shape. */
const FORMAT = 1;

const requireHere = createRequire(import.meta.url);

const CORE = (() => {
  try {
    const self = statSync(fileURLToPath(import.meta.url));
    return `${self.size} ${self.mtimeMs}`;
  } catch {
    // A core that cannot look at its own file keeps nothing it could later mistake for its own.
    return randomBytes(8).toString('hex');
  }
})();

export class KeptValidators {
  constructor(private readonly folder: string) {}

  /** The name `parts` keep their validator under. */
  key(parts: readonly string[]): string {
    return createHash('sha256').update([FORMAT, CORE, ...parts].join('\n')).digest('hex').slice(0, 32);
  }

  /** The validator kept under `key`, if any. Synchronous, like ajv's compile it stands in for. */
  read(key: string): ValidateFunction | undefined {
    let code: string;
    try {
      code = readFileSync(this.file(key), 'utf8');
    } catch {
      // Not kept yet: the caller compiles, and keeps it.
      return undefined;
    }
    const module: { exports: unknown } = { exports: {} };
    try {
      // The code is ajv's own output, written by `keep` below (a module body of one function).
      new Function('module', 'exports', 'require', code)(module, module.exports, requireHere);
    } catch {
      // Cut short by a crash while written elsewhere: compiled again, and written anew.
      return undefined;
    }
    return typeof module.exports === 'function' ? (module.exports as ValidateFunction) : undefined;
  }

  /** Keeps ajv's standalone code under `key`; written whole or not at all. */
  keep(key: string, code: string): void {
    const file = this.file(key);
    const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
    mkdirSync(this.folder, { recursive: true });
    try {
      writeFileSync(temp, code);
      renameSync(temp, file);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
  }

  /**
   * The keys of schemas an earlier start found valid against their meta-schema (one a line in
   * `vetted.txt`). Checking every route schema again took about a twentieth of a second of each
   * start. A line cut short by a crash matches no key, so its schema is simply checked again.
   */
  vetted(): Set<string> {
    try {
      return new Set(readFileSync(join(this.folder, 'vetted.txt'), 'utf8').split('\n'));
    } catch {
      return new Set();
    }
  }

  /** Records `key` as found valid; one short append, so starts sharing the folder do not mix lines. */
  recordVetted(key: string): void {
    mkdirSync(this.folder, { recursive: true });
    appendFileSync(join(this.folder, 'vetted.txt'), `${key}\n`);
  }

  private file(key: string): string {
    return join(this.folder, `validator-${key}.cjs`);
  }
}
