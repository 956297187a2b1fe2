// Which supplier's offer a suggestion takes, where offers tie or do not count: the cheapest valid
// one, at one price the shorter lead time, then the supplier added first; an expired price or an
// ended supplier's never. The offers are chosen in JavaScript from one JSON row (decision 70), so
// each rule of the old SQL ranking is pinned here.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestHost } from '@workbench/plugin-api/testing';
import { createSkus, createSupplier, startProcurement, type TestSku } from './helpers/host.js';

let host: TestHost;
let skus: TestSku[];
const ids: Record<string, number> = {};

beforeAll(async () => {
  host = await startProcurement({ fulfillment: true });
  skus = await createSkus(host.owner, ['A', 'B', 'C', 'D', 'E']);
  const [a, b, c, d] = skus.map((s) => s.code);
  const today = host.clock.now().slice(0, 10);
  ids.slow = (await createSupplier(host.owner, { leadTimeDays: 5 }, [{ skuCode: a, price: 4000 }, { skuCode: c, price: 6000, minQuantity: 4, validUntil: today }])).id;
  ids.fast = (await createSupplier(host.owner, { leadTimeDays: 3 }, [{ skuCode: a, price: 4000, minQuantity: 8 }])).id;
  ids.first = (await createSupplier(host.owner, { leadTimeDays: 4 }, [{ skuCode: b, price: 5000, minQuantity: 6 }])).id;
  ids.second = (await createSupplier(host.owner, { leadTimeDays: 4 }, [{ skuCode: b, price: 5000 }])).id;
  ids.expired = (await createSupplier(host.owner, { leadTimeDays: 1 }, [{ skuCode: c, price: 50, validUntil: '2020-01-01' }])).id;
  const ended = await createSupplier(host.owner, { leadTimeDays: 2 }, [{ skuCode: c, price: 100 }, { skuCode: d, price: 100 }]);
  for (let i = 0; i < 5; i++) await host.owner.post(`/api/procurement/suppliers/${ended.id}/breaches`, { kind: 'quality-failure' });
  expect((await host.owner.get(`/api/procurement/suppliers/${ended.id}`)).body.standing).toBe('ended');
});
afterAll(() => host?.close());

test('ties go to the shorter lead time, then the supplier added first; expired prices and ended suppliers do not count', async () => {
  const reply = await host.owner.get('/api/procurement/suggestions?all=true');
  expect(reply.status, reply.text).toBe(200);
  const chosen = Object.fromEntries(
    (reply.body.items as { skuCode: string; supplier: { id: number } | null; price: number | null; leadTimeDays: number; minQuantity: number }[])
      .filter((s) => skus.some((k) => k.code === s.skuCode))
      .map((s) => [s.skuCode.slice(-1), [s.supplier?.id ?? null, s.price, s.leadTimeDays, s.minQuantity]]),
  );
  expect(chosen).toEqual({
    A: [ids.fast, 4000, 3, 8],
    B: [ids.first, 5000, 4, 6],
    // Valid through today; the cheaper ones expired or ended.
    C: [ids.slow, 6000, 5, 4],
    // Only an ended supplier offers it: no offer, the default lead time.
    D: [null, null, 7, 1],
    E: [null, null, 7, 1],
  });
});
