// Service contracts (plugins/<id>/contracts.ts): providers are typed by what they publish and
// consumers by the provider's contract, so `npm run typecheck` stops a provider that drifts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import type { ServiceToken } from '@workbench/plugin-api';
import type { FulfillmentServices } from '../plugins/fulfillment/contracts.js';
import type * as csScriptsTokens from '../plugins/cs-scripts/server/tokens.js';
import type * as fulfillmentTokens from '../plugins/fulfillment/server/tokens.js';
import type { ListingsServices } from '../plugins/listings/contracts.js';
import type * as listingsTokens from '../plugins/listings/server/tokens.js';
import type { ProcurementServices } from '../plugins/procurement/contracts.js';
import type * as procurementCompetitors from '../plugins/procurement/server/competitors/competitor-routes.js';
import type * as procurementTokens from '../plugins/procurement/server/tokens.js';
import type { StaffRulesServices } from '../plugins/staff-rules/contracts.js';
import type * as staffService from '../plugins/staff-rules/server/staff/staff-service.js';
import { ROOT } from './helpers/server.js';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

test("each side's tokens carry the provider's published types, not a copy", () => {
  // Compile-time: a consumer token typed by a hand-written shape makes one of these `false`.
  const same: [
    Same<typeof listingsTokens.OrdersToken, ServiceToken<FulfillmentServices['orders']>>,
    Same<typeof listingsTokens.InventoryToken, ServiceToken<FulfillmentServices['inventory']>>,
    Same<typeof fulfillmentTokens.CatalogToken, ServiceToken<ListingsServices['catalog']>>,
    Same<typeof fulfillmentTokens.PricingToken, ServiceToken<ListingsServices['pricing']>>,
    Same<typeof fulfillmentTokens.OrdersToken, ServiceToken<FulfillmentServices['orders']>>,
    Same<typeof listingsTokens.CatalogToken, ServiceToken<ListingsServices['catalog']>>,
    Same<typeof procurementTokens.CatalogToken, ServiceToken<ListingsServices['catalog']>>,
    Same<typeof procurementTokens.OrdersToken, ServiceToken<FulfillmentServices['orders']>>,
    Same<typeof procurementTokens.InventoryToken, ServiceToken<FulfillmentServices['inventory']>>,
    Same<typeof procurementCompetitors.CompetitorPricesToken, ServiceToken<ProcurementServices['competitor-prices']>>,
    Same<typeof listingsTokens.CompetitorPricesToken, ServiceToken<ProcurementServices['competitor-prices']>>,
    Same<typeof staffService.StaffToken, ServiceToken<StaffRulesServices['staff']>>,
    Same<typeof csScriptsTokens.OrdersToken, ServiceToken<FulfillmentServices['orders']>>,
    Same<typeof csScriptsTokens.CatalogToken, ServiceToken<ListingsServices['catalog']>>,
    Same<typeof csScriptsTokens.PricingToken, ServiceToken<ListingsServices['pricing']>>,
    Same<typeof csScriptsTokens.StaffToken, ServiceToken<StaffRulesServices['staff']>>,
  ] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];
  expect(same.every(Boolean)).toBe(true);
});

test("a contract names exactly the services its manifest provides", () => {
  const provides = (id: string) => (parse(readFileSync(join(ROOT, 'plugins', id, 'plugin.yaml'), 'utf8')) as { provides: string[] }).provides;
  type Published = keyof FulfillmentServices | keyof ListingsServices | keyof ProcurementServices | keyof StaffRulesServices;
  const published: Record<string, Published[]> = {
    fulfillment: ['orders', 'inventory'] satisfies (keyof FulfillmentServices)[],
    listings: ['catalog', 'pricing'] satisfies (keyof ListingsServices)[],
    procurement: ['competitor-prices'] satisfies (keyof ProcurementServices)[],
    'staff-rules': ['staff'] satisfies (keyof StaffRulesServices)[],
  };
  // And no more: each map's keys are all listed above.
  const all: Record<Published, true> = { orders: true, inventory: true, catalog: true, pricing: true, 'competitor-prices': true, staff: true };
  expect(Object.keys(all).sort()).toEqual(Object.values(published).flat().sort());
  for (const id of Object.keys(published)) expect(provides(id).sort(), id).toEqual([...published[id]!].sort());
});

test('a provider whose implementation drops a published method fails the type check, naming it', () => {
  // fulfillment's inventory service with `movements` taken out, checked as `npm run typecheck` would
  // (which passes on the file as it is).
  const file = join(ROOT, 'plugins', 'fulfillment', 'server', 'warehouse', 'inventory-service.ts');
  const source = readFileSync(file, 'utf8');
  const broken = source.replace(/^\s*movements: .*$/m, '');
  expect(broken).not.toBe(source);
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  // Server code: the DOM's types are left out, which keeps this check to a few seconds.
  const options = { ...config.options, lib: ['lib.es2023.d.ts'] };
  const host = ts.createCompilerHost(options);
  const getSource = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) => (name === file ? ts.createSourceFile(name, broken, language) : getSource(name, language, ...rest));
  const program = ts.createProgram({ rootNames: [file], options, host });
  const problems = program.getSemanticDiagnostics(program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  expect(problems.join('\n')).toMatch(/Property 'movements' is missing .* 'InventoryService'/);
}, 60_000);
