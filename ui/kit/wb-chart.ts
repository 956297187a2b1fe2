import { css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type uPlot from 'uplot';
import { uplotStyles } from './chart-styles.js';
import type { LocalizedText } from './i18n.js';
import { WbElement } from './wb-element.js';

export interface ChartSeries {
  name: LocalizedText;
  values: number[];
}

type UPlot = typeof uPlot;
let library: Promise<UPlot> | undefined;
/**
 * uPlot is fetched the first time a chart is drawn, as a chunk of its own (esbuild splits dynamic
 * imports), so the shell's first load never carries it.
 */
export const loadUPlot = (): Promise<UPlot> => (library ??= import('uplot').then((m) => m.default));

const COLOURS = 6;
const HEIGHT = 180;

/**
 * A dashboard chart drawn by uPlot, loaded on demand: bars (up to two series side by side) or
 * lines over labelled points (days), axis from zero, a legend that shows the values under the
 * pointer. Money series are integer 分 and shown as ¥. Screen readers get the numbers as a table,
 * and the chart's label sums them up. Colours are the theme's `--wb-chart-1…6`, redrawn when the
 * theme changes.
 *
 * @example
 * html`<wb-chart type="line" format="money" heading="近七天销售额" .labels=${['11-10', '11-11']}
 *   .series=${[{ name: { 'zh-CN': '销售额', en: 'Sales' }, values: [129900, 99900] }]}></wb-chart>`
 */
@customElement('wb-chart')
export class WbChart extends WbElement {
  static override styles = css`
    ${uplotStyles}
    :host { display: block; position: relative; min-height: ${HEIGHT}px; }
    .plot { width: 100%; }
    .empty, .failed { color: var(--wb-muted, #616161); margin: 0; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  `;

  @property() type: 'bar' | 'line' = 'bar';
  @property({ attribute: false }) series: ChartSeries[] = [];
  @property({ attribute: false }) labels: string[] = [];
  @property() format: 'number' | 'money' = 'number';
  @property() heading = '';
  /** What the points are, named in the legend beside the one under the pointer (日期 / Day). */
  @property() xLabel = '';
  @state() private failed = '';

  private plot?: uPlot;
  private resize?: ResizeObserver;
  private themeWatch?: MutationObserver;

  private show(value: number | null | undefined): string {
    if (value === null || value === undefined) return '';
    return this.format === 'money' ? this.i18n.money(value) : this.i18n.number(value);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize = new ResizeObserver(() => this.plot?.setSize({ width: this.width(), height: HEIGHT }));
    this.resize.observe(this);
    this.themeWatch = new MutationObserver(() => void this.draw());
    this.themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'lang'] });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
    this.themeWatch?.disconnect();
    this.plot?.destroy();
    this.plot = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('series') || changed.has('labels') || changed.has('type') || changed.has('format')) void this.draw();
  }

  private width(): number {
    return Math.max(160, Math.floor(this.getBoundingClientRect().width));
  }

  private colour(i: number): string {
    return getComputedStyle(this).getPropertyValue(`--wb-chart-${(i % COLOURS) + 1}`).trim() || '#0a64c8';
  }

  private async draw(): Promise<void> {
    const target = this.renderRoot.querySelector<HTMLElement>('.plot');
    if (!target || !this.series.some((s) => s.values.length)) {
      this.plot?.destroy();
      this.plot = undefined;
      return;
    }
    let UPlot: UPlot;
    try {
      UPlot = await loadUPlot();
    } catch (error) {
      this.failed = error instanceof Error ? error.message : String(error);
      return;
    }
    this.failed = '';
    this.plot?.destroy();
    const style = getComputedStyle(this);
    const muted = style.getPropertyValue('--wb-muted').trim() || '#616161';
    const grid = style.getPropertyValue('--wb-border').trim() || '#d0d0d0';
    const labels = this.labels;
    const bars = this.type === 'bar';
    const pair = bars && this.series.length > 1;
    const axis = { stroke: muted, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, font: '11px system-ui, sans-serif' };
    const x = labels.map((_, i) => i);
    const options: uPlot.Options = {
      width: this.width(),
      height: HEIGHT,
      scales: { x: { time: false, range: bars ? [-0.5, Math.max(0, labels.length - 0.5)] : undefined }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] } },
      axes: [
        { ...axis, grid: { show: false }, values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) ? (labels[t] ?? '') : '')), incrs: [1, 2, 5, 7, 10] },
        { ...axis, size: this.format === 'money' ? 70 : 44, values: (_u, ticks) => ticks.map((t) => this.show(t)) },
      ],
      legend: { show: true, live: true },
      cursor: { drag: { x: false, y: false }, points: { size: 7 } },
      series: [
        { label: this.xLabel, value: (_u, v) => (v === null ? '' : (labels[v] ?? '')) },
        ...this.series.map((s, i): uPlot.Series => ({
          label: this.i18n.text(s.name),
          stroke: this.colour(i),
          fill: bars ? this.colour(i) : undefined,
          width: bars ? 0 : 2,
          value: (_u, v) => this.show(v),
          paths: bars ? UPlot.paths.bars!({ size: [pair ? 0.4 : 0.7, 48], align: pair ? (i === 0 ? -1 : 1) : 0 }) : undefined,
          points: { show: !bars, size: 5 },
        })),
      ],
    };
    this.plot = new UPlot(options, [x, ...this.series.map((s) => s.values)], target);
  }

  override render() {
    if (!this.series.some((s) => s.values.length)) return html`<p class="empty">${this.i18n.locale === 'en' ? 'No data' : '暂无数据'}</p>`;
    const name = (s: ChartSeries) => this.i18n.text(s.name);
    const summary = `${this.heading} ${this.series.map((s) => `${name(s)}: ${s.values.map((v, i) => `${this.labels[i] ?? i} ${this.show(v)}`).join(', ')}`).join('; ')}`.trim();
    return html`<div class="plot" role="img" aria-label=${summary}></div>
      ${this.failed ? html`<p class="failed" role="alert">${this.i18n.locale === 'en' ? 'The chart could not be drawn' : '图表无法显示'}: ${this.failed}</p>` : ''}
      <table class="sr">
        ${this.heading ? html`<caption>${this.heading}</caption>` : ''}
        <tr><th></th>${this.labels.map((l) => html`<th scope="col">${l}</th>`)}</tr>
        ${this.series.map((s) => html`<tr><th scope="row">${name(s)}</th>${s.values.map((v) => html`<td>${this.show(v)}</td>`)}</tr>`)}
      </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-chart': WbChart;
  }
}
