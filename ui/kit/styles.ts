import { css } from 'lit';

/**
 * Buttons, inputs and focus rings shared by the shell and plugin panels, so a plugin's form looks
 * like the workbench's own. Colours come from the theme's custom properties (see ui/style.css).
 *
 * @example
 * static styles = [controlStyles, css`:host { display: block; }`];
 * html`<button class="primary">保存</button>`
 */
export const controlStyles = css`
  :host {
    color: var(--wb-fg, #1f1f1f);
    font: inherit;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    border: 1px solid var(--wb-border, #c8c8c8);
    background: var(--wb-button-bg, #f3f3f3);
    border-radius: 4px;
    padding: 4px 12px;
    min-height: 28px;
    cursor: pointer;
  }
  button:hover {
    background: var(--wb-hover, #e8e8e8);
  }
  button.primary {
    background: var(--wb-accent, #0a64c8);
    border-color: var(--wb-accent, #0a64c8);
    color: var(--wb-accent-fg, #fff);
  }
  button.danger {
    background: var(--wb-danger, #c42b1c);
    border-color: var(--wb-danger, #c42b1c);
    color: #fff;
  }
  button.link {
    border: none;
    background: none;
    color: var(--wb-link, var(--wb-accent, #0a64c8));
    padding: 0 2px;
    min-height: 0;
  }
  button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    border: 1px solid var(--wb-border, #c8c8c8);
    background: var(--wb-input-bg, #fff);
    border-radius: 4px;
    padding: 4px 8px;
    min-height: 28px;
    box-sizing: border-box;
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--wb-danger, #c42b1c);
  }
  :is(button, input, select, textarea, a, [tabindex]):focus-visible {
    outline: 2px solid var(--wb-focus, #0a64c8);
    outline-offset: 1px;
  }
  .error {
    color: var(--wb-danger, #c42b1c);
  }
  .muted {
    color: var(--wb-muted, #6b6b6b);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
