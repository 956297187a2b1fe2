import { css } from 'lit';
import { panelStyles } from '@workbench/ui';

/** The fulfillment panels' own marks: flag chips, masked values, loud banners. */
export const fulfillmentMarks = css`
  .flag { display: inline-block; width: 10px; height: 10px; border-radius: 2px; vertical-align: middle; }
  .masked { color: var(--wb-muted, #616161); }
  .loud { font-size: 20px; font-weight: 700; padding: 12px; border-radius: 6px; }
  .loud.fail { background: var(--wb-danger-bg, #fde7e5); }
  .loud.pass { background: var(--wb-success-bg, #e2f4e3); }
`;

/** The UI kit's panel layout plus the fulfillment panels' own marks. */
export const fulfillmentStyles = [panelStyles, fulfillmentMarks];
