import { describe, expect, test } from 'vitest';
import { Turns } from './turns.js';

describe('Turns', () => {
  test('a pause within the slice lets nothing else run', async () => {
    const turns = new Turns(60_000);
    let ran = false;
    setImmediate(() => (ran = true));
    await turns.pause();
    expect(turns.due).toBe(false);
    expect(ran).toBe(false);
  });

  test('once the slice has run its time, a pause lets a waiting callback run and starts a new slice', async () => {
    const turns = new Turns(5);
    const until = performance.now() + 6;
    while (performance.now() < until);
    expect(turns.due).toBe(true);
    let ran = false;
    setImmediate(() => (ran = true));
    await turns.pause();
    expect(ran).toBe(true);
  });
});
