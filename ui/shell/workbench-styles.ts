import { css } from 'lit';

export const workbenchStyles = css`
  :host {
    display: grid;
    grid-template-rows: 1fr auto;
    /* minmax(0, …): many open tabs scroll in their strip instead of widening the page. */
    grid-template-columns: minmax(0, 1fr);
    height: 100%;
    overflow: hidden;
  }
  .main {
    display: flex;
    min-height: 0;
  }
  .sidebar {
    width: var(--sidebar-width, 300px);
    flex: none;
    display: flex;
    flex-direction: column;
    background: var(--wb-sidebar-bg, #f3f3f3);
    min-width: 0;
  }
  .sidebar h2 {
    font-size: 11px;
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    margin: 0;
    padding: 10px 14px 6px;
    color: var(--wb-muted, #6b6b6b);
  }
  .view {
    flex: 1;
    min-height: 0;
    overflow: auto;
    display: flex;
    flex-direction: column;
  }
  .center {
    flex: 1;
    min-width: 0;
    display: flex;
    flex-direction: column;
  }
  wb-editor-area {
    flex: 1;
  }
  wb-bottom-panel {
    height: var(--panel-height, 180px);
    flex: none;
  }
  .sash {
    flex: none;
    background: var(--wb-border, #d0d0d0);
  }
  .sash.vertical {
    width: 4px;
    cursor: col-resize;
  }
  .sash.horizontal {
    height: 4px;
    cursor: row-resize;
  }
  .sash:hover,
  .sash:focus-visible {
    background: var(--wb-accent, #0a64c8);
    outline: none;
  }
`;
