import { describe, expect, test, vi } from 'vitest';
import { DisposableStore, toDisposable, type Disposable } from './disposable.js';

function recorder() {
  const calls: string[] = [];
  const item = (name: string): Disposable => ({ dispose: () => calls.push(name) });
  return { calls, item };
}

describe('toDisposable', () => {
  test('runs its function once, however often it is disposed', () => {
    const fn = vi.fn();
    const d = toDisposable(fn);
    expect(fn).not.toHaveBeenCalled();
    d.dispose();
    d.dispose();
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

describe('DisposableStore', () => {
  test('disposes everything in reverse order of addition', () => {
    const { calls, item } = recorder();
    const store = new DisposableStore();
    store.add(item('route'));
    store.add(item('job'));
    store.add(item('service'));
    expect(store.size).toBe(3);
    expect(calls).toEqual([]);
    store.dispose();
    expect(calls).toEqual(['service', 'job', 'route']);
    expect(store.isDisposed).toBe(true);
    expect(store.size).toBe(0);
  });

  test('answers what was added, so a registration can be kept and disposed on its own', () => {
    const store = new DisposableStore();
    const d = toDisposable(vi.fn());
    expect(store.add(d)).toBe(d);
  });

  test('a second dispose is a no-op', () => {
    const { calls, item } = recorder();
    const store = new DisposableStore();
    store.add(item('a'));
    store.add(item('b'));
    store.dispose();
    store.dispose();
    expect(calls).toEqual(['b', 'a']);
  });

  test('adding after dispose disposes the newcomer at once and reports the leak', () => {
    const { calls, item } = recorder();
    const onLeak = vi.fn();
    const store = new DisposableStore(onLeak);
    store.dispose();
    const late = item('late');
    expect(store.add(late)).toBe(late);
    expect(calls).toEqual(['late']);
    expect(onLeak).toHaveBeenCalledTimes(1);
    expect(String(onLeak.mock.calls[0]![0])).toMatch(/disposed/);
    // It is not kept: a later dispose must not run it again.
    store.dispose();
    expect(calls).toEqual(['late']);
    expect(store.size).toBe(0);
  });

  test('adding after dispose without a leak reporter still disposes the newcomer', () => {
    const { calls, item } = recorder();
    const store = new DisposableStore();
    store.dispose();
    store.add(item('late'));
    expect(calls).toEqual(['late']);
  });

  test('one failing disposable does not stop the others, and its error is rethrown', () => {
    const { calls, item } = recorder();
    const store = new DisposableStore();
    const boom = new Error('cannot unregister');
    store.add(item('first'));
    store.add({
      dispose: () => {
        throw boom;
      },
    });
    store.add(item('last'));
    expect(() => store.dispose()).toThrow(boom);
    expect(calls).toEqual(['last', 'first']);
    expect(store.isDisposed).toBe(true);
  });

  test('several failures come back together as an AggregateError', () => {
    const store = new DisposableStore();
    const e1 = new Error('one');
    const e2 = new Error('two');
    store.add({ dispose: () => { throw e1; } });
    store.add({ dispose: () => { throw e2; } });
    let caught: unknown;
    try {
      store.dispose();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AggregateError);
    expect((caught as AggregateError).errors).toEqual([e2, e1]);
  });

  test('stores nest: disposing the outer one disposes the inner one', () => {
    const { calls, item } = recorder();
    const outer = new DisposableStore();
    const inner = outer.add(new DisposableStore());
    inner.add(item('inner-a'));
    inner.add(item('inner-b'));
    outer.add(item('outer'));
    outer.dispose();
    expect(calls).toEqual(['outer', 'inner-b', 'inner-a']);
    expect(inner.isDisposed).toBe(true);
  });
});
