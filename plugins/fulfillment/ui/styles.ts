import { css } from 'lit';

/** Layout shared by the fulfillment panels: sections, form grids, small tables and pass/fail marks. */
export const fulfillmentStyles = css`
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
  .flag { display: inline-block; width: 10px; height: 10px; border-radius: 2px; vertical-align: middle; }
  .masked { color: var(--wb-muted, #616161); }
  .loud { font-size: 20px; font-weight: 700; padding: 12px; border-radius: 6px; }
  .loud.fail { background: var(--wb-danger-bg, #fde7e5); }
  .loud.pass { background: var(--wb-success-bg, #e2f4e3); }
`;
