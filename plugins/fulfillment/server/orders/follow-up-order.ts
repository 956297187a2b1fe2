import { InputError, type Actor, type PluginContext, type Transaction } from '@workbench/plugin-api';
import { fulfillmentSettings } from '../settings.js';
import { stepBy } from '../shared/actor.js';
import { CatalogToken } from '../tokens.js';
import type { FollowUpOrder, FollowUpRequest } from '../types.js';
import { announce, readNews } from './order-news.js';
import { recordHistory } from './order-moves.js';
import { mayReadCustomer, type OrderRow } from './order-record.js';
import { orderMissing, orderStore } from './order-store.js';
import { resolveLines, type LineInput } from './order-lines.js';
import { priorityOf } from './priority.js';

/** The suffix of a follow-up's number: 换货 HH, 补发 BF, then the how-manieth of that kind for the origin. */
const SUFFIX: Record<FollowUpRequest['kind'], string> = { exchange: 'HH', reship: 'BF' };

const noSku = (index: number, skuId: number) => new InputError(
  { 'zh-CN': `第 ${index + 1} 行的商品（SKU ${skuId}）在商品资料里找不到`, en: `The SKU of line ${index + 1} (${skuId}) is not in the catalog` },
  { errors: [{ path: `/items/${index}/skuId`, in: 'body', message: String(skuId) }] },
);
const noLines = () => new InputError(
  { 'zh-CN': '请写明要发出的商品和件数', en: 'Say which goods to send and how many' },
  { errors: [{ path: '/items', in: 'body', message: 'at least one' }] },
);

/** Each line's 商家编码: given, or read from listings by SKU id. */
async function codesOf(ctx: PluginContext, items: FollowUpRequest['items']): Promise<LineInput[]> {
  const catalog = ctx.services.get(CatalogToken);
  const lines: LineInput[] = [];
  for (const [i, item] of items.entries()) {
    if (!Number.isInteger(item.quantity) || item.quantity < 1) {
      throw new InputError({ 'zh-CN': `第 ${i + 1} 行的件数要是正整数`, en: `Line ${i + 1} needs a whole number of pieces, at least 1` }, { errors: [{ path: `/items/${i}/quantity`, in: 'body', message: '≥ 1' }] });
    }
    const code = item.skuCode?.trim() || (item.skuId !== undefined ? (await catalog.skuById(item.skuId))?.code : undefined);
    if (!code) throw item.skuId !== undefined ? noSku(i, item.skuId) : noLines();
    lines.push({ skuCode: code, quantity: item.quantity });
  }
  return lines;
}

/** `<orig>-HH1`, `-HH2`, … the first number of this kind not yet taken. */
async function followUpNo(tx: Transaction, origin: string, kind: FollowUpRequest['kind']): Promise<string> {
  const taken = await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM fulfillment_orders WHERE origin_order_no = ? AND follow_up = ?', [origin, kind]);
  for (let seq = (taken?.n ?? 0) + 1; ; seq++) {
    const no = `${origin}-${SUFFIX[kind]}${seq}`;
    if (!(await tx.get('SELECT 1 FROM fulfillment_orders WHERE order_no = ?', [no]))) return no;
  }
}

/**
 * The order after-sales sends for a case: to the original order's buyer and address, the goods
 * at no charge (the case settles any price difference), waiting for review like any new order.
 * Its history names the case and who asked.
 */
export async function createFollowUp(ctx: PluginContext, request: FollowUpRequest, actor: Actor | undefined): Promise<FollowUpOrder> {
  if (request.items.length === 0) throw noLines();
  const resolved = await resolveLines(ctx, await codesOf(ctx, request.items));
  const settings = fulfillmentSettings(ctx);
  const by = stepBy(actor);
  return ctx.db.transaction(async (tx) => {
    const origin = await tx.get<OrderRow>('SELECT * FROM fulfillment_orders WHERE order_no = ?', [request.originOrderNo.trim()]);
    if (!origin) throw orderMissing(request.originOrderNo.trim());
    const now = ctx.now();
    const orderNo = await followUpNo(tx, origin.order_no, request.kind);
    const priority = priorityOf(settings, { task: false, shippingMethod: origin.shipping_method, buyerMessage: '', sellerRemark: '', courierRequested: null, hasRemarks: false });
    const itemCount = resolved.reduce((n, l) => n + l.quantity, 0);
    const { lastId } = await tx.run(
      `INSERT INTO fulfillment_orders (order_no, source, shop_name, buyer_nick, buyer_account, platform_status, status, receiver_name, receiver_phone,
         receiver_address, receiver_region, post_code, shipping_method, item_count, priority, merge_key, placed_at, created_at, updated_at,
         follow_up, origin_order_no, case_ref)
       VALUES (?, 'manual', ?, ?, ?, 'paid', 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        orderNo, origin.shop_name, origin.buyer_nick, origin.buyer_account, origin.receiver_name, origin.receiver_phone,
        origin.receiver_address, origin.receiver_region, origin.post_code, origin.shipping_method, itemCount, priority, origin.merge_key, now, now, now,
        request.kind, origin.order_no, request.caseRef,
      ],
    );
    // Sent at no charge: the lines at 0 keep sales figures from counting the goods twice.
    for (const [i, l] of resolved.entries()) {
      await tx.run(
        'INSERT INTO fulfillment_order_items (order_id, line_key, sku_id, sku_code, title, properties, quantity, price) VALUES (?, ?, ?, ?, ?, ?, ?, 0)',
        [lastId, String(i + 1), l.skuId, l.skuCode, l.title, l.properties, l.quantity],
      );
    }
    await recordHistory(tx, lastId, {
      action: 'create', by, at: now, to: 'pending',
      detail: { source: 'follow-up', orderNo, kind: request.kind, originOrderNo: origin.order_no, caseRef: request.caseRef, ...(request.note?.trim() ? { note: request.note.trim() } : {}) },
    });
    await announce(ctx, 'fulfillment.order.created', await readNews(tx, [lastId]));
    return {
      order: await orderStore(tx).detail(lastId, mayReadCustomer(actor)),
      lines: resolved.map((l) => ({ skuId: l.skuId, skuCode: l.skuCode, quantity: l.quantity, listPrice: l.price })),
    };
  });
}
