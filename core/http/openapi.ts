import { localize, type Locale } from '../i18n/localized-text.js';
import type { RegisteredRoute } from '../contributions/route-table.js';
import type { JsonSchema } from '../schemas/schema-registry.js';
import { WORKBENCH_VERSION } from '../version.js';

const BASE = 'https://workbench.local/schemas/';

/** `https://workbench.local/schemas/listings/product` → `listings.product`. */
function componentName(id: string): string {
  return (id.startsWith(BASE) ? id.slice(BASE.length) : id).replace(/[^A-Za-z0-9._-]+/g, '.');
}

/** Points `$ref`s at registered schemas to `#/components/schemas/…`, keeping any fragment. */
function rewriteRefs(value: unknown, known: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, known));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === '$ref' && typeof v === 'string') {
      const [id = '', fragment] = v.split('#');
      out.$ref = known.has(id) ? `#/components/schemas/${componentName(id)}${fragment ? fragment : ''}` : v;
    } else if (key === '$id' || key === '$schema') {
      continue;
    } else {
      out[key] = rewriteRefs(v, known);
    }
  }
  return out;
}

const problemRef = { $ref: '#/components/schemas/Problem' };
const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details; `errors` lists failing fields.',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, in: { type: 'string' }, message: { type: 'string' } } } },
  },
  required: ['title', 'status', 'detail'],
};

/** Follows a `$ref` (with an optional JSON-pointer fragment) to a registered schema. */
function deref(schema: JsonSchema, schemas: ReadonlyMap<string, JsonSchema>): JsonSchema | undefined {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const [id = '', fragment = ''] = ref.split('#');
  let target: unknown = schemas.get(id);
  for (const part of fragment.split('/').filter(Boolean)) {
    target = (target as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return typeof target === 'object' && target !== null ? (target as JsonSchema) : undefined;
}

interface ObjectShape {
  props: Record<string, JsonSchema>;
  required: Set<string>;
}

/**
 * The named properties of an object schema, looking through `$ref` and `allOf`, so a query written
 * as `{ $ref: defs#/$defs/pageQuery }` still lists page, pageSize, sort and q as parameters.
 */
function objectShape(schema: JsonSchema | undefined, schemas: ReadonlyMap<string, JsonSchema>, into: ObjectShape, depth = 0): ObjectShape {
  if (!schema || depth > 8) return into;
  const target = deref(schema, schemas);
  if (target && target !== schema) objectShape(target, schemas, into, depth + 1);
  for (const part of (schema.allOf as JsonSchema[] | undefined) ?? []) objectShape(part, schemas, into, depth + 1);
  // The schema's own properties come last, so a route may narrow what a shared part says.
  Object.assign(into.props, schema.properties ?? {});
  for (const name of (schema.required as string[] | undefined) ?? []) into.required.add(name);
  return into;
}

function parameters(
  schema: JsonSchema | undefined,
  where: 'path' | 'query',
  schemas: ReadonlyMap<string, JsonSchema>,
  known: ReadonlySet<string>,
  pathNames: string[],
) {
  const { props, required } = objectShape(schema, schemas, { props: {}, required: new Set() });
  const names = where === 'path' ? pathNames : Object.keys(props);
  return names.map((name) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: rewriteRefs(props[name] ?? { type: 'string' }, known),
  }));
}

/**
 * Builds the OpenAPI 3.1 document from the route table: every route with its permission, its
 * schemas, and the problem responses it can give. OpenAPI 3.1 speaks JSON Schema 2020-12, so
 * registered schemas go into `components.schemas` unchanged apart from their `$ref`s.
 */
export function buildOpenApi(routes: RegisteredRoute[], schemas: ReadonlyMap<string, JsonSchema>, locale: Locale): Record<string, unknown> {
  const known = new Set(schemas.keys());
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { owner, fullPath, route } of routes) {
    if (route.hidden) continue;
    const pathNames = [...fullPath.matchAll(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g)].map((m) => m[1]!);
    const path = fullPath.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, '{$1}');
    const access = route.public ? 'public' : route.authenticated ? 'any logged-in person' : `permission ${route.permission}`;
    const responses: Record<string, unknown> = {
      [String(route.status ?? 200)]: {
        description: 'OK',
        ...(route.response ? { content: { 'application/json': { schema: rewriteRefs(route.response, known) } } } : {}),
      },
    };
    for (const status of ['400', '401', '403', '404', '409', '413', '503']) {
      if (route.public && (status === '401' || status === '403')) continue;
      responses[status] = { description: status, content: { 'application/problem+json': { schema: problemRef } } };
    }
    (paths[path] ??= {})[route.method] = {
      operationId: `${owner}:${route.method}:${route.path || '/'}`,
      tags: [owner],
      summary: localize(route.summary, locale),
      ...(route.description ? { description: localize(route.description, locale) } : {}),
      'x-permission': route.permission ?? (route.public ? 'public' : 'authenticated'),
      'x-access': access,
      parameters: [...parameters(route.params, 'path', schemas, known, pathNames), ...parameters(route.query, 'query', schemas, known, [])],
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: rewriteRefs(route.body, known) } } } }
        : route.bodyKind === 'upload'
          ? { requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } } } }
          : {}),
      responses,
    };
  }
  const components: Record<string, unknown> = { Problem: PROBLEM_SCHEMA };
  for (const [id, schema] of schemas) components[componentName(id)] = rewriteRefs(schema, known);
  return {
    openapi: '3.1.0',
    info: { title: localize({ 'zh-CN': '网店工作台 API', en: 'Shop workbench API' }, locale), version: WORKBENCH_VERSION },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: components,
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'wb_session' } },
    },
    security: [{ session: [] }],
  };
}
