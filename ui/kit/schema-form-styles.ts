import { css } from 'lit';

/** The look of `<wb-schema-form>`: fields, groups, tables of rows, choices, money and pattern testers. */
export const schemaFormStyles = css`
      form { display: grid; gap: 14px; max-width: 1120px; }
      .field { display: grid; gap: 4px; max-width: 560px; }
      .field.wide { max-width: none; }
      label, legend { font-weight: 600; }
      .check { display: flex; align-items: center; gap: 8px; font-weight: 600; }
      .choices label, .order li { font-weight: normal; }
      .choices { display: flex; flex-wrap: wrap; gap: 4px 14px; }
      .choices label { display: flex; gap: 6px; align-items: center; }
      ol.order { margin: 0; padding-left: 22px; display: grid; gap: 2px; }
      ol.order li span { display: inline-block; min-width: 9em; }
      .help { font-size: 12px; color: var(--wb-muted, #6b6b6b); }
      .error { font-size: 12px; }
      fieldset { border: 1px solid var(--wb-border, #c8c8c8); border-radius: 6px; display: grid; gap: 12px; padding: 10px 14px; min-width: 0; }
      fieldset.plain { border: none; padding: 0; margin: 0; display: grid; gap: 14px; }
      .actions { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
      .money { display: flex; align-items: center; gap: 6px; }
      .money input { width: 9em; text-align: right; font-variant-numeric: tabular-nums; }
      .rows-wrap { overflow-x: auto; }
      table.rows { border-collapse: collapse; width: 100%; }
      table.rows th { text-align: left; font-size: 12px; font-weight: 600; color: var(--wb-muted, #616161); padding: 2px 4px; vertical-align: bottom; }
      table.rows td { padding: 2px 4px; vertical-align: top; border-top: 1px solid var(--wb-border-soft, #ececec); }
      table.rows td input:not([type='checkbox']), table.rows td select { width: 100%; min-width: 4.5em; box-sizing: border-box; }
      table.rows td.money-cell input, table.rows td.number-cell input { text-align: right; font-variant-numeric: tabular-nums; }
      table.rows td .error { display: block; }
      table.rows td.tools { white-space: nowrap; }
      table.rows button, ol.order button { padding: 0 6px; min-height: 24px; }
      .pairs { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr) auto; gap: 4px 6px; align-items: center; max-width: 560px; }
      ul.elsewhere { margin: 0; padding-left: 18px; }
      @media (max-width: 720px) { .field { max-width: none; } }
    `;
