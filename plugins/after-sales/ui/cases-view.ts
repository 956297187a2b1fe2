import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { panelStyles, WbElement, type Column } from '@workbench/ui';
import { KIND_NAMES, STATE_NAMES, type CaseKind, type CaseState } from '../shared/case-states.js';

type CaseRow = { id: number; caseNo: string; orderNo: string; title: string; kind: CaseKind; state: CaseState; reason: string; dueAt: string | null; overdue: boolean; openedAt: string };

/** The case queue, full width: cases due soonest (overdue first) at the top. */
@customElement('wb-after-sales-cases')
export class AfterSalesCasesView extends WbElement {
  static override styles = [panelStyles, css`
    :host { display: flex; flex-direction: column; height: 100%; padding: 8px; box-sizing: border-box; }
    wb-data-table { flex: 1; }
  `];

  override render() {
    const t = (key: string) => this.i18n.t(`after-sales.${key}`);
    const lang = this.i18n.locale === 'en' ? 'en' : 'zh-CN';
    const columns: Column<CaseRow>[] = [
      { key: 'caseNo', title: t('caseNo'), width: '90px' },
      { key: 'orderNo', title: t('orderNo'), width: '170px' },
      { key: 'title', title: t('item') },
      { key: 'kind', title: t('kind'), width: '100px', render: (r: CaseRow) => KIND_NAMES[r.kind][lang] },
      { key: 'state', title: t('state'), width: '160px', render: (r: CaseRow) => STATE_NAMES[r.state][lang] },
      { key: 'reason', title: t('reason'), width: '120px' },
      { key: 'dueAt', title: t('dueAt'), type: 'datetime', width: '150px' },
    ];
    return html`<wb-data-table source="/after-sales/cases" storageKey="after-sales-cases" .columns=${columns}></wb-data-table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-after-sales-cases': AfterSalesCasesView;
  }
}
