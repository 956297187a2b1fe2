import { css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { LocalizedText } from './i18n.js';
import { WbElement } from './wb-element.js';

export interface ChartSeries {
  name: LocalizedText;
  values: number[];
}

const W = 320;
const H = 180;
const PAD = { left: 48, right: 8, top: 10, bottom: 24 };

/** Round tick steps: 1, 2, 5 × 10ⁿ, so the axis reads 0 / 50 / 100 rather than 0 / 47 / 94. */
function niceStep(max: number, ticks = 4): number {
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
}

/**
 * A small SVG chart for dashboards: grouped bars or lines, axis from zero, legend for several
 * series. Money series are integer 分 and shown as ¥. Screen readers get the numbers as a table.
 *
 * @example
 * html`<wb-chart type="line" format="money" .labels=${['周一', '周二']}
 *   .series=${[{ name: '销售额', values: [129900, 99900] }]}></wb-chart>`
 */
@customElement('wb-chart')
export class WbChart extends WbElement {
  static override styles = css`
    :host { display: block; }
    svg { width: 100%; height: auto; display: block; }
    .axis { stroke: var(--wb-border, #ccc); }
    text { fill: var(--wb-muted, #6b6b6b); font-size: 11px; }
    .legend { display: flex; gap: 12px; font-size: 12px; flex-wrap: wrap; }
    .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; }
    .empty { color: var(--wb-muted, #6b6b6b); }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    .c0 { fill: var(--wb-chart-1, #0a64c8); stroke: var(--wb-chart-1, #0a64c8); background: var(--wb-chart-1, #0a64c8); }
    .c1 { fill: var(--wb-chart-2, #e07b00); stroke: var(--wb-chart-2, #e07b00); background: var(--wb-chart-2, #e07b00); }
    .c2 { fill: var(--wb-chart-3, #2e7d32); stroke: var(--wb-chart-3, #2e7d32); background: var(--wb-chart-3, #2e7d32); }
    .c3 { fill: var(--wb-chart-4, #8e24aa); stroke: var(--wb-chart-4, #8e24aa); background: var(--wb-chart-4, #8e24aa); }
    .c4 { fill: var(--wb-chart-5, #c62828); stroke: var(--wb-chart-5, #c62828); background: var(--wb-chart-5, #c62828); }
    .c5 { fill: var(--wb-chart-6, #00838f); stroke: var(--wb-chart-6, #00838f); background: var(--wb-chart-6, #00838f); }
    polyline { fill: none; stroke-width: 2; }
  `;

  @property() type: 'bar' | 'line' = 'bar';
  @property({ attribute: false }) series: ChartSeries[] = [];
  @property({ attribute: false }) labels: string[] = [];
  @property() format: 'number' | 'money' = 'number';
  @property() heading = '';

  private show(value: number): string {
    return this.format === 'money' ? this.i18n.money(value) : this.i18n.number(value);
  }

  override render() {
    const all = this.series.flatMap((s) => s.values);
    if (!all.length) return html`<p class="empty">${this.i18n.locale === 'en' ? 'No data' : '暂无数据'}</p>`;
    const step = niceStep(Math.max(1, ...all));
    const top = Math.ceil(Math.max(1, ...all) / step) * step;
    const plotW = W - PAD.left - PAD.right;
    const plotH = H - PAD.top - PAD.bottom;
    const y = (v: number) => PAD.top + plotH - (Math.max(0, v) / top) * plotH;
    const slot = plotW / Math.max(1, this.labels.length);
    const every = Math.ceil(this.labels.length / Math.max(1, Math.floor(plotW / 48)));
    const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
    const name = (s: ChartSeries) => this.i18n.text(s.name);
    const summary = `${this.heading} ${this.series.map((s) => `${name(s)}: ${s.values.map((v, i) => `${this.labels[i] ?? i} ${this.show(v)}`).join(', ')}`).join('; ')}`;
    const barW = (slot * 0.7) / Math.max(1, this.series.length);
    return html`${this.series.length > 1 ? html`<div class="legend">${this.series.map((s, i) => html`<span><span class="swatch c${i % 6}"></span>${name(s)}</span>`)}</div>` : nothing}
      <svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${summary.trim()}>
        ${ticks.map((t) => svg`<line class="axis" x1=${PAD.left} x2=${W - PAD.right} y1=${y(t)} y2=${y(t)}></line><text x=${PAD.left - 6} y=${y(t) + 4} text-anchor="end">${this.show(t)}</text>`)}
        ${this.labels.map((l, i) => (i % every === 0 ? svg`<text x=${PAD.left + slot * (i + 0.5)} y=${H - 8} text-anchor="middle">${l}</text>` : nothing))}
        ${this.series.map((s, si) =>
          this.type === 'bar'
            ? s.values.map((v, i) => svg`<rect class="c${si % 6}" x=${PAD.left + slot * i + slot * 0.15 + barW * si} y=${y(v)} width=${barW} height=${PAD.top + plotH - y(v)}><title>${name(s)} ${this.labels[i] ?? ''}: ${this.show(v)}</title></rect>`)
            : svg`<polyline class="c${si % 6}" points=${s.values.map((v, i) => `${PAD.left + slot * (i + 0.5)},${y(v)}`).join(' ')}></polyline>
                ${s.values.map((v, i) => svg`<circle class="c${si % 6}" cx=${PAD.left + slot * (i + 0.5)} cy=${y(v)} r="3"><title>${name(s)} ${this.labels[i] ?? ''}: ${this.show(v)}</title></circle>`)}`,
        )}
      </svg>
      <table class="sr">
        <tr><th></th>${this.labels.map((l) => html`<th>${l}</th>`)}</tr>
        ${this.series.map((s) => html`<tr><th>${name(s)}</th>${s.values.map((v) => html`<td>${this.show(v)}</td>`)}</tr>`)}
      </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-chart': WbChart;
  }
}
