import { ConflictError, def, ID_PARAMS, nullable, NotFoundError, type PluginContext, type Queryable } from '@workbench/plugin-api';
import { supplierStore } from '../suppliers/supplier-store.js';
import { nextNumber } from '../numbers.js';
import { CONTRACT_TERMS, GROUNDS, missingTerms } from './contract-terms.js';

interface ContractRow {
  id: number;
  contractNo: string;
  supplierId: number;
  supplierName: string;
  title: string;
  startsOn: string;
  endsOn: string | null;
  terms: string;
  status: 'draft' | 'approved' | 'terminated';
  createdBy: number;
  approvedByName: string | null;
  approvedAt: string | null;
  version: number;
}

/** A contract with its checklist, its changes and its 履约台账 (one row per delivery, and the rates). */
async function readContract(q: Queryable, id: number) {
  const row = await q.get<ContractRow>(
    `SELECT c.id, c.contract_no AS contractNo, c.supplier_id AS supplierId, s.name AS supplierName, c.title, c.starts_on AS startsOn, c.ends_on AS endsOn, c.terms, c.status,
       c.created_by AS createdBy, c.approved_by_name AS approvedByName, c.approved_at AS approvedAt, c.version
     FROM procurement_contracts c JOIN procurement_suppliers s ON s.id = c.supplier_id WHERE c.id = ?`,
    [id],
  );
  if (!row) throw new NotFoundError({ 'zh-CN': `没有编号为 ${id} 的采购合同`, en: `There is no contract ${id}` });
  const terms = JSON.parse(row.terms) as Record<string, boolean>;
  const changes = await q.all('SELECT kind, ground, reason, by_name AS byName, at FROM procurement_contract_changes WHERE contract_id = ? ORDER BY id', [id]);
  const performance = await q.all<{ day: string; receiptNo: string; onTime: number; inFull: number; counted: number; failed: number }>(
    `SELECT p.day, r.receipt_no AS receiptNo, p.on_time AS onTime, p.in_full AS inFull, p.counted, p.failed
     FROM procurement_contract_performance p JOIN procurement_receipts r ON r.id = p.receipt_id WHERE p.contract_id = ? ORDER BY p.id`,
    [id],
  );
  const n = performance.length;
  const pct = (x: number, of: number) => (of === 0 ? null : Math.round((x / of) * 1000) / 10);
  const counted = performance.reduce((s, p) => s + p.counted, 0);
  return {
    ...row,
    terms: CONTRACT_TERMS.map((t) => ({ key: t.key, name: t.name, done: terms[t.key] === true })),
    changes,
    performance: performance.map((p) => ({ ...p, onTime: p.onTime === 1, inFull: p.inFull === 1 })),
    summary: {
      deliveries: n,
      onTimePercent: pct(performance.filter((p) => p.onTime).length, n),
      inFullPercent: pct(performance.filter((p) => p.inFull).length, n),
      failedPercent: pct(performance.reduce((s, p) => s + p.failed, 0), counted),
    },
  };
}

const TERMS_SCHEMA = { type: 'object', propertyNames: { enum: CONTRACT_TERMS.map((t) => t.key) }, additionalProperties: { type: 'boolean' } };

export function addContractRoutes(ctx: PluginContext): void {
  ctx.routes.add({
    method: 'get',
    path: '/contracts',
    permission: 'procurement.orders.read',
    summary: { 'zh-CN': '采购合同（最新在前）', en: 'Purchase contracts, newest first' },
    handler: () =>
      ctx.db.read(async (q) => ({
        items: await q.all(
          `SELECT c.id, c.contract_no AS contractNo, c.supplier_id AS supplierId, s.name AS supplierName, c.title, c.starts_on AS startsOn, c.ends_on AS endsOn, c.status, c.version
           FROM procurement_contracts c JOIN procurement_suppliers s ON s.id = c.supplier_id ORDER BY c.id DESC LIMIT 500`,
        ),
      })),
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, { supplierId: number; title: string; startsOn: string; endsOn?: string | null; terms?: Record<string, boolean> }>({
    method: 'post',
    path: '/contracts',
    permission: 'procurement.contracts.manage',
    summary: { 'zh-CN': '起草采购合同（书面条款清单）', en: 'Draft a purchase contract (its written terms checklist)' },
    body: {
      type: 'object',
      properties: { supplierId: def('id'), title: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' }, startsOn: def('date'), endsOn: nullable(def('date')), terms: TERMS_SCHEMA },
      required: ['supplierId', 'title', 'startsOn'],
      additionalProperties: false,
    },
    status: 201,
    action: 'draft contract',
    handler: ({ body, actor }) =>
      ctx.db.transaction(async (tx) => {
        await supplierStore(tx).require(body.supplierId);
        const no = await nextNumber(tx, 'procurement_contracts', 'contract_no', 'HT', ctx.now());
        const { lastId } = await tx.run(
          'INSERT INTO procurement_contracts (contract_no, supplier_id, title, starts_on, ends_on, terms, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          [no, body.supplierId, body.title.trim(), body.startsOn, body.endsOn ?? null, JSON.stringify(body.terms ?? {}), actor!.id, ctx.now()],
        );
        return readContract(tx, lastId);
      }),
  });

  ctx.routes.add<{ id: number }>({
    method: 'get',
    path: '/contracts/:id',
    permission: 'procurement.orders.read',
    summary: { 'zh-CN': '一份合同：条款清单、审批、变更、履约台账', en: 'One contract: terms checklist, approval, changes, performance ledger' },
    params: ID_PARAMS,
    handler: ({ params }) => ctx.db.read((q) => readContract(q, params.id)),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { version: number; terms: Record<string, boolean> }>({
    method: 'put',
    path: '/contracts/:id/terms',
    permission: 'procurement.contracts.manage',
    summary: { 'zh-CN': '勾选合同里已写明的条款（草稿）', en: 'Tick the terms the written contract holds (draft)' },
    params: ID_PARAMS,
    body: { type: 'object', properties: { version: def('version'), terms: TERMS_SCHEMA }, required: ['version', 'terms'], additionalProperties: false },
    action: 'edit contract terms',
    handler: ({ params, body }) =>
      ctx.db.transaction(async (tx) => {
        const c = await readContract(tx, params.id);
        if (c.status !== 'draft') throw new ConflictError({ 'zh-CN': `合同 ${c.contractNo} 已审批，条款改动请走合同变更`, en: `Contract ${c.contractNo} is approved; change it through a contract change` });
        await tx.updateVersioned('procurement_contracts', { id: params.id, version: body.version }, { terms: JSON.stringify(body.terms) });
        return readContract(tx, params.id);
      }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { version: number }>({
    method: 'post',
    path: '/contracts/:id/approve',
    permission: 'procurement.contracts.approve',
    summary: { 'zh-CN': '审批合同：条款齐全，且不能由起草人审批', en: 'Approve a contract: every term written, never by its author' },
    params: ID_PARAMS,
    body: { type: 'object', properties: { version: def('version') }, required: ['version'], additionalProperties: false },
    action: 'approve contract',
    handler: ({ params, body, actor }) =>
      ctx.db.transaction(async (tx) => {
        const c = await readContract(tx, params.id);
        if (c.status !== 'draft') throw new ConflictError({ 'zh-CN': `合同 ${c.contractNo} 不是草稿，不能审批`, en: `Contract ${c.contractNo} is not a draft` });
        if (c.createdBy === actor!.id) throw new ConflictError({ 'zh-CN': '合同不能由起草人自己审批，请另一位同事审批', en: 'A contract is never approved by the person who drafted it' });
        const missing = missingTerms(Object.fromEntries(c.terms.map((t) => [t.key, t.done])));
        if (missing.length) throw new ConflictError({ 'zh-CN': `合同还缺这些条款：${missing.map((t) => t.name['zh-CN']).join('、')}`, en: `The contract still lacks: ${missing.map((t) => t.name.en).join(', ')}` });
        await tx.updateVersioned('procurement_contracts', { id: params.id, version: body.version }, { status: 'approved', approved_by: actor!.id, approved_by_name: actor!.displayName, approved_at: ctx.now() });
        return readContract(tx, params.id);
      }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { version: number; kind: 'change' | 'termination'; ground: (typeof GROUNDS)[number]; reason: string }>({
    method: 'post',
    path: '/contracts/:id/changes',
    permission: 'procurement.contracts.manage',
    summary: { 'zh-CN': '变更或解除合同，写明依据与理由', en: 'Change or end a contract, with its ground and reason' },
    params: ID_PARAMS,
    body: {
      type: 'object',
      properties: { version: def('version'), kind: { type: 'string', enum: ['change', 'termination'] }, ground: { type: 'string', enum: [...GROUNDS] }, reason: { type: 'string', minLength: 1, maxLength: 1000, pattern: '\\S' } },
      required: ['version', 'kind', 'ground', 'reason'],
      additionalProperties: false,
    },
    status: 201,
    action: 'change contract',
    handler: ({ params, body, actor }) =>
      ctx.db.transaction(async (tx) => {
        const c = await readContract(tx, params.id);
        if (c.status !== 'approved') throw new ConflictError({ 'zh-CN': `合同 ${c.contractNo} 要在审批后、解除前才能变更或解除`, en: `Contract ${c.contractNo} is changed or ended only once approved and before it ends` });
        await tx.run('INSERT INTO procurement_contract_changes (contract_id, kind, ground, reason, by_id, by_name, at) VALUES (?, ?, ?, ?, ?, ?, ?)', [params.id, body.kind, body.ground, body.reason.trim(), actor!.id, actor!.displayName, ctx.now()]);
        await tx.updateVersioned('procurement_contracts', { id: params.id, version: body.version }, body.kind === 'termination' ? { status: 'terminated' } : {});
        return readContract(tx, params.id);
      }),
  });
}

/** An order may name only an approved contract of its own supplier. */
export async function refuseForeignContract(q: Queryable, contractId: number, supplierId: number): Promise<void> {
  const c = await q.get<{ supplierId: number; status: string; contractNo: string }>('SELECT supplier_id AS supplierId, status, contract_no AS contractNo FROM procurement_contracts WHERE id = ?', [contractId]);
  if (!c || c.supplierId !== supplierId || c.status !== 'approved') {
    throw new ConflictError({ 'zh-CN': `采购单只能挂在这家供应商已审批、未解除的合同上${c ? `（${c.contractNo} 不是）` : ''}`, en: `An order names only an approved, running contract of its supplier${c ? ` (${c.contractNo} is not)` : ''}` });
  }
}
