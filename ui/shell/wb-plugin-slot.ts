import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { i18nContext } from '../kit/contexts.js';
import type { I18n } from '../kit/i18n.js';
import { loaderContext } from './shell-contexts.js';
import type { PluginLoader } from './plugin-loader.js';

/**
 * Shows one contributed element (a view, editor, widget or status item). The plugin's UI module
 * is loaded first, on demand; if it fails, the slot says so and the rest of the shell goes on.
 */
@customElement('wb-plugin-slot')
export class WbPluginSlot extends LitElement {
  static override styles = css`
    :host { display: contents; }
    .failed { color: var(--wb-danger, #c42b1c); padding: 8px; }
  `;

  @property() plugin = '';
  @property() element = '';
  /** Set on the created element as properties, e.g. `{ recordId: '12' }` for an editor. */
  @property({ attribute: false }) props: Record<string, unknown> = {};
  @consume({ context: loaderContext }) private loader?: PluginLoader;
  @consume({ context: i18nContext }) private i18n?: I18n;
  @state() private node?: HTMLElement;
  @state() private error = '';

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('plugin') || changed.has('element')) void this.create();
    else if (changed.has('props') && this.node) Object.assign(this.node, this.props);
  }

  private async create(): Promise<void> {
    const { plugin, element } = this;
    this.node = undefined;
    this.error = '';
    try {
      await this.loader?.load(plugin);
      if (!customElements.get(element)) throw new Error(`<${element}> is not defined by the plugin's UI module`);
      if (plugin !== this.plugin || element !== this.element) return; // changed while loading
      const node = document.createElement(element);
      Object.assign(node, this.props);
      this.node = node;
    } catch (error) {
      this.error = this.i18n?.t('view.loadFailed', { plugin, message: error instanceof Error ? error.message : String(error) }) ?? String(error);
    }
  }

  override render() {
    if (this.error) return html`<div class="failed" role="alert">${this.error}</div>`;
    return this.node ?? nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-plugin-slot': WbPluginSlot;
  }
}
