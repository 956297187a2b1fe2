import { InputError, type PluginContext } from '@workbench/plugin-api';
import { SYSTEM } from '../shared/actor.js';
import type { GoodsReceived, ReturnReceived } from '../types.js';
import { CatalogToken } from '../tokens.js';
import type { Movement, StockOps } from './stock-ops.js';
import { inboundStore, type InboundLineInput } from './inbound-store.js';
import { locationStore } from './location-store.js';

const isCount = (n: unknown, min: number): n is number => Number.isInteger(n) && (n as number) >= min;
const isText = (s: unknown): s is string => typeof s === 'string' && s.trim() !== '';

function malformed(event: string, shape: string): InputError {
  return new InputError({ 'zh-CN': `${event} 的内容不完整，仓库无法入库：应为 ${shape}`, en: `${event} is malformed, so the warehouse cannot receive it: expected ${shape}` });
}

function isGoodsReceived(p: unknown): p is GoodsReceived {
  const v = p as GoodsReceived | null;
  return (
    typeof v === 'object' && v !== null && isText(v.reference) && Array.isArray(v.lines) && v.lines.length > 0 &&
    v.lines.every((l) => isCount(l?.skuId, 1) && isCount(l.passed, 0) && (l.failed === undefined || isCount(l.failed, 0)) && l.passed + (l.failed ?? 0) > 0)
  );
}

function isReturnReceived(p: unknown): p is ReturnReceived {
  const v = p as ReturnReceived | null;
  return typeof v === 'object' && v !== null && isText(v.reference) && Array.isArray(v.lines) && v.lines.length > 0 && v.lines.every((l) => isCount(l?.skuId, 1) && isCount(l.qty, 1));
}

async function skuCode(ctx: PluginContext, skuId: number): Promise<string> {
  const sku = await ctx.services.get(CatalogToken).skuById(skuId);
  if (!sku) throw new InputError({ 'zh-CN': `SKU ${skuId} 在商品资料里找不到，仓库无法入库`, en: `SKU ${skuId} is not in the catalog; the warehouse cannot receive it` });
  return sku.code;
}

/**
 * Goods arriving from other plugins, inside the emitter's transaction: a refusal here (a SKU
 * without a bin, an unknown location) rolls the emitter's own change back with it.
 */
export function registerStockArrivals(ctx: PluginContext, stock: StockOps): void {
  ctx.events.on('procurement.goods.received', async (payload, { tx }) => {
    if (!isGoodsReceived(payload)) throw malformed('procurement.goods.received', '{ reference, lines: [{ skuId, passed, failed? }] }');
    const lines: InboundLineInput[] = [];
    for (const line of payload.lines) {
      const code = await skuCode(ctx, line.skuId);
      const failed = line.failed ?? 0;
      lines.push({
        skuId: line.skuId,
        received: line.passed + failed,
        passed: line.passed,
        failed,
        locationId: line.passed > 0 ? await locationStore(tx, ctx).putAwayBin({ id: line.skuId, code }, { locationCode: line.locationCode, anyKind: false }) : null,
        failureReason: failed > 0 ? line.failureReason?.trim() || '采购验收不合格' : null,
      });
    }
    await inboundStore(tx, ctx).post({ source: 'procurement', reference: payload.reference.trim(), supplier: payload.supplier?.trim() || null, remark: '采购到货', lines }, { stock, by: SYSTEM });
  });

  ctx.events.on('after-sales.return.received', async (payload, { tx }) => {
    if (!isReturnReceived(payload)) throw malformed('after-sales.return.received', '{ reference, lines: [{ skuId, qty, defective? }] }');
    const order = isText(payload.orderNo) ? await tx.get<{ id: number }>('SELECT id FROM fulfillment_orders WHERE order_no = ?', [payload.orderNo.trim()]) : undefined;
    const movements: Movement[] = [];
    for (const line of payload.lines) {
      const code = await skuCode(ctx, line.skuId);
      const locationId = line.defective ? null : await locationStore(tx, ctx).putAwayBin({ id: line.skuId, code }, { locationCode: line.locationCode, anyKind: true });
      movements.push({ kind: 'return', skuId: line.skuId, locationId, qty: line.qty, orderId: order?.id ?? null, reference: payload.reference.trim(), reason: line.defective ? '退货（残次）' : '退货入库', by: SYSTEM });
    }
    await stock.post(tx, movements);
  });
}
