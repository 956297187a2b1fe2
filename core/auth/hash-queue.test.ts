import { expect, test } from 'vitest';
import { HashQueue } from './hash-queue.js';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

test('runs at most `concurrency` at once, the rest in order, and is full only when the line is', async () => {
  const queue = new HashQueue(2, 2);
  const gates = Array.from({ length: 4 }, gate);
  let active = 0;
  let most = 0;
  const order: number[] = [];
  const runs = gates.map((g, i) =>
    queue.run(async () => {
      active++;
      most = Math.max(most, active);
      order.push(i);
      await g.opened;
      active--;
      return i;
    }),
  );
  await Promise.resolve();
  expect(order).toEqual([0, 1]);
  expect(queue.full).toBe(true);
  gates[1]!.open();
  await runs[1];
  await new Promise((resolve) => setImmediate(resolve));
  expect(order).toEqual([0, 1, 2]);
  expect(queue.full).toBe(false);
  for (const g of gates) g.open();
  expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
  expect(most).toBe(2);
});

test('a failing hash frees its slot', async () => {
  const queue = new HashQueue(1, 0);
  await expect(queue.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  expect(queue.full).toBe(false);
  expect(await queue.run(() => Promise.resolve('next'))).toBe('next');
});
