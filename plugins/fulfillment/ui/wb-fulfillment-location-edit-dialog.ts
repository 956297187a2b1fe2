import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiError, changes, controlStyles, WbElement } from '@workbench/ui';
import { fulfillmentStyles } from './styles.js';
import { LOCATION_KIND_NAMES, type LocationKind, type LocationRow } from './wb-fulfillment-inventory-records.js';

interface Draft {
  kind: LocationKind;
  pathOrder: string;
  capacity: string;
  active: boolean;
  skuCode: string;
}

const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined);

/**
 * One location's settings: pick face or storage, its place in the walk (路径顺序), capacity, in
 * use or not, and the SKU card of an empty bin. Sends the version read; a stale one reloads.
 */
@customElement('wb-fulfillment-location-edit-dialog')
export class FulfillmentLocationEditDialog extends WbElement {
  static override styles = [
    controlStyles,
    fulfillmentStyles,
    css`
      .active { display: inline-flex; gap: 6px; align-items: center; }
      .grid input[type='checkbox'] { width: auto; }
      input.code { text-transform: uppercase; }
      .problem { margin: 8px 0 0; }
    `,
  ];

  @state() private location?: LocationRow;
  @state() private draft?: Draft;
  @state() private problem = '';
  @state() private busy = false;

  show(location: LocationRow): void {
    this.location = location;
    this.draft = { kind: location.kind, pathOrder: String(location.pathOrder), capacity: location.capacity === null ? '' : String(location.capacity), active: location.active, skuCode: location.skuCode ?? '' };
    this.problem = '';
  }

  override render() {
    const l = this.location;
    const d = this.draft;
    if (!l || !d) return nothing;
    const set = (patch: Partial<Draft>) => ((this.draft = { ...d, ...patch }), (this.problem = ''));
    const text = (key: 'pathOrder' | 'capacity' | 'skuCode') => (e: Event) => set({ [key]: (e.target as HTMLInputElement).value });
    return html`<wb-dialog heading=${this.t(`库位 ${l.code}`, `Location ${l.code}`)} open @close=${() => (this.location = undefined)}>
      <form @submit=${(e: Event) => (e.preventDefault(), void this.save())} @keydown=${this.onKey}>
        <p class="hint">${l.skuCode ? this.t(`放着 ${l.skuCode}，${l.qty} 件`, `Holds ${l.qty} of ${l.skuCode}`) : this.t('空库位', 'Empty')}</p>
        <div class="grid">
          <label for="kind">${this.t('类型', 'Kind')}</label>
          <select id="kind" name="kind" @change=${(e: Event) => set({ kind: (e.target as HTMLSelectElement).value as LocationKind })}>
            ${(['pick', 'storage'] as const).map((k) => html`<option value=${k} ?selected=${d.kind === k}>${this.i18n.text(LOCATION_KIND_NAMES[k])}</option>`)}
          </select>
          <label for="path">${this.t('路径顺序', 'Path order')}</label>
          <input id="path" name="pathOrder" inputmode="numeric" .value=${d.pathOrder} @input=${text('pathOrder')} />
          <label for="capacity">${this.t('容量（件）', 'Capacity (pieces)')}</label>
          <input id="capacity" name="capacity" inputmode="numeric" placeholder=${this.t('可不填', 'Optional')} .value=${d.capacity} @input=${text('capacity')} />
          <label for="sku">${this.t('所放 SKU', 'SKU card')}</label>
          <input id="sku" name="skuCode" class="code" ?disabled=${l.qty !== 0} title=${l.qty !== 0 ? this.t('有货的库位不能换 SKU', 'A bin holding stock keeps its SKU') : ''} placeholder=${this.t('空库位可指定商家编码', 'An empty bin may be given a SKU code')} .value=${d.skuCode} @input=${text('skuCode')} />
          <span></span>
          <label class="active"><input type="checkbox" name="active" .checked=${d.active} @change=${(e: Event) => set({ active: (e.target as HTMLInputElement).checked })} />${this.t('在用', 'In use')}</label>
        </div>
        ${this.problem ? html`<p class="problem error" role="alert">${this.problem}</p>` : nothing}
      </form>
      <button slot="actions" @click=${() => (this.location = undefined)}>${this.t('取消', 'Cancel')}</button>
      <button slot="actions" class="primary save" ?disabled=${this.busy} @click=${() => void this.save()}>${this.t('保存', 'Save')}</button>
    </wb-dialog>`;
  }

  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      void this.save();
    }
  };

  private async save(): Promise<void> {
    const l = this.location;
    const d = this.draft;
    if (!l || !d || this.busy) return;
    const pathOrder = whole(d.pathOrder);
    const capacity = d.capacity.trim() === '' ? null : whole(d.capacity);
    if (pathOrder === undefined) return void (this.problem = this.t('路径顺序写一个整数', 'Path order is a whole number'));
    if (capacity === undefined || capacity === 0) return void (this.problem = this.t('容量写一个正整数，或留空', 'Capacity is a whole number above 0, or empty'));
    const sku = d.skuCode.trim().toUpperCase();
    const body: Record<string, unknown> = { version: l.version, kind: d.kind, pathOrder, capacity, active: d.active };
    if (sku !== (l.skuCode ?? '').toUpperCase()) body.skuCode = sku || null;
    this.busy = true;
    try {
      const saved = await this.api.patch<LocationRow>(`/fulfillment/locations/${l.id}`, body);
      this.notifications.notify('success', this.t(`库位 ${saved.code} 已保存`, `Location ${saved.code} saved`));
      changes.announce('fulfillment.locations');
      this.location = undefined;
    } catch (error) {
      const fresh = error instanceof ApiError && error.status === 409 ? await this.api.get<LocationRow>(`/fulfillment/locations/${l.id}`).catch(() => undefined) : undefined;
      if (fresh && fresh.version !== l.version) {
        // Someone changed it meanwhile: show theirs and let the clerk make the change again.
        this.show(fresh);
        this.problem = this.t('别人刚改过这个库位，已载入最新内容，请再改一次。', 'Someone else just changed this location; the latest is loaded — make your change again.');
        changes.announce('fulfillment.locations');
      } else this.problem = error instanceof ApiError ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-location-edit-dialog': FulfillmentLocationEditDialog;
  }
}
