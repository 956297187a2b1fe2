import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles, panelStyles, WbElement, type LocalizedText } from '@workbench/ui';

interface Scorecard {
  supplier: { points: number; standing: string; fixBy: string | null };
  gate: { allowed: boolean; needsOwnerApproval: boolean; reason: LocalizedText };
  thresholds: { approvalAt: number; endAt: number; fixDays: number };
  kinds: { kind: string; name: LocalizedText; points: number }[];
  entries: { id: number; kind: string; kindName: LocalizedText; points: number; pointsAfter: number; reference: string | null; note: string; recordedAt: string; clearedAt: string | null }[];
}

const ASPECTS = [
  ['price', '价格', 'Price'],
  ['reputation', '信誉', 'Reputation'],
  ['sales', '销售记录', 'Sales record'],
  ['reviews', '评价', 'Reviews'],
] as const;

/** A supplier's scorecard (points, what they mean, every breach, a form to record one) and its onboarding evaluation. */
@customElement('wb-procurement-supplier-card')
export class ProcurementSupplierCard extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    .gate { padding: 6px 8px; border-radius: 4px; background: #eef7ee; }
    .gate.approval { background: #fff4e0; }
    .gate.ended { background: #fde8e8; }
    .meter { display: flex; gap: 8px; align-items: center; font-size: 12px; }
    .meter progress { flex: 1; max-width: 320px; }
    table { width: 100%; border-collapse: collapse; font-size: 13px; }
    th, td { padding: 3px 6px; border-bottom: 1px solid var(--wb-border, #ddd); text-align: left; }
    td.num, th.num { text-align: right; }
    tr.cleared { color: var(--wb-muted, #888); }
    form { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-top: 6px; }
    label { font-size: 12px; display: flex; flex-direction: column; gap: 2px; }
  `];

  @property({ type: Number }) supplierId = 0;
  @state() private card: Scorecard | undefined;
  @state() private evaluations: { id: number; total: number; decision: string; scores: Record<string, number>; evaluatedAt: string }[] = [];

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('supplierId') && this.supplierId) void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.card = await this.api.get<Scorecard>(`/procurement/suppliers/${this.supplierId}/scorecard`);
      this.evaluations = (await this.api.get<{ items: ProcurementSupplierCard['evaluations'] }>(`/procurement/suppliers/${this.supplierId}/evaluations`)).items;
    } catch (error) {
      this.notifications.error(error);
    }
  }

  private async record(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    try {
      const done = await this.api.post<{ explanation: LocalizedText }>(`/procurement/suppliers/${this.supplierId}/breaches`, { kind: String(data.get('kind')), reference: String(data.get('reference') ?? '') || null, note: String(data.get('note') ?? '') });
      this.notifications.notify('success', this.i18n.text(done.explanation));
      form.reset();
      await this.load();
      this.dispatchEvent(new CustomEvent('changed'));
    } catch (error) {
      this.notifications.error(error);
    }
  }

  private async evaluate(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    try {
      await this.api.post(`/procurement/suppliers/${this.supplierId}/evaluations`, {
        scores: Object.fromEntries(ASPECTS.map(([k]) => [k, Number(data.get(k))])),
        decision: String(data.get('decision')),
      });
      await this.load();
    } catch (error) {
      this.notifications.error(error);
    }
  }

  override render() {
    const c = this.card;
    if (!c) return nothing;
    const standing = c.supplier.standing;
    return html`
      <h3>${this.t('供应商考核', 'Scorecard')}</h3>
      <div class="meter"><progress max=${c.thresholds.endAt} .value=${Math.min(c.supplier.points, c.thresholds.endAt)}></progress>
        <span>${this.t(`${c.supplier.points} 分 ／ ${c.thresholds.approvalAt} 分需批准 ／ ${c.thresholds.endAt} 分终止`, `${c.supplier.points} points / ${c.thresholds.approvalAt} need approval / ${c.thresholds.endAt} end`)}</span></div>
      <p class="gate ${standing}" data-gate>${this.i18n.text(c.gate.reason)}</p>
      <table>
        <thead><tr><th>${this.t('时间', 'When')}</th><th>${this.t('违约', 'Breach')}</th><th class="num">${this.t('扣分', 'Points')}</th><th class="num">${this.t('累计', 'Total')}</th><th>${this.t('单据／说明', 'Reference / note')}</th></tr></thead>
        <tbody>${c.entries.map((e) => html`<tr class=${e.clearedAt ? 'cleared' : ''}><td>${this.i18n.dateTime(e.recordedAt)}</td><td>${this.i18n.text(e.kindName)}</td><td class="num">${e.points}</td><td class="num">${e.pointsAfter}</td><td>${[e.reference, e.note].filter(Boolean).join(' · ')}</td></tr>`)}</tbody>
      </table>
      <form @submit=${(e: SubmitEvent) => void this.record(e)}>
        <select name="kind" aria-label=${this.t('违约类型', 'Kind of breach')}>${c.kinds.map((k) => html`<option value=${k.kind}>${this.i18n.text(k.name)}（${k.points}）</option>`)}</select>
        <input name="reference" placeholder=${this.t('采购单号', 'PO number')} aria-label=${this.t('采购单号', 'PO number')}>
        <input name="note" placeholder=${this.t('说明', 'Note')} aria-label=${this.t('说明', 'Note')}>
        <button>${this.t('记录违约', 'Record a breach')}</button>
      </form>
      <h3>${this.t('入围评估', 'Onboarding evaluation')}</h3>
      ${this.evaluations.length ? html`<p>${this.evaluations.map((e) => html`<span>${this.i18n.date(e.evaluatedAt)}：${this.t(`${e.total}/20 分`, `${e.total}/20`)}（${e.decision}） </span>`)}</p>` : nothing}
      <form @submit=${(e: SubmitEvent) => void this.evaluate(e)}>
        ${ASPECTS.map(([k, zh, en]) => html`<label>${this.t(zh, en)}<select name=${k}>${[5, 4, 3, 2, 1].map((n) => html`<option>${n}</option>`)}</select></label>`)}
        <label>${this.t('结论', 'Decision')}<select name="decision"><option value="accept">${this.t('入围', 'Accept')}</option><option value="trial">${this.t('试用', 'Trial')}</option><option value="reject">${this.t('不用', 'Reject')}</option></select></label>
        <button>${this.t('保存评估', 'Save the evaluation')}</button>
      </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-procurement-supplier-card': ProcurementSupplierCard;
  }
}
