// The `cases` service (contracts.ts): cases read through the store, summed up for other plugins.
import { serviceToken, type PluginContext } from '@workbench/plugin-api';
import type { CaseSummary, CasesService } from '../contracts.js';
import type { Case } from './case-record.js';
import { caseStore } from './case-store.js';

export const CasesToken = serviceToken<CasesService>('cases');

// An order rarely has more than a few cases; this bounds one order's page.
const PER_ORDER = 200;

const summary = (c: Case): CaseSummary => ({
  id: c.id, caseNo: c.caseNo, orderId: c.orderId, orderNo: c.orderNo, itemId: c.itemId, skuCode: c.skuCode, title: c.title,
  kind: c.kind, reason: c.reason, state: c.state, openedAt: c.openedAt, closedAt: c.closedAt, refunded: c.refunded.total,
});

export function createCasesService(ctx: PluginContext): CasesService {
  return {
    forOrders: (orderNos) => ctx.db.read(async (q) => {
      const now = ctx.now();
      const found: CaseSummary[] = [];
      for (const orderNo of new Set(orderNos)) {
        const page = await caseStore(q).queue({ orderNo, page: 1, pageSize: PER_ORDER }, now);
        found.push(...page.items.map(summary));
      }
      return found.sort((a, b) => b.id - a.id);
    }),
    byCaseNo: (caseNo) => {
      const id = /^\s*(?:AS-?)?(\d+)\s*$/i.exec(caseNo)?.[1];
      if (!id) return Promise.resolve(undefined);
      return ctx.db.read(async (q) => {
        const c = await caseStore(q).get(Number(id), ctx.now());
        return c && summary(c);
      });
    },
  };
}
