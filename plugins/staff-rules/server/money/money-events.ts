import type { PluginContext } from '@workbench/plugin-api';
import type { AfterSalesCaseClosed, AfterSalesReviewPraised, CsMonthRanked } from '../model.js';
import { CASE_CLOSED, MONTH_RANKED, REVIEW_PRAISED } from './money-schemas.js';
import { MoneyMoves } from './money-moves.js';
import type { StaffLookup } from './staff-lookup.js';

/**
 * Listens to after-sales: a closed case that names mistakes is priced for its people, a praised
 * review rewards the person named; and to cs-scripts: a closed month's best CS get their rewards. Both write through after-sales' own transaction, so a case is
 * priced exactly when it closes; a payload that breaks the contract is refused with it.
 */
export function addMoneyEvents(ctx: PluginContext, staff: StaffLookup): void {
  ctx.schemas.add(CASE_CLOSED);
  ctx.schemas.add(REVIEW_PRAISED);
  ctx.schemas.add(MONTH_RANKED);
  ctx.events.on<unknown>('after-sales.case.closed', async (payload, { tx }) => {
    const c = ctx.schemas.validate<AfterSalesCaseClosed>(CASE_CLOSED.$id, payload);
    if (!c.mistake) return;
    await new MoneyMoves(ctx, staff, tx).priceCase(
      { caseId: c.caseId, orderNo: c.orderNo, mistake: c.mistake, equipmentFault: c.equipmentFault ?? false, returnShippingFen: c.returnShippingFen, date: ctx.shopTime(c.closedAt).slice(0, 10), responsible: c.responsible },
      'after-sales',
    );
  });
  ctx.events.on<unknown>('after-sales.review.praised', async (payload, { tx }) => {
    const p = ctx.schemas.validate<AfterSalesReviewPraised>(REVIEW_PRAISED.$id, payload);
    await new MoneyMoves(ctx, staff, tx).praised(p);
  });
  ctx.events.on<unknown>('cs-scripts.month.ranked', async (payload, { tx }) => {
    const m = ctx.schemas.validate<CsMonthRanked>(MONTH_RANKED.$id, payload);
    await new MoneyMoves(ctx, staff, tx).bestCs(m);
  });
}
