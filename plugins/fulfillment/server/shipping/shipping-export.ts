import { csvText, encodeCsv, InputError, type CsvEncoding, type PluginContext, type Queryable, type SqlValue } from '@workbench/plugin-api';
import { ORDER_STATUSES, type OrderStatus } from '../../shared/state-names.js';
import type { OrderRow } from '../orders/order-record.js';
import { fulfillmentSettings } from '../settings.js';
import { courierByCode } from './courier-rules.js';
import { courierChoiceFor } from './ship-order.js';

export interface ExportQuery {
  status: string;
  from?: string;
  to?: string;
  encoding: CsvEncoding;
}

/** The columns the platform's bulk-shipping upload (批量发货) reads. */
export const EXPORT_HEADER = ['订单编号', '物流公司', '运单号'] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The range as stored times compare: a `YYYY-MM-DD` shop day runs from its first to its last
 * instant; a full time is read in shop time so it compares with the stored ones.
 */
function bound(ctx: PluginContext, value: string | undefined, end: boolean): string | undefined {
  if (value === undefined) return undefined;
  if (DAY.test(value)) return end ? `${value}T23:59:59.999` : value;
  return ctx.shopTime(value);
}

function statusesOf(text: string): OrderStatus[] {
  const list = text.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = list.filter((s) => !(ORDER_STATUSES as readonly string[]).includes(s));
  if (unknown.length || list.length === 0) {
    throw new InputError({ 'zh-CN': `不认识的订单状态：${unknown.join('、') || '（空）'}；可选 ${ORDER_STATUSES.join('、')}`, en: `Unknown order status: ${unknown.join(', ') || '(empty)'}; choose from ${ORDER_STATUSES.join(', ')}` }, {
      errors: [{ path: '/status', in: 'query', message: unknown.join(',') }],
    });
  }
  return list as OrderStatus[];
}

/**
 * The CSV text: one row per order of the statuses, in the range (shipped orders by the time they
 * shipped, others by when they were placed). An order not yet shipped carries the courier the
 * rules choose and an empty 运单号, to fill in and bring back through batch shipping.
 */
export async function shippingCsv(ctx: PluginContext, q: Queryable, query: ExportQuery): Promise<string> {
  const statuses = statusesOf(query.status);
  const where = ['status IN (SELECT value FROM json_each(?))'];
  const params: SqlValue[] = [JSON.stringify(statuses)];
  const from = bound(ctx, query.from, false);
  const to = bound(ctx, query.to, true);
  if (from) (where.push('COALESCE(shipped_at, placed_at) >= ?'), params.push(from));
  if (to) (where.push('COALESCE(shipped_at, placed_at) <= ?'), params.push(to));
  const rows = await q.all<OrderRow>(`SELECT * FROM fulfillment_orders WHERE ${where.join(' AND ')} ORDER BY COALESCE(shipped_at, placed_at), id`, params);
  const settings = fulfillmentSettings(ctx);
  const lines: string[][] = [[...EXPORT_HEADER]];
  for (const row of rows) {
    const courier = row.courier ? courierByCode(settings, row.courier) : courierChoiceFor(settings, row).courier;
    lines.push([row.order_no, courier?.name ?? row.courier ?? '', row.tracking_no ?? '']);
  }
  return csvText(lines);
}

/** `GET /shipping/export`: the file for the platform's bulk-shipping upload. */
export function addExportRoute(ctx: PluginContext): void {
  ctx.routes.add<Record<string, string>, ExportQuery>({
    method: 'get',
    path: '/shipping/export',
    permission: 'fulfillment.ship',
    summary: { 'zh-CN': '导出批量发货文件（订单编号、物流公司、运单号）', en: 'Export the bulk-shipping file (order number, courier, tracking number)' },
    description: {
      'zh-CN': '默认导出已发货的订单，GBK 编码，可直接上传到淘宝卖家中心的批量发货；status 可写多个（逗号分隔），from/to 为日期（YYYY-MM-DD）或时间。?encoding=utf-8 导出带 BOM 的 UTF-8',
      en: 'Shipped orders by default, in GBK, ready for the platform’s bulk-shipping upload; status takes a comma list, from/to a day (YYYY-MM-DD) or a time. ?encoding=utf-8 gives UTF-8 with a BOM',
    },
    query: {
      type: 'object',
      properties: {
        status: { type: 'string', maxLength: 100, default: 'shipped' },
        from: { type: 'string', anyOf: [{ format: 'date' }, { format: 'date-time' }] },
        to: { type: 'string', anyOf: [{ format: 'date' }, { format: 'date-time' }] },
        encoding: { type: 'string', enum: ['gbk', 'utf-8'], default: 'gbk' },
      },
      additionalProperties: false,
    },
    handler: async ({ query }) => {
      const text = await ctx.db.read((q) => shippingCsv(ctx, q, query));
      const day = ctx.now().slice(0, 10).replace(/-/g, '');
      return new Response(encodeCsv(text, query.encoding), {
        headers: {
          'content-type': `text/csv; charset=${query.encoding}`,
          'content-disposition': `attachment; filename="shipping-${day}.csv"; filename*=UTF-8''${encodeURIComponent(`批量发货-${day}.csv`)}`,
        },
      });
    },
  });
}
