import { describe, expect, test } from 'vitest';
import { resolveOrder, type Node } from './resolve-order.js';

const node = (id: string, requires: string[] = [], optional: string[] = []): Node => ({ id, requires, optional });

/** Whether `first` comes before `then`; both must be in the order at all. */
function before(order: string[], first: string, then: string): boolean {
  const a = order.indexOf(first);
  const b = order.indexOf(then);
  expect(a, `${first} is in the order`).toBeGreaterThanOrEqual(0);
  expect(b, `${then} is in the order`).toBeGreaterThanOrEqual(0);
  return a < b;
}

describe('resolveOrder', () => {
  test('puts every dependency before its dependents, whatever order the nodes come in', () => {
    const nodes = [node('shipping', ['orders']), node('orders', ['catalog']), node('catalog'), node('reports', ['orders', 'catalog'])];
    for (const list of [nodes, [...nodes].reverse()]) {
      const { order, cycles } = resolveOrder(list);
      expect(cycles.size).toBe(0);
      expect([...order].sort()).toEqual(['catalog', 'orders', 'reports', 'shipping']);
      expect(before(order, 'catalog', 'orders')).toBe(true);
      expect(before(order, 'orders', 'shipping')).toBe(true);
      expect(before(order, 'orders', 'reports')).toBe(true);
    }
  });

  test('lists each plugin exactly once', () => {
    const { order } = resolveOrder([node('a', ['c']), node('b', ['c']), node('c'), node('d', ['a', 'b'])]);
    expect(order).toHaveLength(4);
    expect(new Set(order).size).toBe(4);
  });

  test('ignores requirements on plugins that are not present (the host reports those)', () => {
    const { order, cycles } = resolveOrder([node('a', ['not-installed']), node('b', [], ['also-missing'])]);
    expect(order).toEqual(['a', 'b']);
    expect(cycles.size).toBe(0);
  });

  test('an optional dependency that is present comes first', () => {
    const { order, cycles } = resolveOrder([node('aa-reports', [], ['zz-inventory']), node('zz-inventory')]);
    expect(cycles.size).toBe(0);
    expect(order).toEqual(['zz-inventory', 'aa-reports']);
  });

  test('optional edges never form a cycle', () => {
    const { order, cycles } = resolveOrder([node('a', [], ['b']), node('b', [], ['a'])]);
    expect(cycles.size).toBe(0);
    expect([...order].sort()).toEqual(['a', 'b']);
  });

  // The optional edge is the one to drop: breaking the hard one would activate a plugin before
  // the plugin it requires, and its services.get() would find nothing.
  test('when an optional edge closes a loop with a hard one, the hard requirement still holds', () => {
    for (const [dependent, dependency] of [
      ['b', 'a'],
      ['a', 'b'],
    ] as const) {
      const nodes = [node(dependent, [dependency]), node(dependency, [], [dependent])];
      for (const list of [nodes, [...nodes].reverse()]) {
        const { order, cycles } = resolveOrder(list);
        expect(cycles.size).toBe(0);
        expect(order, `${dependent} requires ${dependency}`).toEqual([dependency, dependent]);
      }
    }
  });

  test('a longer loop closed by an optional edge keeps all hard requirements', () => {
    // c requires a; a optionally uses b; b optionally uses c.
    const nodes = [node('a', [], ['b']), node('b', [], ['c']), node('c', ['a'])];
    for (const list of [nodes, [...nodes].reverse()]) {
      const { order, cycles } = resolveOrder(list);
      expect(cycles.size).toBe(0);
      expect(before(order, 'a', 'c')).toBe(true);
    }
  });

  test('a two-plugin cycle is reported for both members as an arrow path', () => {
    const { order, cycles } = resolveOrder([node('cycle-a', ['cycle-b']), node('cycle-b', ['cycle-a'])]);
    expect([...order].sort()).toEqual(['cycle-a', 'cycle-b']);
    for (const id of ['cycle-a', 'cycle-b']) {
      const path = cycles.get(id);
      expect(path, id).toBeDefined();
      expect(path![0]).toBe(path!.at(-1));
      expect(new Set(path)).toEqual(new Set(['cycle-a', 'cycle-b']));
      expect(path).toHaveLength(3);
    }
  });

  test('a three-plugin cycle names all three, in requirement order', () => {
    const { cycles } = resolveOrder([node('a', ['b']), node('b', ['c']), node('c', ['a'])]);
    expect([...cycles.keys()].sort()).toEqual(['a', 'b', 'c']);
    const path = cycles.get('a')!;
    expect(path).toHaveLength(4);
    expect(path[0]).toBe(path[3]);
    // Each step of the path is a real `requires` edge.
    const requires: Record<string, string> = { a: 'b', b: 'c', c: 'a' };
    for (let i = 0; i + 1 < path.length; i++) expect(requires[path[i]!]).toBe(path[i + 1]);
  });

  test('a plugin that requires itself is a cycle of one', () => {
    const { order, cycles } = resolveOrder([node('selfish', ['selfish']), node('fine')]);
    expect(cycles.get('selfish')).toEqual(['selfish', 'selfish']);
    expect(cycles.has('fine')).toBe(false);
    expect([...order].sort()).toEqual(['fine', 'selfish']);
  });

  test('a plugin that merely depends on a cycle is not part of it, and comes after it', () => {
    const nodes = [node('user', ['x']), node('x', ['y']), node('y', ['x'])];
    for (const list of [nodes, [...nodes].reverse()]) {
      const { order, cycles } = resolveOrder(list);
      expect(cycles.has('user')).toBe(false);
      expect(cycles.has('x')).toBe(true);
      expect(cycles.has('y')).toBe(true);
      expect(order.at(-1)).toBe('user');
    }
  });

  test('an optional edge into a hard cycle does not hide the cycle', () => {
    const { cycles } = resolveOrder([node('x', ['y']), node('y', ['x'], ['z']), node('z', [], ['x'])]);
    expect(cycles.has('x')).toBe(true);
    expect(cycles.has('y')).toBe(true);
    expect(cycles.has('z')).toBe(false);
  });
});
