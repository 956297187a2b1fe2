import { def, ID_PARAMS, InputError, listQuery, ref, type PluginContext } from '@workbench/plugin-api';
import { fulfillmentSettings } from '../settings.js';
import { OUTCOMES, STATEMENT, STATEMENT_DETAIL, type Outcome } from './schemas.js';
import { statementStore } from './statement-store.js';

function outcomesOf(text: string | undefined): Outcome[] | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const list = text.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = list.filter((o) => !(OUTCOMES as readonly string[]).includes(o));
  if (unknown.length) {
    throw new InputError({ 'zh-CN': `不认识的核对结果：${unknown.join('、')}；可选 ${OUTCOMES.join('、')}`, en: `Unknown outcome: ${unknown.join(', ')}; choose from ${OUTCOMES.join(', ')}` }, {
      errors: [{ path: '/outcome', in: 'query', message: unknown.join(',') }],
    });
  }
  return list as Outcome[];
}

/** `GET /statements` and `GET /statements/:id` (the import is the `courier-statement` importer). */
export function addStatementRoutes(ctx: PluginContext): void {
  ctx.routes.add<Record<string, string>, { page: number; pageSize: number; courier?: string; q?: string }>({
    method: 'get',
    path: '/statements',
    permission: 'fulfillment.reconcile',
    summary: { 'zh-CN': '导入过的快递账单（最新在前）', en: 'Courier statements imported, newest first' },
    description: { 'zh-CN': 'q：文件名、账期（如 2026-11）或快递公司代码里的文字', en: 'q: text in the file name, the period (e.g. 2026-11) or the courier code' },
    query: listQuery({ courier: { type: 'string', pattern: '^[A-Za-z]{2,5}$' } }),
    response: { allOf: [def('page'), { type: 'object', properties: { items: { type: 'array', items: ref(STATEMENT) } } }] },
    handler: ({ query }) => ctx.db.read((q) => statementStore(q, fulfillmentSettings(ctx)).list(query)),
  });

  ctx.routes.add<{ id: number }, { outcome?: string }>({
    method: 'get',
    path: '/statements/:id',
    permission: 'fulfillment.reconcile',
    summary: { 'zh-CN': '一份快递账单的逐单核对结果', en: 'A courier statement checked parcel by parcel' },
    description: {
      'zh-CN': 'outcome 可按核对结果筛选（逗号分隔）：ok 相符、unknown 查无此单、weight 重量不符、fee 运费不符、weight-and-fee 都不符；notBilled 是账单期间我们用这家快递发出、账单里却没有的包裹',
      en: 'outcome filters the lines (comma list): ok, unknown (no shipment of ours), weight, fee, weight-and-fee; notBilled lists our parcels with this courier in the period that the statement does not bill',
    },
    params: ID_PARAMS,
    query: { type: 'object', properties: { outcome: { type: 'string', maxLength: 100 } }, additionalProperties: false },
    response: ref(STATEMENT_DETAIL),
    handler: ({ params, query }) => ctx.db.read((q) => statementStore(q, fulfillmentSettings(ctx)).detail(params.id, outcomesOf(query.outcome))),
  });
}
