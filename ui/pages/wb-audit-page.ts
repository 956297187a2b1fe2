import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { WbElement } from '../kit/wb-element.js';
import type { Column } from '../kit/wb-data-table.js';
import '../kit/wb-data-table.js';
import { pageStyles } from './page-styles.js';

type AuditRow = Record<string, unknown> & { at: string; actorName: string | null; plugin: string; action: string; target: string | null; outcome: string; status: number };

/** The audit log, newest first, paged from the server. */
@customElement('wb-audit-page')
export class WbAuditPage extends WbElement {
  static override styles = [pageStyles, css`:host { display: flex; flex-direction: column; height: 100%; max-width: none; } wb-data-table { flex: 1; }`];

  override render() {
    const t = (k: string) => this.i18n.t(k);
    const columns: Column<AuditRow>[] = [
      { key: 'at', title: t('audit.at'), type: 'datetime', width: '150px' },
      { key: 'actorName', title: t('audit.actor'), width: '120px' },
      { key: 'plugin', title: t('audit.plugin'), width: '110px' },
      { key: 'action', title: t('audit.action') },
      { key: 'target', title: t('audit.target') },
      { key: 'outcome', title: t('audit.outcome'), width: '90px', filter: { options: [{ value: 'ok', label: 'ok' }, { value: 'error', label: 'error' }] } },
      { key: 'status', title: 'HTTP', type: 'number', width: '70px', hidden: true },
    ];
    return html`<h1>${t('page.audit')}</h1><wb-data-table source="/audit" storageKey="core-audit" .columns=${columns}></wb-data-table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-audit-page': WbAuditPage;
  }
}
