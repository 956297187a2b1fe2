import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formString } from './schema-form-strings.js';
import { testPattern } from './schema-form-kinds.js';
import { controlStyles } from './styles.js';
import { WbElement } from './wb-element.js';

export interface NamedPattern {
  name: string;
  pattern: string;
}

/**
 * Try a pattern before saving it: type an example, see whether it matches. With several patterns
 * (a courier per row) it names the ones the example matches.
 *
 * @example html`<wb-pattern-tester .patterns=${[{ name: '', pattern: '^[0-9]{1,4}号?$' }]}></wb-pattern-tester>`
 */
@customElement('wb-pattern-tester')
export class WbPatternTester extends WbElement {
  static override styles = [
    controlStyles,
    css`
      :host { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; font-size: 12px; }
      input { width: 220px; max-width: 100%; }
      .pass { color: var(--wb-success, #2e7d32); }
      .fail { color: var(--wb-danger, #b3261e); }
    `,
  ];

  @property({ attribute: false }) patterns: NamedPattern[] = [];
  @property() label = '';
  @state() private sample = '';

  override render() {
    const s = (key: Parameters<typeof formString>[1], params?: Record<string, string>) => formString(this.i18n.locale, key, params);
    return html`<label class="muted" for="sample">${this.label || s('test')}</label>
      <input id="sample" class="sample" placeholder=${s('sample')} .value=${this.sample} @input=${(e: Event) => (this.sample = (e.target as HTMLInputElement).value)} />
      <span class="result" role="status">${this.sample ? this.result(s) : nothing}</span>`;
  }

  private result(s: (key: Parameters<typeof formString>[1], params?: Record<string, string>) => string) {
    const outcomes = this.patterns.map((p) => ({ ...p, matched: testPattern(p.pattern, this.sample) }));
    if (outcomes.length === 1) {
      const [only] = outcomes;
      if (only!.matched === undefined) return html`<span class="fail">${s('broken')}</span>`;
      return only!.matched ? html`<span class="pass">✓ ${s('match')}</span>` : html`<span class="fail">✗ ${s('noMatch')}</span>`;
    }
    const hits = outcomes.filter((o) => o.matched).map((o) => o.name);
    return hits.length ? html`<span class="pass">✓ ${s('matches', { names: hits.join(this.en ? ', ' : '、') })}</span>` : html`<span class="fail">✗ ${s('matchesNone')}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-pattern-tester': WbPatternTester;
  }
}
