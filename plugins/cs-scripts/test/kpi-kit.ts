// Shared by the KPI API tests (here and in staff-rules): the small chat log, its import, and
// orders sold by an agent through fulfillment's own routes.
import { expect } from 'vitest';
import type { TestClient, TestHost } from '@workbench/plugin-api/testing';
import { createSkus, enterOrder, type Client, type TestSku } from '../../../test/helpers/shop-fixtures.js';

export const A = '/api/cs-scripts';

/** The small log: two agents, an advert, 小丽 never answered, 老王 back about a parcel he paid for on the 28th. */
export const SMALL_LOG = [
  '时间,买家,客服,方向,内容',
  '2026-10-30 10:00:00,小明,1,in,在吗？这件有M码吗',
  '2026-10-30 10:00:10,小明,1,in,黑色的',
  '2026-10-30 10:00:30,小明,1,out,亲，在的，黑色M码有货',
  '2026-10-30 10:02:00,小明,1,in,包邮吗',
  '2026-10-30 10:02:50,小明,1,out,包邮的亲',
  '2026-10-30 11:00:00,广告哥,1,in,兼职刷单日结，加微信 abc123',
  '2026-10-30 12:00:00,小丽,1号客服,in,能便宜点吗',
  '2026-10-30 14:00:00,老王,2,in,我的快递到哪了',
  '2026-10-30 14:01:40,老王,2,out,帮您查一下',
  '2026-10-30 14:30:00,阿花,2,in,有优惠券吗',
  '2026-10-30 14:30:20,阿花,2,out,有的，满200减20',
  '2026-10-30 14:31:00,阿花,2,out,还有别的问题吗',
].join('\r\n');

const asClient = (c: TestClient) => c as unknown as Client;

/** Runs an import of a chat log as `client` and answers the importer's report. */
export const importChat = (client: TestClient, bytes: Uint8Array, headers: Record<string, string> = {}) =>
  client.runImport(`${A}/importers/chat-log`, { name: '聊天记录.csv', bytes }, headers);

/** A paid order (one piece, 99 元) for `buyer` at the test clock's time, remarked by `agent`. */
export async function soldBy(h: TestHost, items: TestSku[], buyer: string, agent: string) {
  const order = await enterOrder(asClient(h.owner), [{ sku: items[0]! }], { buyerNick: buyer });
  const remark = await h.owner.post(`/api/fulfillment/orders/${order.id}/remarks`, { text: `${agent}+申通+客服成交` });
  expect(remark.status, remark.text).toBe(201);
  return order;
}


export const skusFor = (h: TestHost) => createSkus(asClient(h.owner), 1, 'CS');
