import type { ValidateFunction } from 'ajv';

/**
 * Validators of fixed schemas (config.yaml's, plugin.yaml's, JSON Schema 2020-12's meta-schema
 * that every registered schema is checked against), compiled when the
 * server is built instead of at each start: scripts/build.mjs puts ajv's standalone code for them
 * (precompile-source.ts) in place of this file's contents. Compiling the three took about a
 * sixth of a second of every start. Run from the sources (tests, the test kit) this file is itself and
 * holds none; each is then compiled when first needed, with the same options.
 */
export const precompiled: { config?: ValidateFunction; manifest?: ValidateFunction; meta?: ValidateFunction } = {};
