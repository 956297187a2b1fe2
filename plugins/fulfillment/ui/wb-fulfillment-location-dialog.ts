import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiError, changes, controlStyles, WbElement } from '@workbench/ui';
import { fulfillmentStyles } from './styles.js';
import { LOCATION_KIND_NAMES, type LocationKind, type LocationRow } from './wb-fulfillment-inventory-records.js';

type Mode = 'one' | 'range';
type SpanKey = 'shelves' | 'levels' | 'bins';

interface Draft {
  code: string;
  zone: string;
  shelves: [string, string];
  levels: [string, string];
  bins: [string, string];
  kind: LocationKind;
  capacity: string;
  pathOrder: string;
}

const empty = (): Draft => ({ code: '', zone: 'A', shelves: ['1', '1'], levels: ['1', '1'], bins: ['1', '1'], kind: 'pick', capacity: '', pathOrder: '' });
const two = (n: number) => String(n).padStart(2, '0');
const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined);

/**
 * 新建库位: one location by its code (A-01-02-03), or a whole block of a zone — shelves × levels ×
 * bins — at once, with a preview of the codes before anything is made. Codes that exist are skipped.
 */
@customElement('wb-fulfillment-location-dialog')
export class FulfillmentLocationDialog extends WbElement {
  static override styles = [
    controlStyles,
    fulfillmentStyles,
    css`
      fieldset.mode { border: none; padding: 0; margin: 0 0 10px; display: flex; gap: 14px; }
      fieldset.mode label { display: inline-flex; gap: 4px; align-items: center; }
      .span { display: flex; gap: 6px; align-items: center; }
      .span input { width: 64px; }
      input.code { text-transform: uppercase; }
      .preview { margin: 10px 0 0; }
      .problem { margin: 8px 0 0; }
    `,
  ];

  @state() private opened = false;
  @state() private mode: Mode = 'range';
  @state() private draft: Draft = empty();
  @state() private problem = '';
  @state() private busy = false;

  show(mode: Mode = 'range'): void {
    this.mode = mode;
    this.draft = empty();
    this.problem = '';
    this.opened = true;
  }

  override render() {
    if (!this.opened) return nothing;
    const d = this.draft;
    const set = (patch: Partial<Draft>) => ((this.draft = { ...d, ...patch }), (this.problem = ''));
    const text = (key: 'code' | 'zone' | 'capacity' | 'pathOrder') => (e: Event) => set({ [key]: (e.target as HTMLInputElement).value });
    return html`<wb-dialog heading=${this.t('新建库位', 'New locations')} open @close=${() => (this.opened = false)}>
      <form @submit=${(e: Event) => (e.preventDefault(), void this.save())} @keydown=${this.onKey}>
        <fieldset class="mode" aria-label=${this.t('建法', 'How many')}>
          <label><input type="radio" name="mode" value="range" .checked=${this.mode === 'range'} @change=${() => (this.mode = 'range')} />${this.t('整片货架', 'A block')}</label>
          <label><input type="radio" name="mode" value="one" .checked=${this.mode === 'one'} @change=${() => (this.mode = 'one')} />${this.t('单个库位', 'One location')}</label>
        </fieldset>
        <div class="grid">
          ${this.mode === 'one'
            ? html`<label for="code">${this.t('库位编号', 'Code')}</label>
                <input id="code" name="code" class="code" placeholder="A-01-02-03" .value=${d.code} @input=${text('code')} />
                <label for="path">${this.t('路径顺序', 'Path order')}</label>
                <input id="path" name="pathOrder" inputmode="numeric" placeholder=${this.t('不填则按编号排', 'Empty: by code')} .value=${d.pathOrder} @input=${text('pathOrder')} />`
            : html`<label for="zone">${this.t('区', 'Zone')}</label>
                <input id="zone" name="zone" class="code" maxlength="2" .value=${d.zone} @input=${text('zone')} />
                ${this.span('shelves', this.t('货架', 'Shelves'))}${this.span('levels', this.t('层', 'Levels'))}${this.span('bins', this.t('位', 'Bins'))}`}
          <label for="kind">${this.t('类型', 'Kind')}</label>
          <select id="kind" name="kind" @change=${(e: Event) => set({ kind: (e.target as HTMLSelectElement).value as LocationKind })}>
            ${(['pick', 'storage'] as const).map((k) => html`<option value=${k} ?selected=${d.kind === k}>${this.i18n.text(LOCATION_KIND_NAMES[k])}</option>`)}
          </select>
          <label for="capacity">${this.t('容量（件）', 'Capacity (pieces)')}</label>
          <input id="capacity" name="capacity" inputmode="numeric" placeholder=${this.t('可不填', 'Optional')} .value=${d.capacity} @input=${text('capacity')} />
        </div>
        ${this.mode === 'range' ? html`<p class="preview hint" role="status">${this.preview()}</p>` : nothing}
        ${this.problem ? html`<p class="problem error" role="alert">${this.problem}</p>` : nothing}
      </form>
      <button slot="actions" @click=${() => (this.opened = false)}>${this.t('取消', 'Cancel')}</button>
      <button slot="actions" class="primary save" ?disabled=${this.busy} @click=${() => void this.save()}>${this.t('建库位', 'Create')}</button>
    </wb-dialog>`;
  }

  private span(key: SpanKey, label: string) {
    const [from, to] = this.draft[key];
    const set = (i: 0 | 1) => (e: Event) => {
      const next: [string, string] = [...this.draft[key]];
      next[i] = (e.target as HTMLInputElement).value;
      this.draft = { ...this.draft, [key]: next };
      this.problem = '';
    };
    return html`<label for="${key}-from">${label}</label>
      <span class="span">
        <input id="${key}-from" name="${key}-from" inputmode="numeric" aria-label=${`${label} ${this.t('从', 'from')}`} .value=${from} @input=${set(0)} />
        <span>${this.t('到', 'to')}</span>
        <input id="${key}-to" name="${key}-to" inputmode="numeric" aria-label=${`${label} ${this.t('到', 'to')}`} .value=${to} @input=${set(1)} />
      </span>`;
  }

  /** The block's numbers, or undefined when one of them is not a number 1–99 or runs backwards. */
  private spans(): Record<SpanKey, { from: number; to: number }> | undefined {
    const out = {} as Record<SpanKey, { from: number; to: number }>;
    for (const key of ['shelves', 'levels', 'bins'] as const) {
      const [from, to] = this.draft[key].map(whole);
      if (from === undefined || to === undefined || from < 1 || to > 99 || from > to) return undefined;
      out[key] = { from, to };
    }
    return out;
  }

  private preview(): string {
    const s = this.spans();
    const zone = this.draft.zone.trim().toUpperCase();
    if (!s || !/^[A-Z]{1,2}$/.test(zone)) return this.t('区写 1～2 个字母；货架、层、位写 1～99 的数字，从小到大', 'A zone of one or two letters; shelves, levels and bins from 1 to 99, low to high');
    const n = (['shelves', 'levels', 'bins'] as const).reduce((acc, k) => acc * (s[k].to - s[k].from + 1), 1);
    const first = `${zone}-${two(s.shelves.from)}-${two(s.levels.from)}-${two(s.bins.from)}`;
    const last = `${zone}-${two(s.shelves.to)}-${two(s.levels.to)}-${two(s.bins.to)}`;
    return n === 1 ? this.t(`将建 1 个库位：${first}`, `Creates 1 location: ${first}`) : this.t(`将建 ${n} 个库位：${first} … ${last}`, `Creates ${n} locations: ${first} … ${last}`);
  }

  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      void this.save();
    }
  };

  private async save(): Promise<void> {
    if (this.busy) return;
    const d = this.draft;
    const capacity = d.capacity.trim() === '' ? undefined : whole(d.capacity);
    if (capacity === undefined && d.capacity.trim() !== '') return void (this.problem = this.t('容量写一个正整数，或留空', 'Capacity is a whole number, or empty'));
    const common = { kind: d.kind, ...(capacity ? { capacity } : {}) };
    let body: Record<string, unknown>;
    if (this.mode === 'one') {
      const pathOrder = d.pathOrder.trim() === '' ? undefined : whole(d.pathOrder);
      if (pathOrder === undefined && d.pathOrder.trim() !== '') return void (this.problem = this.t('路径顺序写一个整数，或留空', 'Path order is a whole number, or empty'));
      if (!d.code.trim()) return void (this.problem = this.t('请填写库位编号，如 A-01-02-03', 'Write the code, e.g. A-01-02-03'));
      body = { code: d.code.trim().toUpperCase(), ...common, ...(pathOrder !== undefined ? { pathOrder } : {}) };
    } else {
      const spans = this.spans();
      if (!spans) return void (this.problem = this.preview());
      body = { zone: d.zone.trim().toUpperCase(), ...spans, ...common };
    }
    this.busy = true;
    try {
      if (this.mode === 'one') {
        const made = await this.api.post<LocationRow>('/fulfillment/locations', body);
        this.notifications.notify('success', this.t(`已建库位 ${made.code}`, `Location ${made.code} created`));
      } else {
        const made = await this.api.post<{ created: LocationRow[]; skipped: string[] }>('/fulfillment/locations/range', body);
        const skipped = made.skipped.length ? this.t(`，${made.skipped.length} 个已有的跳过`, `; ${made.skipped.length} existing skipped`) : '';
        this.notifications.notify('success', this.t(`已建 ${made.created.length} 个库位${skipped}`, `${made.created.length} locations created${skipped}`));
      }
      changes.announce('fulfillment.locations');
      this.opened = false;
    } catch (error) {
      this.problem = error instanceof ApiError ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-location-dialog': FulfillmentLocationDialog;
  }
}
