import { ConflictError, def, visibleText, type PluginContext } from '@workbench/plugin-api';
import type { RuleId } from '../model.js';
import { money, RULE_TITLES } from '../rules/explanation.js';
import { amountStore } from './amount-store.js';
import { fundStore, type FundSpending } from './fund-store.js';
import type { StaffLookup } from './staff-lookup.js';

interface FundView {
  balanceFen: number;
  incomeFen: number;
  spentFen: number;
  byPerson: { staffId: number; name: string; code: string; amountFen: number; count: number }[];
  byRule: { rule: RuleId; title: { 'zh-CN': string; en: string }; amountFen: number; count: number }[];
  spending: FundSpending[];
}

const SPENDING = {
  type: 'object',
  properties: { id: def('id'), date: def('date'), amountFen: def('price'), note: { type: 'string' }, receiptNo: { type: 'string' }, recordedBy: def('id'), recordedAt: def('timestamp') },
  required: ['id', 'date', 'amountFen', 'note', 'receiptNo', 'recordedBy', 'recordedAt'],
};
const TITLE = { type: 'object', properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } }, required: ['zh-CN', 'en'] };

/** The department fund: every fine goes in, every payment out is shown with its note and receipt. */
export function addFundRoutes(ctx: PluginContext, staff: StaffLookup): void {
  ctx.routes.add<Record<string, string>, Record<string, unknown>, undefined, FundView>({
    method: 'get',
    path: '/fund',
    permission: 'staff-rules.fund.read',
    summary: { 'zh-CN': '部门基金：余额、收入（按人、按规则）和支出', en: 'The department fund: balance, income by person and by rule, spending' },
    response: {
      type: 'object',
      properties: {
        balanceFen: def('money'), incomeFen: def('price'), spentFen: def('price'),
        byPerson: { type: 'array', items: { type: 'object', properties: { staffId: def('id'), name: { type: 'string' }, code: { type: 'string' }, amountFen: def('price'), count: { type: 'integer' } }, required: ['staffId', 'name', 'code', 'amountFen', 'count'] } },
        byRule: { type: 'array', items: { type: 'object', properties: { rule: { type: 'string' }, title: TITLE, amountFen: def('price'), count: { type: 'integer' } }, required: ['rule', 'title', 'amountFen', 'count'] } },
        spending: { type: 'array', items: SPENDING },
      },
      required: ['balanceFen', 'incomeFen', 'spentFen', 'byPerson', 'byRule', 'spending'],
    },
    handler: () => ctx.db.read(async (q) => {
      const income = await amountStore(q).fineIncome();
      const people = new Map((await staff.all(q)).map((p) => [p.id, p] as const));
      const byPerson = new Map<number, FundView['byPerson'][number]>();
      const byRule = new Map<RuleId, FundView['byRule'][number]>();
      for (const row of income) {
        const p = people.get(row.staffId);
        const person = byPerson.get(row.staffId) ?? { staffId: row.staffId, name: p?.name ?? `#${row.staffId}`, code: p?.code ?? '', amountFen: 0, count: 0 };
        person.amountFen += row.amountFen;
        person.count += row.count;
        byPerson.set(row.staffId, person);
        const rule = byRule.get(row.rule) ?? { rule: row.rule, title: RULE_TITLES[row.rule], amountFen: 0, count: 0 };
        rule.amountFen += row.amountFen;
        rule.count += row.count;
        byRule.set(row.rule, rule);
      }
      const incomeFen = income.reduce((sum, r) => sum + r.amountFen, 0);
      const spentFen = await fundStore(q).spentFen();
      return {
        balanceFen: incomeFen - spentFen, incomeFen, spentFen,
        byPerson: [...byPerson.values()].sort((a, b) => b.amountFen - a.amountFen),
        byRule: [...byRule.values()].sort((a, b) => b.amountFen - a.amountFen),
        spending: await fundStore(q).spending(),
      };
    }),
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, { date: string; amountFen: number; note: string; receiptNo: string }, FundSpending>({
    method: 'post',
    path: '/fund/spending',
    permission: 'staff-rules.fund.spend',
    summary: { 'zh-CN': '从部门基金支出（写明用途和票据号）', en: 'Spend from the department fund, with what for and the receipt number' },
    body: {
      type: 'object',
      properties: { date: def('date'), amountFen: { type: 'integer', minimum: 1, maximum: 100_000_000 }, note: visibleText(1, 500), receiptNo: visibleText(1, 64) },
      required: ['date', 'amountFen', 'note', 'receiptNo'],
      additionalProperties: false,
    },
    response: SPENDING,
    status: 201,
    action: 'spend from fund',
    handler: ({ body, actor }) => ctx.db.transaction(async (tx) => {
      const incomeFen = (await amountStore(tx).fineIncome()).reduce((sum, r) => sum + r.amountFen, 0);
      const balanceFen = incomeFen - (await fundStore(tx).spentFen());
      if (body.amountFen > balanceFen) {
        throw new ConflictError({ 'zh-CN': `基金余额只有 ${money(balanceFen)}，不够支出 ${money(body.amountFen)}`, en: `The fund holds ${money(balanceFen)}, not enough for ${money(body.amountFen)}` });
      }
      return fundStore(tx).spend({ ...body, note: body.note.trim(), receiptNo: body.receiptNo.trim(), recordedBy: actor!.id, recordedAt: ctx.now() });
    }),
  });
}
