import { css } from 'lit';

/** Headings and tables of the shell's own pages. */
export const pageStyles = css`
  :host { display: block; max-width: 1100px; }
  h1 { font-size: 18px; margin: 4px 0 14px; }
  h2 { font-size: 15px; margin: 22px 0 8px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--wb-border-soft, #e5e5e5); vertical-align: top; }
  th { font-weight: 600; color: var(--wb-muted, #6b6b6b); font-size: 12px; }
  .num { text-align: right; font-variant-numeric: tabular-nums; }
  .badge { white-space: nowrap; display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; background: var(--wb-hover, #eee); }
  .badge.running { background: var(--wb-success-bg, #dff3e0); color: var(--wb-success, #2e7d32); }
  .badge.failed { background: var(--wb-danger-bg, #fde2e0); color: var(--wb-danger, #c42b1c); }
  .badge.disabled { color: var(--wb-muted, #6b6b6b); }
  tr.failed td { background: var(--wb-danger-bg, #fde2e0); }
`;
