import { def, nullable, writeCsv, yuan, type PluginContext } from '@workbench/plugin-api';
import { supplierStore } from '../suppliers/supplier-store.js';
import { supplierBalance } from './ledger-math.js';
import { ledgerStore } from './ledger-store.js';

const ENTRY = {
  type: 'object',
  properties: {
    id: def('id'), supplierId: def('id'), date: def('date'), kind: { type: 'string', enum: ['delivery', 'payment'] }, reference: { type: 'string' }, orderId: nullable(def('id')),
    amount: def('money'), transport: def('money'), paid: def('money'), note: { type: 'string' }, at: def('timestamp'), balance: def('money'),
  },
  required: ['id', 'supplierId', 'date', 'kind', 'reference', 'orderId', 'amount', 'transport', 'paid', 'note', 'at', 'balance'],
};
const BUCKET = { type: 'object', properties: { from: { type: 'integer' }, to: nullable({ type: 'integer' }), owed: def('money') }, required: ['from', 'to', 'owed'] };
const RANGE = { supplier: def('id'), from: def('date'), to: def('date') };

export function addLedgerRoutes(ctx: PluginContext): void {
  const today = () => ctx.now().slice(0, 10);

  ctx.routes.add<Record<string, string>, { supplier: number; from?: string; to?: string }>({
    method: 'get',
    path: '/ledger',
    permission: 'procurement.ledger.read',
    summary: { 'zh-CN': '一个供应商的往来账：日期、货款、运费、已付、欠款（逐笔余额）', en: "A supplier's ledger: date, goods, transport, paid, owed after each row" },
    query: { type: 'object', properties: RANGE, required: ['supplier'] },
    response: { type: 'object', properties: { items: { type: 'array', items: ENTRY } }, required: ['items'] },
    handler: ({ query }) => ctx.db.read(async (q) => ({ items: await ledgerStore(q).rows(query.supplier, query) })),
  });

  ctx.routes.add({
    method: 'get',
    path: '/ledger/balances',
    permission: 'procurement.ledger.read',
    summary: { 'zh-CN': '各供应商欠款与账龄（0–30、31–60、61–90、90 天以上）', en: 'What is owed to each supplier, and how old (0–30, 31–60, 61–90, over 90 days)' },
    response: {
      type: 'object',
      properties: {
        asOf: def('date'),
        items: { type: 'array', items: { type: 'object', properties: { supplierId: def('id'), name: { type: 'string' }, charged: def('money'), paid: def('money'), owed: def('money'), ageing: { type: 'array', items: BUCKET } }, required: ['supplierId', 'name', 'charged', 'paid', 'owed', 'ageing'] } },
      },
      required: ['asOf', 'items'],
    },
    handler: () =>
      ctx.db.read(async (q) => {
        const store = ledgerStore(q);
        const asOf = today();
        const items = [];
        for (const s of await store.suppliers()) items.push({ supplierId: s.supplierId, name: s.name, ...supplierBalance(await store.rows(s.supplierId), asOf) });
        return { asOf, items };
      }),
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, { supplierId: number; day?: string; amount: number; reference: string; note?: string }>({
    method: 'post',
    path: '/ledger/payments',
    permission: 'procurement.ledger.pay',
    summary: { 'zh-CN': '登记一笔付给供应商的款', en: 'Record a payment to a supplier' },
    body: {
      type: 'object',
      properties: { supplierId: def('id'), day: def('date'), amount: { type: 'integer', minimum: 1, maximum: 100_000_000_000 }, reference: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' }, note: { type: 'string', maxLength: 500 } },
      required: ['supplierId', 'amount', 'reference'],
      additionalProperties: false,
    },
    response: ENTRY,
    status: 201,
    action: 'record supplier payment',
    handler: ({ body, actor }) =>
      ctx.db.transaction(async (tx) => {
        await supplierStore(tx).require(body.supplierId);
        const store = ledgerStore(tx);
        const id = await store.add({ supplierId: body.supplierId, day: body.day ?? today(), kind: 'payment', reference: body.reference.trim(), paid: body.amount, note: body.note?.trim() ?? '' }, actor!.id, ctx.now());
        return (await store.rows(body.supplierId)).find((r) => r.id === id)!;
      }),
  });

  ctx.routes.add<Record<string, string>, { supplier: number; from?: string; to?: string; encoding: 'gbk' | 'utf-8' }>({
    method: 'get',
    path: '/ledger/statement',
    permission: 'procurement.ledger.read',
    summary: { 'zh-CN': '对账单 CSV（GBK 或 UTF-8），金额以元计', en: 'Statement as CSV (GBK or UTF-8), amounts in 元' },
    query: { type: 'object', properties: { ...RANGE, encoding: { type: 'string', enum: ['gbk', 'utf-8'], default: 'gbk' } }, required: ['supplier'] },
    handler: ({ query }) =>
      ctx.db.read(async (q) => {
        const supplier = await supplierStore(q).require(query.supplier);
        const rows = await ledgerStore(q).rows(query.supplier, query);
        const kind = { delivery: '到货', payment: '付款' };
        const csv = writeCsv(
          [['日期', '类型', '单号', '货款', '运费', '已付', '欠款'], ...rows.map((r) => [r.date, kind[r.kind], r.reference, yuan(r.amount), yuan(r.transport), yuan(r.paid), yuan(r.balance)])],
          query.encoding,
        );
        const name = encodeURIComponent(`对账单-${supplier.name}-${today()}.csv`);
        return new Response(csv, { headers: { 'content-type': `text/csv; charset=${query.encoding}`, 'content-disposition': `attachment; filename="statement.csv"; filename*=UTF-8''${name}` } });
      }),
  });
}
