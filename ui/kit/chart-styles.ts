import { css } from 'lit';

/**
 * What uPlot needs of its own stylesheet (uplot/dist/uPlot.min.css, MIT) inside a shadow root —
 * the layers' positions and the legend — with the workbench's colours instead of its greys.
 */
export const uplotStyles = css`
  .uplot, .uplot * { box-sizing: border-box; }
  .uplot { font: inherit; line-height: 1.5; width: min-content; }
  .u-wrap { position: relative; user-select: none; }
  .u-over, .u-under, .u-axis { position: absolute; }
  .u-under { overflow: hidden; }
  .uplot canvas { display: block; position: relative; width: 100%; height: 100%; }
  .u-legend { font-size: 12px; margin: 0; text-align: left; color: var(--wb-fg, #1f1f1f); }
  .u-inline { display: block; }
  .u-inline * { display: inline-block; }
  .u-inline tr { margin-right: 12px; }
  .u-legend th { font-weight: 400; }
  .u-legend th > * { vertical-align: middle; display: inline-block; }
  .u-legend .u-marker { width: 10px; height: 10px; margin-right: 4px; border-radius: 2px; background-clip: padding-box !important; }
  .u-inline.u-live th::after { content: ':'; vertical-align: middle; }
  .u-inline:not(.u-live) .u-value { display: none; }
  .u-series > * { padding: 2px 4px; }
  .u-series th { cursor: pointer; }
  .u-legend .u-off > * { opacity: 0.45; }
  .u-select { background: rgba(127, 127, 127, 0.15); position: absolute; pointer-events: none; }
  .u-cursor-x, .u-cursor-y { position: absolute; left: 0; top: 0; pointer-events: none; will-change: transform; }
  .u-hz .u-cursor-x { height: 100%; border-right: 1px dashed var(--wb-muted, #616161); }
  .u-hz .u-cursor-y { width: 100%; border-bottom: 1px dashed var(--wb-muted, #616161); }
  .u-cursor-pt { position: absolute; top: 0; left: 0; border-radius: 50%; border: 0 solid; pointer-events: none; will-change: transform; background-clip: padding-box !important; }
  .u-axis.u-off, .u-select.u-off, .u-cursor-x.u-off, .u-cursor-y.u-off, .u-cursor-pt.u-off { display: none; }
`;
