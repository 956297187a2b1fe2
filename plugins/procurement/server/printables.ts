import { html, InputError, yuan, type PluginContext } from '@workbench/plugin-api';
import { orderStore } from './orders/order-store.js';
import { PO_STATUS_NAMES } from './orders/po-states.js';
import { returnStore, type SupplierReturn } from './returns/return-store.js';
import { roleName } from './orders/approval-chain.js';

const idOf = (value: unknown, what: string, en: string): number => {
  const id = Number(value);
  if (!Number.isInteger(id) || id < 1) throw new InputError({ 'zh-CN': `请在地址里给出${what}编号（?id=）`, en: `Give the ${en} in the address (?id=)` });
  return id;
};

/** One copy of a return list; the slip is printed twice, one for the purchaser and one for the warehouse. */
const returnCopy = (r: SupplierReturn, copy: string) => html`<section style="page-break-inside: avoid; margin-bottom: 24px">
  <h1>退换货单 ${r.returnNo}<small>（${copy}）</small></h1>
  <p>供应商：${r.supplierName}　采购单：${r.poNo ?? '—'}　原因：${r.reason}</p>
  <table>
    <thead><tr><th>商家编码</th><th>商品</th><th class="num">件数</th><th class="num">单价</th><th>问题</th></tr></thead>
    <tbody>${r.lines.map((l) => html`<tr><td>${l.skuCode}</td><td>${l.title}</td><td class="num">${l.qty}</td><td class="num">${yuan(l.price)}</td><td>${l.reason}</td></tr>`)}</tbody>
  </table>
  <p>仓管签字：＿＿＿＿＿＿　　采购签字：＿＿＿＿＿＿　　供应商签收：＿＿＿＿＿＿</p>
</section>`;

export function registerPrintables(ctx: PluginContext): void {
  ctx.printables.register('purchase-order', async ({ query }) => {
    const order = await ctx.db.read((q) => orderStore(q).get(idOf(query.id, '采购单', 'purchase order')));
    const signed = order.approvals.filter((a) => a.signedBy);
    return {
      title: `采购单 ${order.poNo}`,
      body: html`<h1>采购单 ${order.poNo}</h1>
        <p>供应商：${order.supplierName}　状态：${PO_STATUS_NAMES[order.status]['zh-CN']}　要求到货：${order.expectedDate ?? '—'}</p>
        <p>下单：${order.createdByName}　${order.createdAt.slice(0, 16).replace('T', ' ')}</p>
        <table>
          <thead><tr><th>商家编码</th><th>商品</th><th class="num">数量</th><th class="num">单价</th><th class="num">金额</th><th>到货日期</th></tr></thead>
          <tbody>${order.lines.map((l) => html`<tr><td>${l.skuCode}</td><td>${l.title}</td><td class="num">${l.qty}</td><td class="num">${yuan(l.price)}</td><td class="num">${yuan(l.amount)}</td><td>${l.expectedDate ?? order.expectedDate ?? '—'}</td></tr>`)}</tbody>
          <tfoot>
            <tr><td colspan="4">货款</td><td class="num">${yuan(order.goodsAmount)}</td><td></td></tr>
            <tr><td colspan="4">运费</td><td class="num">${yuan(order.transportCost)}</td><td></td></tr>
            <tr><td colspan="4">合计</td><td class="num">${yuan(order.total)}</td><td></td></tr>
          </tfoot>
        </table>
        ${order.remark ? html`<p>备注：${order.remark}</p>` : ''}
        <p>审批：${signed.length ? signed.map((a) => html`${roleName(a.role)['zh-CN']} ${a.signedBy!.name}（${a.signedAt!.slice(0, 10)}）　`) : '未审批'}</p>
        <p>供应商确认：＿＿＿＿＿＿　　日期：＿＿＿＿＿＿</p>`,
    };
  });

  ctx.printables.register('return-list', async ({ query }) => {
    const r = await ctx.db.read((q) => returnStore(q).get(idOf(query.id, '退换货单', 'return')));
    return { title: `退换货单 ${r.returnNo}`, body: html`${returnCopy(r, '第一联 交采购')}${returnCopy(r, '第二联 仓库留存')}` };
  });
}
