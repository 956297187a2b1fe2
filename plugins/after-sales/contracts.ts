/**
 * after-sales' service contracts: what it publishes under `provides: [cases]`, types only. Another
 * plugin imports them with `import type { CasesService } from '@workbench/contracts/after-sales'`,
 * names `after-sales` in its manifest's `requires` or `optional`, and gets the service from
 * `ctx.services`. The implementation (server/case-service.ts) is typed by these interfaces, so
 * `npm run typecheck` fails when it no longer keeps what is published here.
 */
import type { CaseKind, CaseState } from './shared/case-states.js';

export type { CaseKind, CaseState } from './shared/case-states.js';

/** The services by the names `ctx.services` knows them: `serviceToken<AfterSalesServices['cases']>('cases')`. */
export interface AfterSalesServices {
  cases: CasesService;
}

/** A case as another plugin sees it: what it is about and where it stands; no receiver data. */
export interface CaseSummary {
  id: number;
  /** `AS-<id>`. */
  caseNo: string;
  orderId: number;
  orderNo: string;
  itemId: number;
  skuCode: string;
  title: string;
  kind: CaseKind;
  reason: string;
  state: CaseState;
  openedAt: string;
  closedAt: string | null;
  /** Goods, shipping and compensation refunded so far (分). */
  refunded: number;
}

/**
 * `cases` (provides: [cases]): after-sales cases read-only, for CS (a customer's file, a
 * procedure run against a case). A caller shows them only to people holding
 * `after-sales.cases.read`, as after-sales' own screens do.
 */
export interface CasesService {
  /** The cases on these orders (by 订单编号), newest first. */
  forOrders(orderNos: string[]): Promise<CaseSummary[]>;
  /** One case by its number (`AS-12`, `as-12` or `12`). */
  byCaseNo(caseNo: string): Promise<CaseSummary | undefined>;
}
