import type { Actor, PluginContext } from '@workbench/plugin-api';
import type { OrderDetail } from '@workbench/contracts/fulfillment';
import type { FillValues } from '../../shared/fill-phrase.js';
import type { PlaceholderSource } from '../../shared/placeholders.js';
import { csSettings } from '../settings.js';
import { OrdersToken, StaffToken } from '../tokens.js';
import { quoteLine, type QuoteProblem } from './quote-line.js';

type Bilingual = { 'zh-CN': string; en: string };

/** What a phrase is filled from: an order by its number, a buyer, a SKU to quote. */
export interface FillRequest {
  orderNo?: string;
  buyer?: string;
  skuCode?: string;
}

const yuan = (fen: number) => `${(fen / 100).toFixed(2).replace(/\.00$/u, '')} 元`;

const ORDER_STATES: Record<string, string> = {
  pending: '已付款，等待审单', approved: '已审单，等待配货', exception: '有异常，客服在处理', fraud: '待核实',
  picked: '已配货，等待打包', verified: '已打包，等待发出', shipped: '已发货', closed: '已关闭',
};

/**
 * The values of every placeholder for one agent and request. Sources the phrase does not need are
 * not fetched (`needs`); a plugin that is off, or an order not found, becomes a reason instead.
 */
export async function fillValues(ctx: PluginContext, actor: Actor, request: FillRequest, needs: Set<PlaceholderSource>): Promise<FillValues> {
  const settings = csSettings(ctx);
  const fill: FillValues = { values: {}, unavailable: {} };
  const { values, unavailable } = fill;

  if (needs.has('agent')) {
    const member = await ctx.services.optional(StaffToken)?.byAccount(actor.id);
    // Without staff-rules (or a person not in its list), the account stands in for the person.
    values.agentNo = member?.code ?? actor.username;
    values.agent = member ? `${member.code}号客服` : actor.displayName;
    values.agentName = member?.name ?? actor.displayName;
  }

  let order: OrderDetail | undefined;
  const needsOrder = needs.has('order') || needs.has('shop') || (needs.has('buyer') && !request.buyer) || (needs.has('quote') && !request.skuCode);
  if (needsOrder) {
    const orders = ctx.services.optional(OrdersToken);
    const reason: Bilingual | undefined = !orders
      ? { 'zh-CN': '订单与仓储插件没开，查不到订单', en: 'fulfillment is off, so no order can be read' }
      : !request.orderNo?.trim()
        ? { 'zh-CN': '没有选订单', en: 'No order chosen' }
        : undefined;
    order = orders && !reason ? await orders.byOrderNo(request.orderNo!, { actor }) : undefined;
    const why = reason ?? (order ? undefined : { 'zh-CN': `找不到订单 ${request.orderNo!.trim()}`, en: `No order ${request.orderNo!.trim()}` });
    if (why) unavailable.order = why;
    if (order) await orderValues(ctx, order, fill);
  }

  const shop = settings.shopName.trim() || order?.shopName?.trim();
  if (shop) values.shop = shop;
  else unavailable.shop = { 'zh-CN': '设置里没填店铺名称', en: 'No shop name in the settings' };

  const buyer = request.buyer?.trim() || order?.buyerNick;
  if (buyer) values.buyer = buyer;
  else unavailable.buyer = unavailable.order ?? { 'zh-CN': '没有买家昵称', en: 'No buyer nickname' };

  if (needs.has('quote')) {
    const quote = await quoteLine(ctx, request.skuCode, order);
    if (typeof quote === 'string') values.quote = quote;
    else unavailable.quote = quoteReason(quote, unavailable.order);
  }

  values.sfExtra = yuan(settings.shipping.sfExtraFen);
  values.remoteExtra = yuan(settings.shipping.remoteExtraFen);
  values.remoteRegions = settings.shipping.remoteRegions.join('、');
  if (settings.shipping.remoteRegions.length === 0) unavailable.shipping = { 'zh-CN': '设置里没有偏远地区', en: 'No remote regions in the settings' };
  return fill;
}

function quoteReason(problem: QuoteProblem, orderReason: Bilingual | undefined): Bilingual {
  switch (problem.kind) {
    case 'off': return { 'zh-CN': '商品与价格插件没开，算不了活动价', en: 'listings is off, so no price can be worked out' };
    case 'no-sku': return orderReason ?? { 'zh-CN': '没有选商品', en: 'No item chosen' };
    case 'unknown-sku': return { 'zh-CN': `没有商家编码 ${problem.code}`, en: `No SKU ${problem.code}` };
  }
}

async function orderValues(ctx: PluginContext, order: OrderDetail, { values, unavailable }: FillValues): Promise<void> {
  values.orderNo = order.orderNo;
  values.items = order.items.filter((i) => !i.gift).map((i) => `${i.catalogName || i.title} ×${i.quantity}`).join('，');
  values.amount = yuan(order.paidAmount || order.total);
  values.orderState = ORDER_STATES[order.status] ?? order.status;
  if (order.trackingNo) values.trackingNo = order.trackingNo;
  else unavailable.trackingNo = { 'zh-CN': '还没有发货，没有运单号', en: 'Not shipped yet: no tracking number' };
  const choice = await ctx.services.optional(OrdersToken)?.courierChoice(order.id);
  if (order.status === 'shipped' && order.courier) {
    values.courier = choice?.courier?.code === order.courier ? choice.courier.name : order.courier;
    values.courierReason = `已经交给${values.courier}发出`;
  } else if (choice?.courier) {
    values.courier = choice.courier.name;
    values.courierReason = choice.reason['zh-CN'];
  } else {
    unavailable.courier = { 'zh-CN': '没有快递能送到这个地址', en: 'No courier reaches this address' };
    unavailable.courierReason = unavailable.courier;
  }
}
