import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { changes, panelStyles, ReloadOnChange, shopDay, WbElement, yuanToFen, type LocalizedText } from '@workbench/ui';

interface Fund {
  balanceFen: number;
  incomeFen: number;
  spentFen: number;
  byPerson: { staffId: number; name: string; code: string; amountFen: number; count: number }[];
  byRule: { rule: string; title: LocalizedText; amountFen: number; count: number }[];
  spending: { id: number; date: string; amountFen: number; note: string; receiptNo: string }[];
}

/** 部门基金: open to everyone — what came in, from whom and for what, and what it paid for. */
@customElement('wb-staff-rules-fund')
export class StaffRulesFund extends WbElement {
  static override styles = [
    panelStyles,
    css`
      :host { display: block; padding: 8px 12px; }
      .sums { display: flex; gap: 24px; flex-wrap: wrap; margin: 4px 0 12px; }
      .sums strong { font-size: 1.4em; display: block; font-variant-numeric: tabular-nums; }
      .cols { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 16px; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; }
    `,
  ];

  @state() private fund: Fund | null = null;
  @state() private problem = '';
  private readonly reloadOnChange = new ReloadOnChange(this, ['staff-rules.fines', 'staff-rules.fund'], { reload: () => this.load(), onConnect: true });

  private async load(): Promise<void> {
    try {
      this.fund = await this.api.get<Fund>('/staff-rules/fund');
    } catch (error) {
      this.notifications.error(error);
    }
  }

  override render() {
    const f = this.fund;
    if (!f) return html`<p class="hint">${this.t('加载中…', 'Loading…')}</p>`;
    return html`<div class="sums">
        <div>${this.t('余额', 'Balance')}<strong>${this.i18n.money(f.balanceFen)}</strong></div>
        <div>${this.t('累计收入', 'Taken in')}<strong>${this.i18n.money(f.incomeFen)}</strong></div>
        <div>${this.t('累计支出', 'Spent')}<strong>${this.i18n.money(f.spentFen)}</strong></div>
      </div>
      <div class="cols">
        <section>
          <h3>${this.t('按人', 'By person')}</h3>
          <table class="list"><tbody>
            ${f.byPerson.map((p) => html`<tr><td>${p.code} ${p.name}</td><td class="num">${p.count} ${this.t('笔', '×')}</td><td class="num">${this.i18n.money(p.amountFen)}</td></tr>`)}
          </tbody></table>
        </section>
        <section>
          <h3>${this.t('按规则', 'By rule')}</h3>
          <table class="list"><tbody>
            ${f.byRule.map((r) => html`<tr><td>${this.i18n.text(r.title)}</td><td class="num">${r.count} ${this.t('笔', '×')}</td><td class="num">${this.i18n.money(r.amountFen)}</td></tr>`)}
          </tbody></table>
        </section>
      </div>
      <section>
        <h3>${this.t('支出', 'Spending')}</h3>
        ${f.spending.length
          ? html`<table class="list"><thead><tr><th>${this.t('日期', 'Date')}</th><th>${this.t('用途', 'What for')}</th><th>${this.t('票据号', 'Receipt')}</th><th>${this.t('金额', 'Amount')}</th></tr></thead><tbody>
              ${f.spending.map((s) => html`<tr><td>${s.date}</td><td>${s.note}</td><td>${s.receiptNo}</td><td class="num">${this.i18n.money(s.amountFen)}</td></tr>`)}
            </tbody></table>`
          : html`<p class="hint">${this.t('还没有支出', 'Nothing spent yet')}</p>`}
        ${this.workbench.can('staff-rules.fund.spend') ? this.renderSpend() : nothing}
      </section>`;
  }

  private renderSpend() {
    return html`<form class="grid" aria-label=${this.t('记一笔支出', 'Record spending')} @submit=${this.spend}>
      <label for="date">${this.t('日期', 'Date')}</label><input id="date" name="date" type="date" required .value=${shopDay()} />
      <label for="amount">${this.t('金额（元）', 'Amount (元)')}</label><input id="amount" name="amount" inputmode="decimal" required />
      <label for="note">${this.t('用途', 'What for')}</label><input id="note" name="note" required maxlength="500" />
      <label for="receipt">${this.t('票据号', 'Receipt number')}</label><input id="receipt" name="receiptNo" required maxlength="64" />
      <span></span><div><button class="primary" type="submit">${this.t('记录支出', 'Record it')}</button>${this.problem ? html`<p class="field-error" role="alert">${this.problem}</p>` : nothing}</div>
    </form>`;
  }

  private readonly spend = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    // Taken before any await: once the event is dispatched, its target out of the shadow root is gone.
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    this.problem = '';
    try {
      await this.api.post('/staff-rules/fund/spending', { date: data.get('date'), amountFen: yuanToFen(String(data.get('amount') ?? '')), note: data.get('note'), receiptNo: data.get('receiptNo') });
      form.reset();
      changes.announce('staff-rules.fund');
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-staff-rules-fund': StaffRulesFund;
  }
}
