import { css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { controlStyles, repeat, WbElement } from '@workbench/ui';
import { labelStyles, statusBadge, statusName } from './labels.js';
import { beep, deepActiveElement, ScanQueue, shown, takesTyping } from './scan-input.js';
import { fulfillmentStyles } from './styles.js';
import { applyScan, type ScanAnswer, type Verification, type VerifyLine } from './wb-fulfillment-verify-records.js';
import './wb-fulfillment-verify-lines.js';

/** What the clerk asked for, in the order they asked: a scanned code, the next order, or a restart. */
type Step = { kind: 'code'; code: string } | { kind: 'next' } | { kind: 'reset' };

interface Banner {
  tone: 'fail' | 'pass' | 'info';
  text: string;
  /** Counts banners, so the same refusal twice still flashes and is announced again. */
  seq: number;
}

/**
 * 复核台: one scan field that keeps the focus. First the order (order number or tracking number),
 * then each item (barcode or 商家编码). A wrong, surplus or unknown item is refused loudly — a
 * red banner with the server's words and a beep — and the last item shows 复核完成，请打包.
 * Keyboard only: Enter scans, F2 starts the order's scans again, Escape goes to the next order.
 */
@customElement('wb-fulfillment-verify-station')
export class FulfillmentVerifyStation extends WbElement {
  static override styles = [controlStyles, fulfillmentStyles, labelStyles, css`
    :host { display: block; height: 100%; overflow: auto; background: var(--wb-bg, #fff); }
    .station { max-width: 1100px; margin: 0 auto; padding: 16px 24px 24px; display: flex; flex-direction: column; gap: 14px; }
    header { display: flex; align-items: baseline; gap: 16px; flex-wrap: wrap; }
    header h2 { font-size: 22px; margin: 0; }
    .order-no { font-size: 22px; font-weight: 700; font-family: var(--wb-font-mono, monospace); }
    .prompt { font-size: 18px; font-weight: 600; }
    input.scan { font-size: 30px; padding: 10px 14px; width: 100%; box-sizing: border-box; border-width: 3px; border-color: var(--wb-fg, #1f1f1f); font-family: var(--wb-font-mono, monospace); }
    input.scan:focus-visible, input.scan:focus { outline: 3px solid var(--wb-focus, #0a64c8); outline-offset: 2px; }
    .queue { font-size: 14px; min-height: 20px; color: var(--wb-muted, #616161); }
    .banner { font-size: 28px; font-weight: 800; padding: 18px 22px; border-radius: 8px; line-height: 1.35; }
    .banner.info { background: var(--wb-tabs-bg, #ececec); color: var(--wb-fg, #1f1f1f); font-size: 22px; font-weight: 600; }
    .banner.fail { background: var(--wb-danger, #b3261e); color: var(--wb-bg, #fff); animation: shake 0.35s; }
    .banner.pass { background: var(--wb-success, #2e7d32); color: var(--wb-bg, #fff); font-size: 40px; text-align: center; }
    @keyframes shake { 0%, 100% { transform: none; } 25% { transform: translateX(-10px); } 75% { transform: translateX(10px); } }
    @media (prefers-reduced-motion: reduce) { .banner.fail { animation: none; } }
    .receiver { font-size: 16px; display: flex; gap: 18px; flex-wrap: wrap; }
    .note { font-size: 18px; font-weight: 600; padding: 8px 12px; border-left: 6px solid var(--wb-warning, #9a5b00); background: var(--wb-tabs-bg, #ececec); }
    .keys { font-size: 14px; color: var(--wb-muted, #616161); display: flex; gap: 18px; flex-wrap: wrap; margin: 0; }
    kbd { font-family: var(--wb-font-mono, monospace); border: 1px solid var(--wb-border, #d4d4d4); border-bottom-width: 2px; border-radius: 4px; padding: 0 5px; color: var(--wb-fg, #1f1f1f); }
    .buttons { display: flex; gap: 8px; }
  `];

  /** The tab's id (`station`); one station per tab, whatever order it works on. */
  @property() recordId = '';
  @state() private verification?: Verification;
  @state() private banner: Banner = { tone: 'info', text: '', seq: 0 };
  @state() private pending = 0;
  @state() private last?: Pick<VerifyLine, 'skuId' | 'skuCode'>;
  @query('input.scan') private field?: HTMLInputElement;
  private readonly queue = new ScanQueue<Step>((step) => this.run(step), () => (this.pending = this.queue.pending));
  private visibility?: IntersectionObserver;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onWindowKey, true);
    // The tab comes to the front (its panel stops being display:none): the field takes the focus.
    this.visibility = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && this.focusField());
    this.visibility.observe(this);
    if (!this.banner.text) this.show('info', this.askForOrder());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onWindowKey, true);
    this.visibility?.disconnect();
  }

  protected override firstUpdated(): void {
    this.focusField();
  }

  private askForOrder(): string {
    return this.t('请扫描订单号或运单号', 'Scan the order number or the tracking number');
  }

  private focusField(): void {
    if (this.field && shown(this) && this.shadowRoot?.activeElement !== this.field) this.field.focus();
  }

  /**
   * A scanner types wherever the focus is. While the station is on screen and nothing else takes
   * typing (the palette, a dialog, a field of another panel), keys land in the scan field.
   */
  private readonly onWindowKey = (event: KeyboardEvent) => {
    if (!shown(this) || event.ctrlKey || event.altKey || event.metaKey) return;
    const active = deepActiveElement();
    if (active === this.field) return;
    if (event.key === 'F2' || event.key === 'Escape') {
      if (takesTyping(active)) return;
      event.preventDefault();
      this.queue.push({ kind: event.key === 'F2' ? 'reset' : 'next' });
      this.focusField();
      return;
    }
    if ((event.key.length === 1 || event.key === 'Enter') && !takesTyping(active)) this.focusField();
  };

  private onKey(event: KeyboardEvent): void {
    const input = event.target as HTMLInputElement;
    if (event.key === 'Enter') {
      event.preventDefault();
      const code = input.value.trim();
      input.value = '';
      if (code) this.queue.push({ kind: 'code', code });
      else if (this.verification?.complete) this.queue.push({ kind: 'next' });
    } else if (event.key === 'F2') {
      event.preventDefault();
      this.queue.push({ kind: 'reset' });
    } else if (event.key === 'Escape') {
      event.preventDefault();
      input.value = '';
      this.queue.push({ kind: 'next' });
    }
  }

  private show(tone: Banner['tone'], text: string): void {
    this.banner = { tone, text, seq: this.banner.seq + 1 };
  }

  private refuse(error: unknown): void {
    this.show('fail', error instanceof Error ? error.message : String(error));
    beep('refused');
  }

  private async run(step: Step): Promise<void> {
    try {
      if (step.kind === 'next') return this.next();
      if (step.kind === 'reset') return await this.reset();
      if (!this.verification || this.verification.complete) return await this.open(step.code);
      await this.scan(step.code);
    } finally {
      this.focusField();
    }
  }

  private next(): void {
    this.verification = undefined;
    this.last = undefined;
    this.show('info', this.askForOrder());
  }

  private async open(ref: string): Promise<void> {
    try {
      const found = await this.api.get<Verification>(`/fulfillment/verification/${encodeURIComponent(ref)}`);
      this.verification = found;
      this.last = undefined;
      const o = found.order;
      if (found.complete || o.status === 'verified') this.show('pass', this.t(`订单 ${o.orderNo} 已复核过，可以打包`, `Order ${o.orderNo} is already verified; pack it`));
      else if (o.status !== 'picked') {
        const state = this.i18n.text(statusName(o.status));
        this.refuse(this.t(`订单 ${o.orderNo} 现在是「${state}」，只有「已拣货」的订单才能复核`, `Order ${o.orderNo} is "${state}"; only picked orders are verified`));
      }
      else this.show('info', this.t(`订单 ${o.orderNo}：请逐件扫描商品`, `Order ${o.orderNo}: scan each item`));
    } catch (error) {
      this.verification = undefined;
      this.refuse(error);
    }
  }

  private async scan(code: string): Promise<void> {
    const current = this.verification!;
    try {
      const answer = await this.api.post<ScanAnswer>(`/fulfillment/verification/${current.order.id}/scan`, { code });
      const next = applyScan(current, answer);
      this.verification = next;
      this.last = answer.line;
      if (next.complete) {
        this.show('pass', this.t('复核完成，请打包', 'Verified — pack it'));
        beep('done');
      } else {
        const line = answer.line;
        this.show('info', this.t(`${line.skuCode}：已扫 ${line.scanned} / ${line.expected}`, `${line.skuCode}: ${line.scanned} of ${line.expected} scanned`));
      }
    } catch (error) {
      this.refuse(error);
    }
  }

  private async reset(): Promise<void> {
    const current = this.verification;
    if (!current) return this.show('info', this.askForOrder());
    try {
      this.verification = await this.api.post<Verification>(`/fulfillment/verification/${current.order.id}/reset`, {});
      this.last = undefined;
      this.show('info', this.t(`订单 ${current.order.orderNo} 已清空扫描，请从头逐件扫描`, `Scans of order ${current.order.orderNo} cleared; scan each item again`));
    } catch (error) {
      this.refuse(error);
    }
  }

  override render() {
    const v = this.verification;
    const o = v?.order;
    const prompt = !v || v.complete ? this.t('扫描订单号或运单号', 'Scan the order or tracking number') : this.t('扫描商品条码或商家编码', 'Scan the item barcode or SKU code');
    return html`<div class="station">
      <header>
        <h2>${this.t('复核台', 'Verification station')}</h2>
        ${o ? html`<span class="order-no">${o.orderNo}</span>${statusBadge(o.status, (n) => this.i18n.text(n))}` : nothing}
      </header>
      <label class="prompt" for="scan">${prompt}</label>
      <input id="scan" class="scan" autocomplete="off" spellcheck="false" autocapitalize="off" enterkeyhint="enter" @keydown=${this.onKey} />
      <div class="queue" aria-live="polite">${this.pending > 1 ? this.t(`处理中，还有 ${this.pending - 1} 个扫描排队`, `Working; ${this.pending - 1} more scans queued`) : nothing}</div>
      ${repeat([this.banner], (b) => b.seq, (b) => html`<div class="banner ${b.tone}" role=${b.tone === 'fail' ? 'alert' : 'status'}>${b.text}</div>`)}
      ${o ? html`<div class="receiver">
          <span>${this.t('收件人', 'Receiver')}：<span class=${o.receiverMasked ? 'masked' : ''}>${o.receiverName}</span></span>
          ${o.receiverRegion ? html`<span>${o.receiverRegion}</span>` : nothing}
          ${o.trackingNo ? html`<span>${this.t('运单号', 'Tracking no.')}：${o.trackingNo}</span>` : nothing}
        </div>
        ${o.buyerMessage ? html`<div class="note">${this.t('买家留言', 'Buyer message')}：${o.buyerMessage}</div>` : nothing}
        ${o.sellerRemark ? html`<div class="note">${this.t('卖家备注', 'Seller remark')}：${o.sellerRemark}</div>` : nothing}` : nothing}
      ${v ? html`<wb-fulfillment-verify-lines .lines=${v.lines} .last=${this.last}></wb-fulfillment-verify-lines>` : nothing}
      <p class="keys">
        <span><kbd>Enter</kbd> ${this.t('确认扫描', 'scan')}</span>
        <span><kbd>F2</kbd> ${this.t('本单重新复核', 'restart this order')}</span>
        <span><kbd>Esc</kbd> ${this.t('下一单', 'next order')}</span>
      </p>
      <div class="buttons">
        <button tabindex="-1" ?disabled=${!v} @click=${() => this.queue.push({ kind: 'reset' })}>${this.t('本单重新复核（F2）', 'Restart this order (F2)')}</button>
        <button tabindex="-1" @click=${() => this.queue.push({ kind: 'next' })}>${this.t('下一单（Esc）', 'Next order (Esc)')}</button>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-verify-station': FulfillmentVerifyStation;
  }
}
