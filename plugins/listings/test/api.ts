// Shared by the listings API tests: a real workbench with only this plugin, and a few builders.
import { setupOwner, staffClient, type Client } from '../../../test/helpers/client.js';
import { startInProcess } from '../../../test/helpers/in-process.js';
import { startServer, type TestServer } from '../../../test/helpers/server.js';
import type { TestHostClock } from '@workbench/plugin-api/testing';

export { Client, staffClient, type TestServer };

export interface ListingsServer {
  server: TestServer;
  owner: Client;
  /** One request as `fetch` sends it (the raw answer: bytes, headers), in-process or over the network. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** With `clock: 'still'`: the kit's clock, moved only by the test (see `passTime`). */
  clock?: TestHostClock;
}

/** The time of the workbench this file started: its still clock when it has one, else the system's. */
let clockNow = () => Date.now();

/**
 * Starts the built workbench with only `listings` (plus `plugins`/`folders` given) and an owner;
 * with `inProcess`, the plugin test kit instead: no process and cheap password hashes, on the
 * system clock unless `clock: 'still'` asks for the kit's clock, which stands still until the test
 * moves it (`passTime`), so a test waits for no deadline. `listen` (with `inProcess`) also opens a
 * port of 127.0.0.1, for a browser.
 */
export async function startListings(
  options: { enabled?: string[]; folders?: string[]; settings?: Record<string, unknown>; inProcess?: boolean; listen?: boolean; clock?: 'system' | 'still' } = {},
): Promise<ListingsServer> {
  // Test files may share a worker (and this module): each start sets the clock afresh.
  clockNow = () => Date.now();
  if (options.inProcess) {
    const still = options.clock === 'still';
    const { server, owner, host } = await startInProcess({
      // Most of these tests were written against a running clock (fromNow, Date.now()).
      ...(still ? {} : { clock: 'system' }),
      plugins: options.folders ?? [],
      enabled: options.enabled ?? ['listings'],
      ...(options.settings ? { settings: { listings: options.settings } } : {}),
      // listen: on a port of 127.0.0.1 as well, for a browser.
      ...(options.listen ? { listen: true } : {}),
    });
    if (still) clockNow = () => Date.parse(host.clock.now());
    // A Request made here carries no Host header by itself; the host check wants one.
    const send = (path: string, init: RequestInit = {}) =>
      Promise.resolve(host.app.request(new Request(server.url + path, { ...init, headers: { host: new URL(server.url).host, ...Object.fromEntries(new Headers(init.headers)) } })));
    return { server, owner, fetch: send, ...(still ? { clock: host.clock } : {}) };
  }
  if (options.clock === 'still') throw new Error("clock: 'still' needs inProcess: a server process runs on the system clock");
  const server = await startServer({
    config: {
      plugins: { folders: options.folders ?? [], enabled: options.enabled ?? ['listings'] },
      ...(options.settings ? { settings: { listings: options.settings } } : {}),
    },
  });
  const owner = await setupOwner(server);
  return { server, owner, fetch: (path, init) => fetch(server.url + path, init) };
}

/**
 * Lets time pass until just after `instant`: the still clock moves there (running the jobs that
 * come due on the way); on the system clock the test waits for it.
 */
export async function passTime(ls: ListingsServer, instant: string): Promise<void> {
  const after = Date.parse(instant) + 50;
  if (ls.clock) {
    await ls.clock.set(new Date(after).toISOString());
    return;
  }
  const wait = after - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
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

/** An ISO instant `ms` from now; with DAY, e.g. `fromNow(10 * DAY)`. */
export const fromNow = (ms: number) => new Date(clockNow() + ms).toISOString();
export const DAY = 86_400_000;

/**
 * Puts a product through review: `submitter` submits it (with a reason, since a fresh product fails
 * some checklist rules) and `reviewer`, a different person, approves it. Answers the reviewed
 * product: 已上架, or still 待审核 when a listing time later than now is set.
 */
export async function submitAndApprove(submitter: Client, reviewer: Client, product: { id: number }) {
  const draft = await submitter.get(`/api/listings/products/${product.id}`);
  const submitted = await submitter.post(`/api/listings/products/${product.id}/submit`, { version: draft.body.version, reason: '测试商品，图片以后补' });
  if (submitted.status !== 200) throw new Error(`could not submit product ${product.id}: ${submitted.status} ${submitted.text}`);
  const approved = await reviewer.post(`/api/listings/products/${product.id}/review`, { version: submitted.body.version, decision: 'approve' });
  if (approved.status !== 200) throw new Error(`could not approve product ${product.id}: ${approved.status} ${approved.text}`);
  return approved.body as { id: number; version: number; status: string } & Record<string, any>;
}

/**
 * A colleague of the owner, logged in, holding exactly `permissions` through a role of their own:
 * the second person a review or a second price check needs.
 */
export async function colleague(server: TestServer, owner: Client, username: string, permissions: string[]): Promise<Client> {
  const role = await owner.post('/api/roles', { id: `${username}-role`, name: { 'zh-CN': `${username} 的岗位`, en: `${username}'s post` }, permissions });
  if (role.status !== 201) throw new Error(`could not create a role for ${username}: ${role.status} ${role.text}`);
  return staffClient(server, owner, username, [`${username}-role`]);
}

/** A second person who may review listings (nobody reviews their own submission); `extra` adds permissions. */
export function reviewerClient(server: TestServer, owner: Client, extra: string[] = [], username = 'laozhang'): Promise<Client> {
  return colleague(server, owner, username, ['listings.products.read', 'listings.products.review', ...extra]);
}
