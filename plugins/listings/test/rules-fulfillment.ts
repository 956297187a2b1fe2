// A stand-in for fulfillment written to a temporary folder for the rules-*.test.ts files: stock kept
// in memory behind the `inventory` service, `fulfillment.stock.changed` with any payload, SKUs it can
// forget, and a record of every listings event it hears.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const YAML = `id: fulfillment
version: 0.0.1
engine: ^1.0.0
name: { zh-CN: 订单与仓储（规则测试用）, en: Fulfillment (rules test stand-in) }
requires: [listings]
provides: [inventory]
permissions:
  - { id: fulfillment.stock.edit, name: { zh-CN: 修改库存, en: Change stock } }
`;

const TS = `import { serviceToken, type PluginContext } from '@workbench/plugin-api';
const stock = new Map<number, number>();
const heard: { name: string; payload: unknown }[] = [];
const HEARD = ['listings.sku.low-stock', 'listings.product.listed', 'listings.product.delisted', 'listings.campaign.started', 'listings.campaign.ended'];
export function activate(ctx: PluginContext): void {
  ctx.services.provide(serviceToken<{ available(ids: number[]): Promise<Map<number, number>> }>('inventory'), {
    available: async (ids) => new Map(ids.filter((id) => stock.has(id)).map((id) => [id, stock.get(id)!])),
  });
  for (const name of HEARD) ctx.events.on(name, async (payload) => { heard.push({ name, payload }); });
  ctx.routes.add<Record<string, string>, Record<string, unknown>, { levels: { skuId: number; stock: number | null }[]; payload?: unknown }>({
    method: 'put', path: '/stock', permission: 'fulfillment.stock.edit', summary: { 'zh-CN': '设置库存', en: 'Set stock' },
    body: { type: 'object' },
    handler: ({ body }) => ctx.db.transaction(async () => {
      const before = new Map(stock);
      for (const { skuId, stock: qty } of body.levels) { if (qty === null) stock.delete(skuId); else stock.set(skuId, qty); }
      try {
        await ctx.events.emit('fulfillment.stock.changed', 'payload' in body ? body.payload : { skuIds: body.levels.map((l) => l.skuId) });
      } catch (error) {
        stock.clear();
        for (const [k, v] of before) stock.set(k, v);
        throw error;
      }
      return { updated: body.levels.length };
    }),
  });
  ctx.routes.add<Record<string, string>, { name?: string }>({
    method: 'get', path: '/heard', permission: 'fulfillment.stock.edit', summary: { 'zh-CN': '收到的事件', en: 'Events heard' },
    query: { type: 'object', properties: { name: { type: 'string' } } },
    handler: ({ query }) => ({ items: heard.filter((h) => !query.name || h.name === query.name) }),
  });
}
`;

/** Writes the stand-in; answers its plugins folder and a function that removes it. */
export async function writeFulfillment(): Promise<{ folder: string; remove: () => Promise<void> }> {
  const folder = await mkdtemp(join(tmpdir(), 'listings-rules-'));
  await mkdir(join(folder, 'fulfillment', 'server'), { recursive: true });
  await writeFile(join(folder, 'fulfillment', 'plugin.yaml'), YAML);
  await writeFile(join(folder, 'fulfillment', 'server', 'index.ts'), TS);
  return { folder, remove: () => rm(folder, { recursive: true, force: true }) };
}
