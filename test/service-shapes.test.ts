// Consumers write down the shape of the services they use (docs/architecture.md, decision 18);
// these assignments stop `npm run typecheck` when a provider's service no longer offers what a
// consumer relies on. Types only: no plugin code runs here.
import { expect, test } from 'vitest';
import type { CatalogView, InventoryService, OrdersService } from '../plugins/fulfillment/server/types.js';
import type { CatalogService, InventoryView, OrdersView } from '../plugins/listings/server/types.js';

type Provides<Provider, Consumer> = Provider extends Consumer ? true : false;

test("fulfillment's orders and inventory offer what listings uses; listings' catalog what fulfillment uses", () => {
  const checks: [Provides<OrdersService, OrdersView>, Provides<InventoryService, InventoryView>, Provides<CatalogService, CatalogView>] = [true, true, true];
  expect(checks).toEqual([true, true, true]);
});
