import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { WbElement } from '../kit/wb-element.js';
import type { Column } from '../kit/wb-data-table.js';
import '../kit/wb-data-table.js';
import { pageStyles } from './page-styles.js';

type AuditRow = Record<string, unknown> & {
  at: string;
  actorName: string | null;
  actorDisplayName: string | null;
  plugin: string;
  action: string;
  target: string | null;
  outcome: string;
  status: number;
  /** The record as a sentence in both languages, from the server. */
  sentence: { 'zh-CN': string; en: string };
};

/** The audit log, newest first, paged from the server: each record a sentence in the reader's language. */
@customElement('wb-audit-page')
export class WbAuditPage extends WbElement {
  static override styles = [pageStyles, css`:host { display: flex; flex-direction: column; height: 100%; max-width: none; } wb-data-table { flex: 1; }`];

  override render() {
    const t = (k: string) => this.i18n.t(k);
    const outcome = (o: string) => t(o === 'ok' ? 'audit.ok' : 'audit.error');
    const columns: Column<AuditRow>[] = [
      { key: 'at', title: t('audit.at'), type: 'datetime', width: '150px' },
      { key: 'sentence', title: t('audit.sentence'), width: '3fr', render: (r) => this.i18n.text(r.sentence) },
      { key: 'outcome', title: t('audit.outcome'), width: '90px', render: (r) => outcome(r.outcome), filter: { options: [{ value: 'ok', label: t('audit.ok') }, { value: 'error', label: t('audit.error') }] } },
      { key: 'actorDisplayName', title: t('audit.actor'), width: '120px', hidden: true },
      { key: 'plugin', title: t('audit.plugin'), width: '110px', hidden: true },
      { key: 'action', title: t('audit.action'), hidden: true },
      { key: 'target', title: t('audit.target'), hidden: true },
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
