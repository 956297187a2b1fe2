import { describe, expect, it } from 'vitest';
import { DEFS_ID, SchemaRegistry, check } from './schema-registry.js';

describe('validators compiled when first used', () => {
  it('check as the eager ones do, defaults and coercion included', () => {
    const schemas = new SchemaRegistry();
    const query = { type: 'object', properties: { page: { type: 'integer', default: 1 }, q: { type: 'string' } } };
    const lazy = schemas.lazyChecker(query, { coerce: true });
    const eager = schemas.checker(query, { coerce: true });
    for (const input of [{ page: '3', q: '连衣裙' }, {}, { q: '' }]) {
      expect(check(lazy, { ...input }, 'zh-CN', 'query')).toEqual(check(eager, { ...input }, 'zh-CN', 'query'));
    }
    expect(() => check(lazy, { page: 'two' }, 'en', 'query')).toThrow(/not valid/);
    const response = schemas.lazyValidator({ type: 'object', required: ['id'], properties: { id: { type: 'integer' } } });
    expect(response()({ id: 7 })).toBe(true);
    expect(response()({ id: 'x' })).toBe(false);
    expect(response()).toBe(response());
  });

  it('still refuse at once a schema that would not compile: a mistyped type, or a $ref to a schema nobody registered', () => {
    const schemas = new SchemaRegistry();
    expect(() => schemas.lazyChecker({ type: 'strnig' })).toThrow(/schema is invalid/);
    expect(() => schemas.lazyChecker({ type: 'strnig' }, { coerce: true })).toThrow(/schema is invalid/);
    expect(() => schemas.compile({ type: 'strnig' }, { coerce: true })).toThrow(/schema is invalid/);
    expect(() => schemas.add({ $id: 'https://workbench.local/schemas/bad', type: 'strnig' }, 'shop')).toThrow(/schema is invalid/);
    expect(() => schemas.lazyValidator({ type: 'object', properties: { n: { minimum: 'zero' } } })).toThrow(/schema is invalid/);
    expect(() => schemas.lazyChecker({ $ref: 'https://workbench.local/schemas/nowhere#/$defs/x' })).toThrow(/can't resolve reference .*nowhere/);
    expect(() => schemas.lazyValidator({ type: 'object', properties: { v: { $ref: `${DEFS_ID}#/$defs/version` } } })).not.toThrow();
  });

  it('accept a $ref to a schema registered by a plugin, and to an $id inside the schema itself', () => {
    const schemas = new SchemaRegistry();
    schemas.add({ $id: 'https://workbench.local/schemas/shop/sku', type: 'object', properties: { code: { type: 'string' } } }, 'shop');
    const lines = schemas.lazyValidator({ type: 'array', items: { $ref: 'https://workbench.local/schemas/shop/sku' } });
    expect(lines()([{ code: 'A-1' }])).toBe(true);
    expect(lines()([{ code: 1 }])).toBe(false);
    const inner = { $defs: { n: { $id: 'https://example.test/n', type: 'integer' } }, $ref: 'https://example.test/n' };
    expect(() => schemas.vet(inner)).not.toThrow();
  });
});
