// Input for the API fuzz test, generated with fast-check from the schemas in /api/openapi.json:
// values that fit a schema (biased to its edges: the largest number, the longest string, odd
// unicode) and values that break it (wrong types, out of range, invisible characters, huge or deep).
import fc from 'fast-check';

export type Schema = Record<string, any>;

/** Resolves `$ref`s ("#/components/…") against the OpenAPI document, merging keywords beside them. */
export class SchemaResolver {
  constructor(private readonly doc: Schema) {}

  resolve(schema: Schema | undefined, seen = 0): Schema {
    if (!schema || typeof schema !== 'object') return {};
    if (typeof schema.$ref !== 'string' || seen > 20) return schema;
    const { $ref, ...beside } = schema;
    let target: any = this.doc;
    for (const part of ($ref as string).replace(/^#\//, '').split('/')) target = target?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    return { ...this.resolve(target as Schema, seen + 1), ...beside };
  }
}

/** Strings that are wrong almost anywhere: control, invisible and direction characters, lone surrogates, injections. */
export const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u200b',
  '\ufeff货号',
  '\u202eevil',
  '\ud800',
  '\udfff\ud800',
  '😀👨‍👩‍👧',
  'Ａ１２３',
  '\u3164',
  '\r\n',
  '%',
  '%00',
  '../../etc/passwd',
  "' OR 1=1 --",
  '%_',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e20',
  '99999999999999999999',
  '0x10',
  '2026-02-30',
  '2026-13-01T25:61:00+08:00',
  '9999-12-31T23:59:59+14:00',
  '0000-00-00',
  'true',
];

const NUMBERS = [0, -0, -1, 1, 1.5, -1.5, 1e20, -1e20, 2 ** 31, 2 ** 53 + 2, -(2 ** 53) - 2, 1e308, -1e308, 5e-324];

/** A very long string, but one that stays under the JSON body limit. */
const longString = fc.constantFrom('x'.repeat(5_000), '货'.repeat(60_000), 'ab\u0000'.repeat(2_000));

/** Any value of another type than `schema` asks for, or a value of its type just outside its bounds. */
export function hostile(schema: Schema): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [
    fc.constantFrom<unknown>(null, true, false, [], {}, ...NUMBERS),
    fc.constantFrom(...ODD_STRINGS),
    longString,
    fc.constantFrom<unknown>([null], [[1, 2]], { a: { b: { c: [] } } }, ['x', 1, null, {}]),
    // Deep, but under the parser's 64 levels so it reaches the schema check.
    fc.integer({ min: 5, max: 60 }).map((depth) => nest(depth)),
    fc.integer({ min: 100, max: 3_000 }).map((n) => Array.from({ length: n }, (_, i) => i)),
  ];
  const type = schema.type;
  if (type === 'integer' || type === 'number') {
    const edges: number[] = [];
    if (typeof schema.minimum === 'number') edges.push(schema.minimum - 1, schema.minimum - 0.5);
    if (typeof schema.maximum === 'number') edges.push(schema.maximum + 1, schema.maximum * 10);
    if (edges.length) options.push(fc.constantFrom(...edges));
  }
  if (type === 'string' && typeof schema.maxLength === 'number') options.push(fc.constant('长'.repeat(Math.min(schema.maxLength + 1, 200_000))));
  if (type === 'array' && typeof schema.maxItems === 'number' && schema.maxItems < 9_000) {
    const item = schema.items;
    options.push(fc.constant(Array.from({ length: schema.maxItems + 1 }, () => (item?.type === 'string' ? 'A' : 1))));
  }
  return fc.oneof(...options);
}

function nest(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

const ISO_DAY = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });

function stringFor(schema: Schema): fc.Arbitrary<string> {
  if (schema.format === 'date-time') return ISO_DAY.map((d) => d.toISOString().replace('Z', '+08:00'));
  if (schema.format === 'date') return ISO_DAY.map((d) => d.toISOString().slice(0, 10));
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 40));
  if (typeof schema.pattern === 'string') {
    try {
      const pattern = new RegExp(schema.pattern, 'u');
      return fc.stringMatching(pattern).filter((s) => s.length >= minLength && (schema.maxLength === undefined || s.length <= schema.maxLength));
    } catch {
      // a pattern JavaScript reads differently: fall through to plain text
    }
  }
  return fc.oneof(
    fc.string({ minLength, maxLength, unit: 'grapheme' }),
    fc.string({ minLength, maxLength, unit: 'binary' }),
    ...(typeof schema.maxLength === 'number' && schema.maxLength <= 100_000 ? [fc.constant('货'.repeat(schema.maxLength))] : []),
  );
}

function numberFor(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : -(2 ** 53 - 1);
  const max = typeof schema.maximum === 'number' ? schema.maximum : typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum - 1 : 2 ** 53 - 1;
  const edges = [min, max, Math.max(min, Math.min(max, 0)), Math.max(min, Math.min(max, 1))];
  const small = fc.integer({ min: Math.max(min, -5), max: Math.min(max, Math.max(min, -5) + 30) });
  return fc.oneof(
    { arbitrary: small, weight: 3 },
    { arbitrary: fc.constantFrom(...edges), weight: 2 },
    { arbitrary: integer ? fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31 - 1) }) : fc.double({ min, max, noNaN: true }), weight: 1 },
  );
}

/**
 * Values that fit `schema` (where fast-check can say so), leaning to its edges. With `mutate`
 * above 0, each node is replaced by a hostile value with that chance, an object may lose a required
 * property or gain one it does not allow.
 */
export function fromSchema(resolver: SchemaResolver, raw: Schema | undefined, mutate: number, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolver.resolve(raw);
  const fitting = fitFor(resolver, schema, mutate, depth);
  if (mutate <= 0) return fitting;
  const weight = Math.max(1, Math.round(mutate * 100));
  return fc.oneof({ arbitrary: fitting, weight: 100 - Math.min(weight, 90) }, { arbitrary: hostile(schema), weight });
}

function fitFor(resolver: SchemaResolver, schema: Schema, mutate: number, depth: number): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length) return fc.constantFrom(...(schema.enum as unknown[]));
  const alternatives = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (Array.isArray(alternatives) && alternatives.length) {
    const { anyOf: _a, oneOf: _o, ...rest } = schema;
    return fc.oneof(...alternatives.map((alt) => fromSchema(resolver, { ...rest, ...resolver.resolve(alt) }, mutate, depth + 1)));
  }
  if (Array.isArray(schema.allOf)) {
    const { allOf, ...rest } = schema;
    const merged = (allOf as Schema[]).reduce<Schema>((acc, part) => mergeSchemas(acc, resolver.resolve(part)), rest);
    return fitFor(resolver, merged, mutate, depth + 1);
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringFor(schema);
    case 'integer':
      return numberFor(schema, true);
    case 'number':
      return numberFor(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 4, 4));
      return fc.array(fromSchema(resolver, schema.items, mutate, depth + 1), { minLength, maxLength });
    }
    case 'object':
      return objectFor(resolver, schema, mutate, depth);
    default:
      if (schema.properties) return objectFor(resolver, schema, mutate, depth);
      return fc.oneof(fc.constantFrom<unknown>(null, 1, 'x', true), fc.jsonValue({ maxDepth: 2 }));
  }
}

function mergeSchemas(a: Schema, b: Schema): Schema {
  return {
    ...a,
    ...b,
    properties: { ...(a.properties ?? {}), ...(b.properties ?? {}) },
    required: [...(a.required ?? []), ...(b.required ?? [])],
  };
}

function objectFor(resolver: SchemaResolver, schema: Schema, mutate: number, depth: number): fc.Arbitrary<unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set<string>(schema.required ?? []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, sub] of Object.entries(properties)) model[name] = fromSchema(resolver, sub, mutate, depth + 1);
  const known = fc.record(model, { requiredKeys: [...required].filter((k) => k in model) });
  const extra =
    schema.additionalProperties && typeof schema.additionalProperties === 'object'
      ? fc.dictionary(stringFor(resolver.resolve(schema.propertyNames) ?? {}), fromSchema(resolver, schema.additionalProperties, mutate, depth + 1), { maxKeys: 3 })
      : fc.constant({});
  const fitting = fc.tuple(known, extra).map(([k, e]) => ({ ...e, ...k }));
  if (mutate <= 0) return fitting;
  const broken = fc.tuple(fitting, fc.constantFrom('drop', 'extra', 'proto'), fc.constantFrom(...(required.size ? [...required] : ['x']))).map(([value, how, key]) => {
    const copy = { ...(value as Record<string, unknown>) };
    if (how === 'drop') delete copy[key];
    else if (how === 'extra') copy['unexpected\u200b'] = { nested: [1, 'two'] };
    else Object.defineProperty(copy, '__proto__', { value: { admin: true }, enumerable: true });
    return copy;
  });
  const weight = Math.max(1, Math.round(mutate * 100));
  return fc.oneof({ arbitrary: fitting, weight: 100 - Math.min(weight, 90) }, { arbitrary: broken, weight });
}

/** Bodies that are not JSON, or JSON the parser must refuse before the schema sees it. */
export const MALFORMED_JSON = [
  '{',
  '{"a":',
  '[1,2',
  '{"a":1}}',
  "{'a':1}",
  '{"a":01}',
  '{"a":NaN}',
  '{"a":Infinity}',
  'undefined',
  '\u0000',
  '\ufeff{}',
  '"just a string"',
  '12345678901234567890123456789',
  'null',
  '[]',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}',
  '['.repeat(5_000) + ']'.repeat(5_000),
  '{"a":'.repeat(200) + '1' + '}'.repeat(200),
  '[' + Array.from({ length: 10_050 }, () => '0').join(',') + ']',
  '{"x":[' + Array.from({ length: 10_001 }, () => '"y"').join(',') + ']}',
  '{"a":1,"a":2}',
  'a=1&b=2',
];

/** Content types a JSON route should not trust. */
export const WRONG_CONTENT_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=zzz', 'application/xml', 'application/json; charset=latin1', ''];
