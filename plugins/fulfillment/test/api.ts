// Shared by the fulfillment API tests: a real workbench running listings and fulfillment, and
// builders for products, stock and orders through the HTTP API.
import { Client, setupOwner, staffClient } from '../../../test/helpers/client.js';
import { startInProcess } from '../../../test/helpers/in-process.js';
import { startServer, type TestServer } from '../../../test/helpers/server.js';

export { staffClient, type Client, type TestServer };

export interface FulfillmentServer {
  server: TestServer;
  owner: Client;
  /** One request as it comes, unread (bytes of an export), to the server or the in-process host. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

/** Starts the built workbench with listings and fulfillment (plus `enabled`/`folders`) and an owner. */
export async function startFulfillment(options: { enabled?: string[]; folders?: string[]; settings?: Record<string, unknown>; inProcess?: boolean; listen?: boolean } = {}): Promise<FulfillmentServer> {
  // inProcess: the plugin test kit instead of a process (cheap hashes); listen: on a port of
  // 127.0.0.1 as well, for a browser.
  if (options.inProcess) {
    const { server, owner, host } = await startInProcess({
      // These tests were written against a running clock (fromNow, Date.now()).
      clock: 'system',
      plugins: options.folders ?? [],
      enabled: options.enabled ?? ['listings', 'fulfillment'],
      ...(options.settings ? { settings: { fulfillment: options.settings } } : {}),
      ...(options.listen ? { listen: true } : {}),
    });
    // An in-process Request carries no Host header by itself; the host check wants one.
    const send = (path: string, init: RequestInit = {}) => host.request(path, { ...init, headers: { host: new URL(server.url).host, ...(init.headers as Record<string, string>) } });
    return { server, owner, fetch: send };
  }
  const server = await startServer({
    config: {
      plugins: { folders: options.folders ?? [], enabled: options.enabled ?? ['listings', 'fulfillment'] },
      ...(options.settings ? { settings: { fulfillment: options.settings } } : {}),
    },
  });
  const owner = await setupOwner(server);
  return { server, owner, fetch: (path, init) => fetch(server.url + path, init) };
}

let seq = 0;
/** A unique suffix, so tests in one file never collide on codes or order numbers. */
export const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();

export interface TestSku {
  id: number;
  code: string;
  barcode: string;
  price: number;
}

/** A product in listings with `count` SKUs (尺码 S, M, L …), each with a barcode; price 99 元. */
export async function createSkus(owner: Client, count = 2, prefix = 'F'): Promise<TestSku[]> {
  const code = unique(prefix);
  const sizes = ['S', 'M', 'L', 'XL', 'XXL', '3XL', '4XL', '5XL'];
  const reply = await owner.post('/api/listings/products', {
    title: '测试卫衣 加绒连帽',
    itemCode: code,
    skus: Array.from({ length: count }, (_, i) => ({
      code: `${code}-${sizes[i] ?? i}`,
      barcode: `69${String(Date.now()).slice(-8)}${String(seq++).padStart(3, '0')}`,
      attributes: { 尺码: sizes[i] ?? String(i) },
      price: 9900,
      cost: 3500,
    })),
  });
  if (reply.status !== 201) throw new Error(`could not create a product: ${reply.status} ${reply.text}`);
  return (reply.body.skus as TestSku[]).map((s) => ({ id: s.id, code: s.code, barcode: s.barcode, price: s.price }));
}

/**
 * A shop in this process with one product of `count` SKUs (codes from `prefix`), each with `qty`
 * on a pick location of aisle `aisle` (`<aisle>-01-01-01`, `-02` …).
 */
export async function stockedShop(count: number, prefix: string, aisle: string, qty: number): Promise<FulfillmentServer & { skus: TestSku[] }> {
  const shop = await startFulfillment({ inProcess: true });
  const skus = await createSkus(shop.owner, count, prefix);
  for (const [i, sku] of skus.entries()) await stockUp(shop.owner, sku, `${aisle}-01-01-${String(i + 1).padStart(2, '0')}`, qty);
  return { ...shop, skus };
}

/** A location (created if new) holding `qty` of the SKU, through an inbound note. */
export async function stockUp(owner: Client, sku: { code: string }, location: string, qty: number, kind: 'pick' | 'storage' = 'pick'): Promise<void> {
  const existing = await owner.get(`/api/fulfillment/locations?q=${encodeURIComponent(location)}`);
  if (!existing.body?.items?.some((l: { code: string }) => l.code === location)) {
    const made = await owner.post('/api/fulfillment/locations', { code: location, kind });
    if (made.status !== 201) throw new Error(`could not create location ${location}: ${made.status} ${made.text}`);
  }
  const inbound = await owner.post('/api/fulfillment/inbound', { reference: unique('IN'), lines: [{ skuCode: sku.code, received: qty, passed: qty, failed: 0, location }] });
  if (inbound.status !== 201) throw new Error(`could not stock ${sku.code} at ${location}: ${inbound.status} ${inbound.text}`);
}

/** A paid order entered by hand for these SKUs (one piece each unless `qty`). */
export async function enterOrder(owner: Client, lines: { sku: { code: string }; qty?: number }[], body: Record<string, unknown> = {}) {
  const reply = await owner.post('/api/fulfillment/orders', {
    buyerNick: 'tb_小鱼儿',
    buyerAccount: 'xiaoyu@example.com',
    receiverName: '林小鱼',
    receiverPhone: '13812341234',
    receiverAddress: '浙江省杭州市西湖区文三路 100 号 3 幢 502',
    postCode: '310012',
    shippingFee: 0,
    paid: true,
    items: lines.map((l) => ({ skuCode: l.sku.code, quantity: l.qty ?? 1 })),
    ...body,
  });
  if (reply.status !== 201) throw new Error(`could not enter an order: ${reply.status} ${reply.text}`);
  return reply.body as { id: number; orderNo: string; version: number; status: string } & Record<string, any>;
}

/** Approves an order through review (its rules must pass). */
export async function approve(owner: Client, order: { id: number }) {
  const current = await owner.get(`/api/fulfillment/orders/${order.id}`);
  const reply = await owner.post(`/api/fulfillment/orders/${order.id}/approve`, { version: current.body.version });
  if (reply.status !== 200) throw new Error(`could not approve order ${order.id}: ${reply.status} ${reply.text}`);
  return reply.body as { id: number; version: number; status: string } & Record<string, any>;
}

/** An approved order of these lines, to a buyer of its own so that review sees no order to merge with. */
export async function approvedOrder(owner: Client, lines: { sku: { code: string }; qty?: number }[], body: Record<string, unknown> = {}) {
  const order = await enterOrder(owner, lines, { buyerNick: unique('tb_'), ...body });
  await approve(owner, order);
  return order;
}

/** A wave of these approved orders, as POST /waves answers it. */
export async function makeWave(owner: Client, orderIds: number[]) {
  const reply = await owner.post('/api/fulfillment/waves', { orderIds });
  if (reply.status !== 201) throw new Error(`could not make a wave of ${orderIds.join(', ')}: ${reply.status} ${reply.text}`);
  return reply.body as { id: number; waveNo: string; version: number } & Record<string, any>;
}

/** These approved orders in one wave, marked picked; answers the wave's id. */
export async function pickedWave(owner: Client, orderIds: number[]): Promise<number> {
  const wave = await makeWave(owner, orderIds);
  const picked = await owner.post(`/api/fulfillment/waves/${wave.id}/picked`, { version: wave.version });
  if (picked.status !== 200) throw new Error(`could not pick wave ${wave.waveNo}: ${picked.status} ${picked.text}`);
  return wave.id;
}

let shelf = 0;
/** A new bin of `zone` on a shelf of its own each call, so the bins of a file's tests never collide. */
export const newBin = (zone: string) => `${zone}-${String(++shelf).padStart(2, '0')}-01-01`;

/** Saves `value` as the whole fulfillment settings value, runs `fn`, and always puts the defaults back. */
export async function withSettings(owner: Client, value: Record<string, unknown>, fn: () => Promise<void>): Promise<void> {
  const current = await owner.get('/api/settings/fulfillment');
  const saved = await owner.put('/api/settings/fulfillment', { value, version: current.body.version });
  if (saved.status !== 200) throw new Error(`could not save settings: ${saved.status} ${saved.text}`);
  try {
    await fn();
  } finally {
    const now = await owner.get('/api/settings/fulfillment');
    const reset = await owner.put('/api/settings/fulfillment', { value: {}, version: now.body.version });
    if (reset.status !== 200) throw new Error(`could not put the default settings back: ${reset.status} ${reset.text}`);
  }
}

/**
 * A colleague of the owner, logged in, holding exactly `permissions` through a role of their own
 * (e.g. a packer without fulfillment.customer.read).
 */
export async function colleague(server: TestServer, owner: Client, username: string, permissions: string[]): Promise<Client> {
  const role = await owner.post('/api/roles', { id: `${username}-role`, name: { 'zh-CN': `${username} 的岗位`, en: `${username}'s post` }, permissions });
  if (role.status !== 201) throw new Error(`could not create a role for ${username}: ${role.status} ${role.text}`);
  return staffClient(server, owner, username, [`${username}-role`]);
}

export interface ImportOutcome<R> {
  /** The upload's status: 202 when the run started. */
  status: number;
  /** The run's server-sent events in order: `progress` …, then `done` or `failed`. */
  events: { event: string; data: any }[];
  /** `done`'s result. */
  result?: R;
  /** `failed`'s problem, or the upload's own problem when it was refused. */
  problem?: any;
}

/**
 * Uploads files (field `file`, once per file) to an importer of fulfillment and reads its run to
 * the end; `headers` go with the upload (e.g. `accept-language`).
 */
export async function runImport<R = any>(server: TestServer, client: Client, importer: string, files: { name: string; bytes: Uint8Array | string }[], headers: Record<string, string> = {}): Promise<ImportOutcome<R>> {
  const form = new FormData();
  for (const f of files) form.append('file', new Blob([f.bytes as BlobPart], { type: 'text/csv' }), f.name);
  const started = await client.post(`/api/fulfillment/importers/${importer}`, form, headers);
  if (started.status !== 202) return { status: started.status, events: [], problem: started.body };
  // A client of its own: the stream is read with the session alone, as a browser's EventSource would.
  const reader = new Client(server.url);
  reader.cookie = client.cookie;
  const stream = await reader.get(started.body.events, { accept: 'text/event-stream' });
  const events = stream.text
    .split(/\r?\n\r?\n/)
    .filter((block) => block.trim())
    .map((block) => {
      const lines = block.split(/\r?\n/);
      const event = lines.find((l) => l.startsWith('event:'))?.slice(6).trim() ?? 'message';
      const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5)).join('\n');
      return { event, data: data ? JSON.parse(data) : null };
    });
  const last = events.at(-1);
  return { status: 202, events, result: last?.event === 'done' ? last.data.result : undefined, problem: last?.event === 'failed' ? last.data.problem : undefined };
}
