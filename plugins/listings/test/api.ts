// Shared by the listings API tests: a real workbench with only this plugin, and a few builders.
import { setupOwner, staffClient, type Client } from '../../../test/helpers/client.js';
import { startServer, type TestServer } from '../../../test/helpers/server.js';

export { Client, staffClient, type TestServer };

export interface ListingsServer {
  server: TestServer;
  owner: Client;
}

/** Starts the built workbench with only `listings` (plus `plugins`/`folders` given) and an owner. */
export async function startListings(options: { enabled?: string[]; folders?: string[]; settings?: Record<string, unknown> } = {}): Promise<ListingsServer> {
  const server = await startServer({
    config: {
      plugins: { folders: options.folders ?? [], enabled: options.enabled ?? ['listings'] },
      ...(options.settings ? { settings: { listings: options.settings } } : {}),
    },
  });
  const owner = await setupOwner(server);
  return { server, owner };
}

let seq = 0;
/** A unique suffix, so tests in one file never collide on 货号 or 商家编码. */
export const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();

/** A product with two SKUs (黑色/白色, price 129 元, cost 45 元) unless `body` says otherwise. */
export async function createProduct(owner: Client, body: Record<string, unknown> = {}) {
  const code = unique('T');
  const reply = await owner.post('/api/listings/products', {
    title: '纯棉圆领短袖T恤 夏季新款',
    itemCode: code,
    attributes: { 面料: '纯棉' },
    skus: [
      { code: `${code}-BK-M`, attributes: { 颜色: '黑色', 尺码: 'M' }, price: 12900, cost: 4500 },
      { code: `${code}-WH-M`, attributes: { 颜色: '白色', 尺码: 'M' }, price: 12900, cost: 4500 },
    ],
    ...body,
  });
  if (reply.status !== 201) throw new Error(`could not create a product: ${reply.status} ${reply.text}`);
  return reply.body as { id: number; version: number; status: string; skus: { id: number; code: string; price: number; cost: number; version: number }[] } & Record<string, any>;
}
