import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { changes, panelStyles, shopDay, WbElement, yuanToFen, type LocalizedText } from '@workbench/ui';
import { CONDUCT_RULES, type StaffItem } from './money-records.js';

type What = 'conduct' | 'case' | 'reward';

const MISTAKES: { id: string; title: LocalizedText }[] = [
  { id: 'cs-remark', title: { 'zh-CN': '客服漏备注或说错', en: 'CS missed a remark or misspoke' } },
  { id: 'label', title: { 'zh-CN': '快递单打错', en: 'Label printed wrong' } },
  { id: 'wrong-pack', title: { 'zh-CN': '发错尺码或颜色', en: 'Wrong size or colour packed' } },
  { id: 'defect-missed', title: { 'zh-CN': '打包未发现瑕疵', en: 'Defect not caught at packing' } },
];

const REWARDS: { id: string; title: LocalizedText }[] = [
  { id: 'loss-saved', title: { 'zh-CN': '为店里挽回损失', en: 'Saved the shop a loss' } },
  { id: 'best-cs', title: { 'zh-CN': '月度最佳客服', en: 'Best CS of the month' } },
  { id: 'refund-better', title: { 'zh-CN': '退款优于行业', en: 'Refunds better than the industry' } },
  { id: 'review-praise', title: { 'zh-CN': '评价中被表扬', en: 'Praised in a review' } },
  { id: 'trainer', title: { 'zh-CN': '带新人奖', en: 'Trainer reward' } },
];

/**
 * What a supervisor records, with the facts: a conduct fine, an after-sales mistake entered by
 * hand (its people by 工号, the return shipping) or a reward. The server prices each.
 */
@customElement('wb-staff-rules-record-form')
export class StaffRulesRecordForm extends WbElement {
  static override styles = [panelStyles, css`:host { display: block; } form.grid { max-width: 720px; } input[type='checkbox'] { justify-self: start; } .kinds { display: flex; gap: 12px; margin: 4px 0 8px; }`];

  @property({ attribute: false }) staff: StaffItem[] = [];
  @state() private what: What = 'conduct';
  @state() private rule = 'complaint';
  @state() private reward = 'loss-saved';
  @state() private measure = 'hours';
  @state() private problem = '';

  override render() {
    const kinds: [What, string][] = [['conduct', this.t('违纪罚款', 'Conduct fine')], ['case', this.t('售后失误', 'After-sales mistake')], ['reward', this.t('奖励', 'Reward')]];
    return html`<h3>${this.t('记一笔', 'Record')}</h3>
      <div class="kinds" role="radiogroup" aria-label=${this.t('记什么', 'What to record')}>
        ${kinds.map(([id, label]) => html`<label><input type="radio" name="what" value=${id} .checked=${this.what === id} @change=${() => { this.what = id; this.problem = ''; }} /> ${label}</label>`)}
      </div>
      <form class="grid" aria-label=${kinds.find(([id]) => id === this.what)![1]} @submit=${this.submit}>
        ${this.what === 'case' ? this.caseFields() : this.personFields()}
        <label for="date">${this.t('日期', 'Date')}</label>
        <input id="date" name="date" type="date" required .value=${shopDay()} />
        <span></span>
        <div>
          <button class="primary" type="submit">${this.what === 'reward' ? this.t('记录奖励', 'Record the reward') : this.what === 'case' ? this.t('计算分担', 'Price the shares') : this.t('记录罚款', 'Record the fine')}</button>
          ${this.problem ? html`<p class="field-error" role="alert">${this.problem}</p>` : nothing}
        </div>
      </form>`;
  }

  private personFields() {
    const reward = this.what === 'reward';
    return html`<label for="staff">${this.t('员工', 'Person')}</label>
      <select id="staff" name="staffId" required>${this.staff.map((p) => html`<option value=${p.id}>${p.code} ${p.name}</option>`)}</select>
      ${reward
        ? html`<label for="reward">${this.t('奖励', 'Reward')}</label>
            <select id="reward" name="rule" @change=${(e: Event) => (this.reward = (e.target as HTMLSelectElement).value)}>${REWARDS.map((r) => html`<option value=${r.id} ?selected=${r.id === this.reward}>${this.i18n.text(r.title)}</option>`)}</select>
            ${this.rewardFields()}
            <label for="note">${this.t('说明', 'Note')}</label><input id="note" name="note" maxlength="500" />`
        : html`<label for="rule">${this.t('违反', 'Rule')}</label>
            <select id="rule" name="rule" @change=${(e: Event) => (this.rule = (e.target as HTMLSelectElement).value)}>${CONDUCT_RULES.map((r) => html`<option value=${r.id} ?selected=${r.id === this.rule}>${this.i18n.text(r.title)}</option>`)}</select>
            <label for="note">${this.t('事实经过', 'What happened')}</label>
            <input id="note" name="note" required maxlength="500" placeholder=${this.t('例如：买家投诉回复慢，订单 3390001', 'e.g. the buyer complained of slow replies, order 3390001')} />
            ${this.rule === 'contact-leak' ? html`<label for="amount">${this.t('金额（元）', 'Amount (元)')}</label><input id="amount" name="amount" inputmode="decimal" required />` : nothing}`}`;
  }

  private rewardFields() {
    switch (this.reward) {
      case 'loss-saved':
        return html`<label for="saved">${this.t('挽回金额（元）', 'Amount saved (元)')}</label><input id="saved" name="saved" inputmode="decimal" required />`;
      case 'best-cs':
      case 'trainer':
        return html`<label for="place">${this.t('名次', 'Place')}</label><input id="place" name="place" type="number" min="1" max="3" required />`;
      case 'review-praise':
        return html`<label for="reviews">${this.t('表扬条数', 'Reviews')}</label><input id="reviews" name="reviews" type="number" min="1" required value="1" />`;
      default:
        return html`<label for="measure">${this.t('比较', 'Compare')}</label>
          <select id="measure" name="measure" @change=${(e: Event) => (this.measure = (e.target as HTMLSelectElement).value)}>
            <option value="hours" ?selected=${this.measure === 'hours'}>${this.t('平均退款时长（小时）', 'Average hours to refund')}</option>
            <option value="rate" ?selected=${this.measure === 'rate'}>${this.t('退款率（%）', 'Refund rate (%)')}</option>
          </select>
          <label for="shop">${this.t('本店数值', "The shop's figure")}</label><input id="shop" name="shop" inputmode="decimal" required />`;
    }
  }

  private caseFields() {
    return html`<label for="caseId">${this.t('售后单号', 'Case number')}</label><input id="caseId" name="caseId" required maxlength="64" />
      <label for="orderNo">${this.t('订单号', 'Order number')}</label><input id="orderNo" name="orderNo" required maxlength="64" />
      <label for="mistake">${this.t('失误', 'Mistake')}</label>
      <select id="mistake" name="mistake">${MISTAKES.map((m) => html`<option value=${m.id}>${this.i18n.text(m.title)}</option>`)}</select>
      <label for="equipment">${this.t('设备故障', 'Equipment fault')}</label><input id="equipment" name="equipmentFault" type="checkbox" />
      <label for="shipping">${this.t('退货运费（元）', 'Return shipping (元)')}</label><input id="shipping" name="shipping" inputmode="decimal" required />
      <label for="codes">${this.t('责任人工号', 'Staff numbers responsible')}</label>
      <input id="codes" name="codes" required placeholder=${this.t('多人用逗号或空格分开，如 7, 12', 'Several separated by commas or spaces, e.g. 7, 12')} />`;
  }

  private body(data: FormData): { path: string; body: Record<string, unknown> } {
    const text = (k: string) => String(data.get(k) ?? '').trim();
    if (this.what === 'case') {
      return {
        path: '/staff-rules/fines/cases',
        body: {
          caseId: text('caseId'), orderNo: text('orderNo'), mistake: text('mistake'), equipmentFault: data.get('equipmentFault') === 'on',
          returnShippingFen: yuanToFen(text('shipping')), date: text('date'), responsible: text('codes').split(/[\s,，、]+/).filter(Boolean).map((code) => ({ code })),
        },
      };
    }
    const base = { staffId: Number(data.get('staffId')), date: text('date'), note: text('note') };
    if (this.what === 'conduct') return { path: '/staff-rules/fines/conduct', body: { ...base, rule: this.rule, ...(this.rule === 'contact-leak' ? { amountFen: yuanToFen(text('amount')) } : {}) } };
    const facts: Record<string, unknown> = this.reward === 'loss-saved' ? { savedFen: yuanToFen(text('saved')) }
      : this.reward === 'best-cs' || this.reward === 'trainer' ? { place: Number(text('place')) }
      : this.reward === 'review-praise' ? { reviews: Number(text('reviews')) }
      : this.measure === 'hours' ? { measure: 'hours', shopHours: Number(text('shop')) } : { measure: 'rate', shopRatePercent: Number(text('shop')) };
    return { path: '/staff-rules/fines/rewards', body: { ...base, rule: this.reward, ...facts } };
  }

  private readonly submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    // Taken before any await: once the event is dispatched, its target out of the shadow root is gone.
    const form = e.target as HTMLFormElement;
    const { path, body } = this.body(new FormData(form));
    this.problem = '';
    try {
      await this.api.post(path, body);
      this.notifications.notify('success', this.t('已记录', 'Recorded'));
      const date = (form.querySelector('#date') as HTMLInputElement).value;
      form.reset();
      (form.querySelector('#date') as HTMLInputElement).value = date;
      changes.announce('staff-rules.fines');
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-staff-rules-record-form': StaffRulesRecordForm;
  }
}
