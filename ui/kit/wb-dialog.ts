import { css, html, LitElement } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { controlStyles } from './styles.js';

/**
 * A modal dialog on the native `<dialog>`: focus stays inside while it is open, Esc closes it,
 * and focus returns to where it was. Put the content in the default slot and the buttons in
 * `actions`.
 *
 * @fires close - when the dialog closes (Esc, a `close` button, or `close()`); detail: `{ returnValue }`
 * @slot - the content
 * @slot actions - the buttons, right-aligned
 *
 * @example
 * html`<wb-dialog heading="新建笔记" open @close=${…}>
 *   <input …>
 *   <button slot="actions" class="primary" @click=${save}>保存</button>
 * </wb-dialog>`
 */
@customElement('wb-dialog')
export class WbDialog extends LitElement {
  static override styles = [
    controlStyles,
    css`
      dialog {
        border: 1px solid var(--wb-border, #c8c8c8);
        border-radius: 8px;
        background: var(--wb-bg, #fff);
        color: var(--wb-fg, #1f1f1f);
        padding: 0;
        min-width: min(420px, 90vw);
        max-width: 90vw;
        box-shadow: 0 12px 40px rgb(0 0 0 / 0.3);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.35);
      }
      h2 {
        font-size: 15px;
        margin: 0;
        padding: 14px 18px 0;
      }
      .body {
        padding: 12px 18px;
        max-height: 70vh;
        overflow: auto;
      }
      .actions {
        display: flex;
        justify-content: flex-end;
        gap: 8px;
        padding: 0 18px 14px;
      }
    `,
  ];

  @property() heading = '';
  @property({ type: Boolean, reflect: true }) open = false;
  @query('dialog') private dialog!: HTMLDialogElement;
  returnValue = '';

  override render() {
    return html`<dialog aria-labelledby="title" @close=${this._onClose} @cancel=${() => (this.returnValue = 'cancel')}>
      <h2 id="title">${this.heading}</h2>
      <div class="body"><slot></slot></div>
      <div class="actions"><slot name="actions"></slot></div>
    </dialog>`;
  }

  protected override updated(): void {
    if (this.open && !this.dialog.open) this.dialog.showModal();
    if (!this.open && this.dialog.open) this.dialog.close(this.returnValue);
  }

  close(returnValue = ''): void {
    this.returnValue = returnValue;
    this.open = false;
  }

  private _onClose() {
    this.open = false;
    this.dispatchEvent(new CustomEvent('close', { detail: { returnValue: this.returnValue }, bubbles: true, composed: true }));
  }
}

/** Texts of a confirmation; the buttons default to 确定 / 取消 (OK / Cancel in English pages). */
export interface ConfirmOptions {
  heading: string;
  message: string;
  confirmLabel?: string;
  cancelLabel?: string;
  danger?: boolean;
}

/**
 * Asks a yes/no question in a modal and resolves to the answer. `host` is the element asking;
 * the dialog is placed in its shadow root so it inherits the workbench's theme.
 *
 * @example
 * if (await confirmDialog(this, { heading: '删除笔记', message: '删除后不能恢复。', danger: true })) remove();
 */
export function confirmDialog(host: Element, options: ConfirmOptions): Promise<boolean> {
  const english = document.documentElement.lang === 'en';
  const dialog = document.createElement('wb-dialog');
  dialog.heading = options.heading;
  const message = document.createElement('p');
  message.textContent = options.message;
  const ok = document.createElement('button');
  ok.slot = 'actions';
  ok.className = options.danger ? 'danger' : 'primary';
  ok.textContent = options.confirmLabel ?? (english ? 'OK' : '确定');
  const cancel = document.createElement('button');
  cancel.slot = 'actions';
  cancel.textContent = options.cancelLabel ?? (english ? 'Cancel' : '取消');
  dialog.append(message, cancel, ok);
  ok.addEventListener('click', () => dialog.close('ok'));
  cancel.addEventListener('click', () => dialog.close('cancel'));
  (host.shadowRoot ?? host).appendChild(dialog);
  dialog.open = true;
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'ok');
    });
    void dialog.updateComplete.then(() => ok.focus());
  });
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-dialog': WbDialog;
  }
}
