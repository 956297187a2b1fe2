import { ID_PARAMS, InputError, html, listQuery, ref, type PluginContext, type Transaction } from '@workbench/plugin-api';
import { stepBy } from '../shared/actor.js';
import type { StockOps } from './stock-ops.js';
import { inboundStore, type InboundLineInput, type InboundListQuery, type InboundNote } from './inbound-store.js';
import { locationStore, requireActive } from './location-store.js';
import { requireSkuByCode } from './sku-names.js';
import { LOCATION_CODE_INPUT, pageOf, REASON, WAREHOUSE_SCHEMAS } from './schemas.js';
import { TIME_BOUND } from './time-range.js';

interface InboundBody {
  reference?: string;
  supplier?: string;
  remark?: string;
  lines: { skuCode: string; received: number; passed: number; failed: number; location?: string; failureReason?: string }[];
}

const PIECES = { type: 'integer', minimum: 0, maximum: 1_000_000 };

function lineProblem(index: number, field: string, text: { 'zh-CN': string; en: string }): InputError {
  return new InputError(text, { errors: [{ path: `/lines/${index}/${field}`, in: 'body', message: text['zh-CN'] }] });
}

/** Checks each line's counts and resolves its SKU and bin, naming the line that is wrong. */
async function resolveLines(ctx: PluginContext, tx: Transaction, body: InboundBody, skuIds: number[]): Promise<InboundLineInput[]> {
  const lines: InboundLineInput[] = [];
  for (const [i, line] of body.lines.entries()) {
    const code = line.skuCode;
    if (line.received === 0) throw lineProblem(i, 'received', { 'zh-CN': `第 ${i + 1} 行 ${code}：到货数量为 0，请删掉这一行或填写实收数量`, en: `Line ${i + 1} (${code}): nothing received; remove the line or enter the count` });
    if (line.passed + line.failed !== line.received) {
      throw lineProblem(i, 'passed', {
        'zh-CN': `第 ${i + 1} 行 ${code}：合格 ${line.passed} 件 + 不合格 ${line.failed} 件 ≠ 实收 ${line.received} 件，请重新清点`,
        en: `Line ${i + 1} (${code}): passed ${line.passed} + failed ${line.failed} ≠ received ${line.received}; count again`,
      });
    }
    if (line.failed > 0 && !line.failureReason?.trim()) {
      throw lineProblem(i, 'failureReason', { 'zh-CN': `第 ${i + 1} 行 ${code}：有 ${line.failed} 件不合格，请写明不合格原因（如 破损、色差）`, en: `Line ${i + 1} (${code}): ${line.failed} failed; write why (e.g. damaged, wrong colour)` });
    }
    let locationId: number | null = null;
    if (line.passed > 0) {
      if (!line.location?.trim()) throw lineProblem(i, 'location', { 'zh-CN': `第 ${i + 1} 行 ${code}：合格品要放到哪个库位？请填写库位编号`, en: `Line ${i + 1} (${code}): which location do the passed pieces go to? Enter its code` });
      const location = await locationStore(tx, ctx).byCode(line.location, `/lines/${i}/location`);
      requireActive(location);
      locationId = location.id;
    }
    lines.push({ skuId: skuIds[i]!, received: line.received, passed: line.passed, failed: line.failed, locationId, failureReason: line.failed > 0 ? line.failureReason!.trim() : null });
  }
  return lines;
}

/** 入库 with inspection: the inbound note, its list, and the printable note. */
export function addInboundRoutes(ctx: PluginContext, stock: StockOps): void {
  ctx.routes.add<Record<string, string>, Record<string, unknown>, InboundBody, InboundNote>({
    method: 'post',
    path: '/inbound',
    permission: 'fulfillment.stock.manage',
    summary: { 'zh-CN': '验收入库（合格品上架，不合格品进残次库）', en: 'Receive goods after inspection (passed to a bin, failed to the defective stock)' },
    body: {
      type: 'object',
      properties: {
        reference: { type: 'string', maxLength: 64 },
        supplier: { type: 'string', maxLength: 100 },
        remark: { type: 'string', maxLength: 500 },
        lines: {
          type: 'array',
          minItems: 1,
          maxItems: 500,
          items: {
            type: 'object',
            properties: { skuCode: { type: 'string', minLength: 1, maxLength: 64 }, received: PIECES, passed: PIECES, failed: PIECES, location: LOCATION_CODE_INPUT, failureReason: REASON },
            required: ['skuCode', 'received', 'passed', 'failed'],
            additionalProperties: false,
          },
        },
      },
      required: ['lines'],
      additionalProperties: false,
    },
    response: ref(WAREHOUSE_SCHEMAS.inboundNote),
    status: 201,
    action: 'receive goods',
    handler: async ({ body, actor }) => {
      const skuIds: number[] = [];
      for (const [i, line] of body.lines.entries()) skuIds.push((await requireSkuByCode(ctx, line.skuCode.trim(), `/lines/${i}/skuCode`)).id);
      return ctx.db.transaction(async (tx) => {
        const lines = await resolveLines(ctx, tx, body, skuIds);
        const notes = inboundStore(tx, ctx);
        const id = await notes.post({ source: 'manual', reference: body.reference?.trim() || null, supplier: body.supplier?.trim() || null, remark: body.remark?.trim(), lines }, { stock, by: stepBy(actor) });
        return notes.require(id);
      });
    },
  });

  ctx.routes.add<Record<string, string>, InboundListQuery, undefined, { items: InboundNote[] }>({
    method: 'get',
    path: '/inbound',
    permission: 'fulfillment.stock.read',
    summary: { 'zh-CN': '入库单列表（最新在前）', en: 'Inbound notes, newest first' },
    description: { 'zh-CN': 'q：入库单号、参考号或供应商的开头', en: 'q: the start of a note number, reference or supplier' },
    query: listQuery({ source: { type: 'string', enum: ['manual', 'procurement'] }, from: TIME_BOUND, to: TIME_BOUND }),
    response: pageOf(WAREHOUSE_SCHEMAS.inboundNote),
    handler: ({ query }) => ctx.db.read((q) => inboundStore(q, ctx).list(query)),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, InboundNote>({
    method: 'get',
    path: '/inbound/:id',
    permission: 'fulfillment.stock.read',
    summary: { 'zh-CN': '一张入库单', en: 'One inbound note' },
    params: ID_PARAMS,
    response: ref(WAREHOUSE_SCHEMAS.inboundNote),
    handler: ({ params }) => ctx.db.read((q) => inboundStore(q, ctx).require(params.id)),
  });

  ctx.printables.register('inbound-note', async ({ query }) => {
    const id = Number(query.id);
    if (!Number.isInteger(id) || id < 1) throw new InputError({ 'zh-CN': '请在地址里给出入库单编号（?id=）', en: 'Give the inbound note in the address (?id=)' });
    const note = await ctx.db.read((q) => inboundStore(q, ctx).require(id));
    const rows = note.lines.map(
      (l) => html`<tr><td>${l.skuCode}</td><td>${l.title}</td><td class="num">${l.received}</td><td class="num">${l.passed}</td><td>${l.locationCode ?? '—'}</td><td class="num">${l.failed}</td><td>${l.failureReason ?? ''}</td></tr>`,
    );
    return {
      title: `入库单 ${note.noteNo}`,
      body: html`<h1>入库单 ${note.noteNo}</h1>
        <p>参考号：${note.reference ?? '—'}　供应商：${note.supplier ?? '—'}　来源：${note.source === 'procurement' ? '采购到货' : '手工入库'}</p>
        <p>验收人：${note.actorName}　时间：${note.createdAt.slice(0, 16).replace('T', ' ')}</p>
        <table>
          <thead><tr><th>商家编码</th><th>商品</th><th class="num">实收</th><th class="num">合格</th><th>上架库位</th><th class="num">不合格</th><th>不合格原因</th></tr></thead>
          <tbody>${rows}</tbody>
          <tfoot><tr><td colspan="2">合计</td><td class="num">${note.totals.received}</td><td class="num">${note.totals.passed}</td><td></td><td class="num">${note.totals.failed}</td><td>（进残次库）</td></tr></tfoot>
        </table>
        ${note.remark ? html`<p>备注：${note.remark}</p>` : ''}
        <p>仓管签字：＿＿＿＿＿＿　　复核签字：＿＿＿＿＿＿</p>`,
    };
  });
}
