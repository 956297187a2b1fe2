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
    color: var(--wb-on-danger, #fff);
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

/**
 * The layout business panels share: sections, form grids, small edit and list tables, pass/fail
 * marks, badges, hints and field errors. Panels add their own rules beside it.
 *
 * @example static override styles = [controlStyles, panelStyles, css`.total { font-weight: 600; }`];
 */
export const panelStyles = css`
  :host { display: block; }
  h2 { font-size: 16px; margin: 0 0 8px; }
  h3 { font-size: 13px; margin: 16px 0 6px; }
  section { margin-bottom: 16px; }
  .grid { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 6px 12px; align-items: center; max-width: 720px; }
  .grid label { color: var(--wb-muted, #616161); }
  .grid input, .grid select, .grid textarea { width: 100%; box-sizing: border-box; }
  textarea { min-height: 64px; resize: vertical; }
  .row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
  .actions { display: flex; gap: 8px; margin-top: 10px; flex-wrap: wrap; }
  table.edit, table.list { border-collapse: collapse; width: 100%; }
  table.edit th, table.list th { text-align: left; font-weight: 600; font-size: 12px; color: var(--wb-muted, #616161); padding: 4px; border-bottom: 1px solid var(--wb-border, #d4d4d4); }
  table.edit td, table.list td { padding: 3px 4px; border-bottom: 1px solid var(--wb-border-soft, #ececec); vertical-align: middle; }
  table.edit input, table.edit select { width: 100%; box-sizing: border-box; min-width: 0; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
  .pass { color: var(--wb-success, #2e7d32); }
  .fail { color: var(--wb-danger, #b3261e); }
  .warn { color: var(--wb-warning, #9a5b00); }
  .badge { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 12px; background: var(--wb-border-soft, #ececec); }
  .badge.pass { background: var(--wb-success-bg, #e2f4e3); }
  .badge.fail { background: var(--wb-danger-bg, #fde7e5); }
  .counter { font-size: 12px; font-variant-numeric: tabular-nums; }
  .hint { font-size: 12px; color: var(--wb-muted, #616161); }
  .field-error { font-size: 12px; color: var(--wb-danger, #b3261e); grid-column: 2; }
  ul.plain { list-style: none; padding: 0; margin: 0; }
  ul.plain li { padding: 3px 0; }
`;

/**
 * A list panel (a side-bar view or a tab of one): toolbar and filters on top, then the data table
 * filling the rest of the width and height; the toolbar wraps rather than scrolls sideways when
 * the panel is narrow. Includes `controlStyles` and `panelStyles`. A list nested in another panel
 * that already has padding sets `--wb-list-panel-padding: 0` on it.
 *
 * @example static override styles = [listPanelStyles, css`.filters { … }`];
 */
export const listPanelStyles = [
  controlStyles,
  panelStyles,
  css`
    :host { display: flex; flex-direction: column; height: 100%; min-width: 0; box-sizing: border-box; gap: 6px; padding: var(--wb-list-panel-padding, 0 8px 8px); }
    wb-toolbar, wb-tabs, .filters { flex: none; }
    .filters { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
    wb-data-table { flex: 1; min-height: 160px; min-width: 0; }
    @media (max-width: 720px) { :host { gap: 4px; } }
  `,
];
