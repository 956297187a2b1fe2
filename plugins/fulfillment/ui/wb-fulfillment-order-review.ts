import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, controlStyles } from '@workbench/ui';
import type { OrderStatus } from '../shared/state-names.js';
import { fulfillmentStyles } from './styles.js';
import { FulfillmentOrderPart } from './wb-fulfillment-order-part.js';
import type { Order, ReviewResult } from './wb-fulfillment-order-record.js';

type Action = 'approve' | 'exception' | 'fraud' | 'reopen' | 'close' | 'awaiting-refund';

/** Which review action each state offers (README "Order states"); the server decides in the end. */
const OFFERED: Record<Action, readonly OrderStatus[]> = {
  approve: ['pending', 'exception'],
  exception: ['pending', 'approved'],
  fraud: ['pending', 'exception'],
  reopen: ['exception', 'fraud', 'approved'],
  close: ['pending', 'exception', 'fraud', 'approved'],
  'awaiting-refund': ['pending', 'exception', 'approved'],
};
const NEEDS_REASON: readonly Action[] = ['exception', 'fraud', 'close', 'awaiting-refund'];

/** A Taobao order the buyer paid is refunded and closed on Taobao, not here: it is marked 待退款 instead. */
const paidOnTaobao = (o: Order) => o.source === 'import' && (o.platformStatus === 'paid' || o.platformStatus === 'refunding');
/** States in which the review rules still matter. */
const REVIEWED: readonly OrderStatus[] = ['pending', 'exception', 'fraud', 'approved'];

/**
 * 审单: the review rules on this order with a pass or fail mark each, and the actions a reviewer
 * may take in its state — 审核通过, 转异常, 标记欺诈, 退回待审核, 关闭, or 标记待退款 instead of 关闭 for an
 * order paid on Taobao (those that change the state for a person's reason ask why).
 */
@customElement('wb-fulfillment-order-review')
export class FulfillmentOrderReview extends FulfillmentOrderPart {
  static override styles = [
    controlStyles,
    fulfillmentStyles,
    css`
      li { display: flex; gap: 6px; align-items: baseline; }
      .mark { font-weight: 700; width: 1em; flex: none; }
      .summary { margin: 0 0 6px; font-weight: 600; }
      .exceptions { margin: 6px 0; padding-left: 18px; }
      #reason { width: 100%; box-sizing: border-box; }
    `,
  ];

  @property({ type: Number }) stamp = 0;
  @state() private review?: ReviewResult;
  @state() private asking?: Action;
  @state() private reason = '';
  @state() private problem = '';
  @state() private busy = false;

  protected override willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('stamp') || changed.has('order')) && this.order) {
      if (REVIEWED.includes(this.order.status)) void this.load(this.order.id);
      else this.review = undefined;
    }
  }

  /** Fetched again after a refused approval too, so the failing rules show. */
  async load(id = this.order?.id): Promise<void> {
    if (!id) return;
    try {
      this.review = await this.api.get<ReviewResult>(`/fulfillment/orders/${id}/review`);
    } catch (error) {
      this.notifications.error(error);
    }
  }

  override render() {
    const o = this.order;
    if (!o) return nothing;
    const r = this.review;
    const may = this.workbench.can('fulfillment.orders.review');
    const paid = paidOnTaobao(o);
    const actions = (Object.keys(OFFERED) as Action[]).filter((a) => OFFERED[a].includes(o.status) && (a === 'close' ? !paid : a === 'awaiting-refund' ? paid : true));
    return html`${o.exceptions.length
        ? html`<ul class="exceptions fail" aria-label=${this.t('异常原因', 'Exceptions')}>${o.exceptions.map((x) => html`<li data-code=${x.code}>${x.message}</li>`)}</ul>`
        : nothing}
      ${o.closedReason ? html`<p class="hint">${this.t('关闭原因：', 'Closed because: ')}${o.closedReason}</p>` : nothing}
      ${r
        ? html`<p class="summary ${r.passes ? 'pass' : 'fail'}" role="status">${r.passes ? this.t('审单规则全部通过', 'Every review rule passes') : this.t('有审单规则没通过', 'Some review rules fail')}</p>
            <ul class="plain findings">${r.findings.map((f) => html`<li class=${f.ok ? 'ok' : 'bad'} data-rule=${f.rule}>
              <span class="mark ${f.ok ? 'pass' : 'fail'}" aria-label=${f.ok ? this.t('通过', 'passes') : this.t('未通过', 'fails')}>${f.ok ? '✓' : '✗'}</span><span>${f.message}</span>
            </li>`)}</ul>`
        : REVIEWED.includes(o.status) ? html`<p class="hint">${this.t('正在检查审单规则…', 'Checking the review rules…')}</p>` : nothing}
      ${may && actions.length
        ? html`<div class="actions">${actions.map((a) => html`<button class="act-${a} ${a === 'approve' ? 'primary' : a === 'fraud' || a === 'close' ? 'danger' : ''}" ?disabled=${this.busy} @click=${() => this.start(a)}>${this.label(a)}</button>`)}</div>`
        : nothing}
      ${this.problem && !this.asking ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${this.asking ? this.renderReason(this.asking) : nothing}`;
  }

  private label(a: Action): string {
    const labels: Record<Action, [string, string]> = {
      approve: ['审核通过', 'Approve'],
      exception: ['转异常…', 'Exception…'],
      fraud: ['标记欺诈…', 'Fraud…'],
      reopen: ['退回待审核', 'Back to review'],
      close: ['关闭订单…', 'Close…'],
      'awaiting-refund': ['标记待退款…', 'Awaiting refund…'],
    };
    return this.t(...labels[a]);
  }

  private renderReason(a: Action) {
    const hints: Record<string, [string, string]> = {
      exception: ['写明要人处理什么，例如：买家要改地址，等旺旺回复。', 'Say what a person must sort out, e.g. the buyer is changing the address.'],
      fraud: ['写明为什么认为是欺诈，例如：同一地址短时间内大量下单。', 'Say why it looks like fraud, e.g. many orders to one address in an hour.'],
      close: ['只能关闭未付款或没发出的订单；写明原因，例如：买家申请取消。', 'Only unpaid or unshipped orders can be closed; say why, e.g. the buyer cancelled.'],
      'awaiting-refund': ['买家已在淘宝付款，退款要在淘宝上办；淘宝关闭交易后再导入，订单自动关闭。写明情况，例如：买家不要了，已同意退款。', 'The buyer paid on Taobao, so the refund happens there; the next import after Taobao closes the trade closes the order. Say what happened, e.g. the buyer cancelled and the refund is agreed.'],
    };
    const hint = hints[a] ?? ['', ''];
    return html`<wb-dialog heading=${`${this.label(a).replace('…', '')}：${this.order!.orderNo}`} open @close=${() => (this.asking = undefined)}>
      <label for="reason">${this.t('原因', 'Reason')}</label>
      <input id="reason" .value=${this.reason} aria-invalid=${this.problem ? 'true' : 'false'} @input=${(e: Event) => (this.reason = (e.target as HTMLInputElement).value)}
        @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && (e.preventDefault(), void this.run(a))} />
      <p class="hint">${this.t(hint[0], hint[1])} ${this.t('Enter 确定，Esc 取消。', 'Enter confirms, Esc cancels.')}</p>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      <button slot="actions" @click=${() => (this.asking = undefined)}>${this.t('取消', 'Cancel')}</button>
      <button slot="actions" class="primary confirm-reason" ?disabled=${this.busy} @click=${() => void this.run(a)}>${this.t('确定', 'OK')}</button>
    </wb-dialog>`;
  }

  private start(a: Action): void {
    this.problem = '';
    if (!NEEDS_REASON.includes(a)) {
      void this.run(a);
      return;
    }
    this.reason = '';
    this.asking = a;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#reason')?.focus());
  }

  private async run(a: Action): Promise<void> {
    const o = this.order!;
    const reason = this.reason.trim();
    if (NEEDS_REASON.includes(a) && !reason) {
      this.problem = this.t('请写明原因。', 'Write the reason.');
      return;
    }
    this.busy = true;
    this.problem = '';
    try {
      if (a === 'awaiting-refund') await this.api.post(`/fulfillment/orders/${o.id}/exception`, { version: o.version, reason, code: 'awaiting-refund' });
      else await this.api.post(`/fulfillment/orders/${o.id}/${a}`, NEEDS_REASON.includes(a) ? { version: o.version, reason } : { version: o.version });
      this.asking = undefined;
      const done: Record<Action, [string, string]> = {
        approve: ['已审核通过', 'Approved'],
        exception: ['已转为异常', 'Set to exception'],
        fraud: ['已标记为欺诈', 'Marked as fraud'],
        reopen: ['已退回待审核', 'Back to review'],
        close: ['订单已关闭', 'Order closed'],
        'awaiting-refund': ['已标记待退款', 'Marked awaiting refund'],
      };
      this.notifications.notify('success', this.t(...done[a]));
      this.changed();
    } catch (error) {
      // An approval refused by the rules is said here, beside the rules now marked; a stale
      // version or a move the state does not allow goes to the editor's reload banner.
      if (a === 'approve' && error instanceof ApiError && error.status === 409) {
        await this.load(o.id);
        if (this.review && !this.review.passes) {
          this.problem = error.message;
          return;
        }
      }
      this.problem = this.refused(error);
      if (!this.problem) this.asking = undefined;
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-order-review': FulfillmentOrderReview;
  }
}
