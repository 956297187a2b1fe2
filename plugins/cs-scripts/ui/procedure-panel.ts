import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { controlStyles, panelStyles, reportFilters, WbElement } from '@workbench/ui';
import type { Procedure, Run, RunStep } from '../server/procedures/procedure-store.js';
import './procedure-editor.js';

/** An after-sales case number such as AS-12; anything else is taken for an order number. */
const CASE_REF = /^AS-?\d+$/i;

/**
 * 处理流程: start a procedure against an order or a case, then work down its steps by keyboard —
 * the open step's note field has the focus, Enter ticks it and moves to the next; after the last,
 * Enter on 完成 finishes.
 */
@customElement('wb-cs-scripts-procedures')
export class CsScriptsProcedurePanel extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: flex; flex-direction: column; gap: 10px; padding: 12px; box-sizing: border-box; max-width: 760px; }
    form.start { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
    form.start input { width: 16em; }
    ol.steps { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
    li.step { border: 1px solid var(--wb-border, #e0e0e0); border-radius: 4px; padding: 6px 8px; display: grid; grid-template-columns: 1.6em 1fr; gap: 2px 6px; }
    li.step.current { border-color: var(--wb-accent, #0e639c); box-shadow: 0 0 0 1px var(--wb-accent, #0e639c); }
    li.step.done .title { color: var(--wb-muted, #616161); }
    .mark { grid-row: span 3; font-weight: 600; }
    .hint, .who { font-size: 11px; color: var(--wb-muted, #616161); grid-column: 2; }
    .note { grid-column: 2; white-space: pre-wrap; }
    li.step input { grid-column: 2; width: 100%; box-sizing: border-box; }
    .ended { font-weight: 600; }
    .actions { display: flex; gap: 6px; align-items: center; }
    ul.runs { margin: 0; padding-left: 1.2em; }
    h3 { margin: 4px 0 0; font-size: 13px; }
  `];

  @state() private procedures: Procedure[] = [];
  @state() private subject = '';
  @state() private procedure = 'logistics-complaint';
  @state() private run: Run | undefined;
  @state() private earlier: Run[] = [];
  @state() private running: Run[] = [];
  @state() private error = '';
  @state() private abandoning = false;
  @query('input.current-note') private noteInput?: HTMLInputElement;
  @query('button.finish') private finishButton?: HTMLButtonElement;
  @query('input[name=subject]') private subjectInput?: HTMLInputElement;

  /** From the tab's address: `?orderNo=…` or `?caseNo=…`, `&run=<id>`. */
  @property({ attribute: false }) set filters(f: Record<string, string>) {
    this.subject = f.orderNo ?? f.caseNo ?? this.subject;
    this.pendingRun = f.run ? Number(f.run) : undefined;
    // The shell may set the filters before the element is connected, when its services are not there yet.
    if (this.hasUpdated) this.openFromAddress();
  }

  private pendingRun: number | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.api.get<{ items: Procedure[] }>('/cs-scripts/procedures').then((r) => (this.procedures = r.items), (e) => this.notifications.error(e));
    // Checklists left open (a page reloaded, a shift handed over) to pick up again.
    void this.api.get<{ items: Run[] }>('/cs-scripts/runs', { state: 'running' }).then((r) => (this.running = r.items), (e) => this.notifications.error(e));
  }

  override firstUpdated(): void {
    this.subjectInput?.focus();
    this.openFromAddress();
  }

  /** A run named in the address opens; an order or case alone shows the checklists it already had. */
  private openFromAddress(): void {
    if (this.pendingRun) void this.open(this.pendingRun);
    else if (this.subject.trim()) void this.loadEarlier().catch((e: unknown) => this.notifications.error(e));
  }

  protected override updated(changed: PropertyValues): void {
    // Keep the keyboard where the work is: the open step's note, or 完成 once every step is ticked.
    if (changed.has('run') && this.run?.state === 'running') (this.noteInput ?? this.finishButton)?.focus();
  }

  override render() {
    return html`
      <form class="start" @submit=${(e: Event) => void this.start(e)}>
        <input name="subject" .value=${this.subject} placeholder=${this.t('订单编号或售后单号（AS-12）', 'Order number or case number (AS-12)')}
          aria-label=${this.t('订单编号或售后单号', 'Order or case number')} @input=${(e: Event) => (this.subject = (e.target as HTMLInputElement).value)} />
        <select name="procedure" aria-label=${this.t('流程', 'Procedure')} .value=${this.procedure} @change=${(e: Event) => (this.procedure = (e.target as HTMLSelectElement).value)}>
          ${this.procedures.map((p) => html`<option value=${p.code} ?selected=${p.code === this.procedure}>${p.name}</option>`)}
        </select>
        <button class="primary" type="submit">${this.t('开始', 'Start')}</button>
      </form>
      ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
      ${this.run ? this.renderRun(this.run) : this.running.length ? html`<h3>${this.t('进行中的处理', 'Checklists under way')}</h3>
        <ul class="runs open">${this.running.map((r) => html`<li><a href="#" @click=${(e: Event) => { e.preventDefault(); void this.open(r.id); }}>${r.procedureName} · ${r.subjectRef}</a>
          ${r.buyerNick ?? ''} · ${this.i18n.dateTime(r.startedAt)} ${r.startedByName}</li>`)}</ul>` : nothing}
      ${this.earlier.length ? html`<h3>${this.t('这张单的处理记录', 'Checklists of this order')}</h3>
        <ul class="runs">${this.earlier.map((r) => html`<li><a href="#" @click=${(e: Event) => { e.preventDefault(); void this.open(r.id); }}>${r.procedureName}</a>
          · ${this.stateText(r)} · ${this.i18n.dateTime(r.startedAt)} ${r.startedByName}</li>`)}</ul>` : nothing}
      ${this.workbench.can('cs-scripts.procedures.edit')
        ? html`<wb-cs-scripts-procedure-editor .procedures=${this.procedures}
            @procedure-saved=${(e: CustomEvent<Procedure>) => (this.procedures = this.procedures.map((p) => (p.id === e.detail.id ? e.detail : p)))}></wb-cs-scripts-procedure-editor>`
        : nothing}`;
  }

  private stateText(r: Run): string {
    return r.state === 'running' ? this.t('进行中', 'running') : r.state === 'finished' ? this.t('已完成', 'finished') : this.t('已放弃', 'abandoned');
  }

  private renderRun(run: Run) {
    const current = run.state === 'running' ? run.steps.find((s) => s.doneAt === null) : undefined;
    return html`
      <h3>${run.procedureName} · ${run.subjectRef}${run.buyerNick ? html` · ${run.buyerNick}` : nothing} · <span class="state">${this.stateText(run)}</span></h3>
      <ol class="steps">${run.steps.map((s) => this.renderStep(s, s === current))}</ol>
      ${run.state === 'running' ? html`
        <div class="actions">
          <button class="primary finish" ?disabled=${current !== undefined} @click=${() => void this.finish()}>${this.t('完成', 'Finish')}</button>
          ${this.abandoning
            ? html`<input class="reason" placeholder=${this.t('为什么放弃？回车确认', 'Why abandon? Enter to confirm')} aria-label=${this.t('放弃原因', 'Reason')}
                @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') void this.abandon((e.target as HTMLInputElement).value); if (e.key === 'Escape') this.abandoning = false; }} />`
            : html`<button @click=${() => (this.abandoning = true)}>${this.t('放弃', 'Abandon')}</button>`}
        </div>`
        : html`<p class="ended">${run.state === 'abandoned' ? `${this.t('已放弃', 'Abandoned')}：${run.abandonReason ?? ''}` : this.t('已完成', 'Finished')} · ${run.endedByName ?? ''} ${run.endedAt ? this.i18n.dateTime(run.endedAt) : ''}</p>`}`;
  }

  private renderStep(s: RunStep, current: boolean) {
    return html`<li class="step ${s.doneAt ? 'done' : ''} ${current ? 'current' : ''}">
      <span class="mark">${s.doneAt ? '✓' : `${s.position}.`}</span>
      <span class="title">${s.title}</span>
      ${s.hint ? html`<span class="hint">${s.hint}</span>` : nothing}
      ${current
        ? html`<input class="current-note" placeholder=${this.t('记下情况，回车勾选并进入下一步', 'Note what happened; Enter ticks and moves on')} aria-label=${`${s.position}. ${s.title}`}
            @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') { e.preventDefault(); void this.tick(s, (e.target as HTMLInputElement).value); } }} />`
        : nothing}
      ${s.doneAt ? html`${s.note ? html`<span class="note">${s.note}</span>` : nothing}<span class="who">${s.doneByName} · ${this.i18n.dateTime(s.doneAt)}</span>` : nothing}
    </li>`;
  }

  private async start(event: Event): Promise<void> {
    event.preventDefault();
    const ref = this.subject.trim();
    const body = CASE_REF.test(ref) ? { procedure: this.procedure, caseNo: ref } : { procedure: this.procedure, orderNo: ref };
    try {
      this.run = await this.api.post<Run>('/cs-scripts/runs', body);
      this.error = '';
      reportFilters(this, { ...('caseNo' in body ? { caseNo: ref } : { orderNo: ref }), run: String(this.run.id) });
      await this.loadEarlier();
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  private async open(id: number): Promise<void> {
    try {
      this.run = await this.api.get<Run>(`/cs-scripts/runs/${id}`);
      await this.loadEarlier();
    } catch (error) {
      this.notifications.error(error);
    }
  }

  private async loadEarlier(): Promise<void> {
    const ref = this.run?.subjectRef ?? this.subject.trim();
    const isCase = this.run ? this.run.subject === 'case' : CASE_REF.test(ref);
    const query = isCase ? { caseNo: ref } : { orderNo: ref };
    this.earlier = (await this.api.get<{ items: Run[] }>('/cs-scripts/runs', query)).items.filter((r) => r.id !== this.run?.id);
  }

  private async act(path: string, body: Record<string, unknown> = {}): Promise<void> {
    try {
      this.run = await this.api.post<Run>(path, body);
      this.error = '';
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  private tick(step: RunStep, note: string) {
    return this.act(`/cs-scripts/runs/${this.run!.id}/steps/${step.position}`, { note });
  }

  private finish() {
    return this.act(`/cs-scripts/runs/${this.run!.id}/finish`);
  }

  private async abandon(reason: string): Promise<void> {
    await this.act(`/cs-scripts/runs/${this.run!.id}/abandon`, { reason });
    if (this.run?.state === 'abandoned') this.abandoning = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-cs-scripts-procedures': CsScriptsProcedurePanel;
  }
}
