import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LatestSearch, moveActive, type ComboboxOption } from './combobox-search.js';

const option = (value: string): ComboboxOption => ({ value, label: value });

describe('LatestSearch', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks once, 200 ms after the last keystroke, with the trimmed text', async () => {
    const answer = vi.fn();
    const search = vi.fn(async (text: string) => [option(text)]);
    const latest = new LatestSearch(answer, vi.fn());
    latest.type('W', search);
    latest.type('WJ', search);
    latest.type(' WJ-1 ', search);
    await vi.advanceTimersByTimeAsync(199);
    expect(search).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(search).toHaveBeenCalledTimes(1);
    expect(search).toHaveBeenCalledWith('WJ-1');
    expect(answer).toHaveBeenLastCalledWith([option('WJ-1')]);
  });

  it('drops a slow answer to older text that arrives after the answer to the newer one', async () => {
    const answer = vi.fn();
    const pending = new Map<string, (options: ComboboxOption[]) => void>();
    const search = (text: string) => new Promise<ComboboxOption[]>((resolve) => pending.set(text, resolve));
    const latest = new LatestSearch(answer, vi.fn());
    latest.type('围巾', search);
    await vi.advanceTimersByTimeAsync(200);
    latest.type('围巾 燕麦', search);
    await vi.advanceTimersByTimeAsync(200);
    pending.get('围巾 燕麦')!([option('WJ-OAT')]);
    await vi.advanceTimersByTimeAsync(0);
    pending.get('围巾')!([option('WJ-OAT'), option('WJ-GRY')]);
    await vi.advanceTimersByTimeAsync(0);
    expect(answer).toHaveBeenCalledTimes(1);
    expect(answer).toHaveBeenCalledWith([option('WJ-OAT')]);
  });

  it('clears the list at once for empty text or no search, and forgets a pending one', async () => {
    const answer = vi.fn();
    const search = vi.fn(async () => [option('x')]);
    const latest = new LatestSearch(answer, vi.fn());
    latest.type('x', search);
    latest.type('   ', search);
    expect(answer).toHaveBeenLastCalledWith([]);
    latest.type('x', undefined);
    await vi.advanceTimersByTimeAsync(500);
    expect(search).not.toHaveBeenCalled();
    expect(answer).toHaveBeenCalledTimes(2);
  });

  it('reports a failed search, unless newer text was typed meanwhile', async () => {
    const fail = vi.fn();
    let reject: (e: Error) => void = () => {};
    const latest = new LatestSearch(vi.fn(), fail);
    latest.type('a', () => new Promise((_, r) => (reject = r)));
    await vi.advanceTimersByTimeAsync(200);
    reject(new Error('offline'));
    await vi.advanceTimersByTimeAsync(0);
    expect(fail).toHaveBeenCalledWith(new Error('offline'));
    latest.type('b', () => new Promise((_, r) => (reject = r)));
    await vi.advanceTimersByTimeAsync(200);
    latest.cancel(); // chosen meanwhile
    reject(new Error('late'));
    await vi.advanceTimersByTimeAsync(0);
    expect(fail).toHaveBeenCalledTimes(1);
  });
});

describe('moveActive', () => {
  it('moves with the arrows within the list and ignores other keys', () => {
    expect(moveActive('ArrowDown', 0, 3)).toBe(1);
    expect(moveActive('ArrowDown', 2, 3)).toBe(2);
    expect(moveActive('ArrowUp', 0, 3)).toBe(0);
    expect(moveActive('ArrowUp', 2, 3)).toBe(1);
    expect(moveActive('Home', 2, 3)).toBeUndefined();
    expect(moveActive('ArrowDown', 0, 0)).toBeUndefined();
  });
});
