import standaloneCode from 'ajv/dist/standalone/index.js';
import { configAjv, configSchema } from '../config/load-config.js';
import { manifestSchema } from '../plugins/load-manifest.js';
import { createAjv, META_SCHEMA_ID, type JsonSchema } from './schema-registry.js';
import defs from '../../schemas/defs.schema.json' with { type: 'json' };

/**
 * The ES modules that stand in for precompiled.ts in the server bundle (see there): each exports
 * one validator as its default, made by an ajv with the very options the start would use — the
 * config's own ajv, and the registry's strict one (with the core's definitions the manifest
 * `$ref`s; the meta-schema is its default one). Their
 * ajv runtime helpers are `require`d, which the bundle resolves.
 */
export function precompiledSources(): { config: string; manifest: string; meta: string } {
  const forConfig = configAjv(true);
  const config = standaloneCode(forConfig, forConfig.compile(configSchema));
  const forManifest = createAjv(false, true, true, 'esm');
  forManifest.addSchema(defs as JsonSchema);
  const manifest = standaloneCode(forManifest, forManifest.compile(manifestSchema as JsonSchema));
  // The registry's strict ajv checks schemas against the meta-schema (SchemaRegistry.checkMeta).
  const forMeta = createAjv(false, true, false, 'esm');
  const meta = standaloneCode(forMeta, forMeta.getSchema(META_SCHEMA_ID)!);
  return { config, manifest, meta };
}
