import { styleMap } from '@workbench/ui';

// Table cells render inside wb-data-table's own shadow root, where a panel's classes do not reach;
// their tones are given as styles (CSSOM, which the Content-Security-Policy allows) from the kit's
// theme variables, so light and dark themes still apply.

const TONES = {
  danger: { color: 'var(--wb-danger, #b3261e)' },
  success: { color: 'var(--wb-success, #2e7d32)' },
  warning: { color: 'var(--wb-warning, #9a5b00)' },
  muted: { color: 'var(--wb-muted, #616161)' },
  struck: { color: 'var(--wb-muted, #616161)', textDecoration: 'line-through' },
  small: { fontSize: '12px' },
} as const;

export type Tone = keyof typeof TONES;

/** A text colour for a cell's content; no tone leaves it as it is. */
export const tone = (name: Tone | undefined) => styleMap(name ? TONES[name] : {});

const CHIP = { display: 'inline-block', padding: '0 6px', borderRadius: '8px', fontSize: '11px', lineHeight: '16px', marginLeft: '4px' };

/** A small outlined mark beside a cell's text (强制 …). */
export const chip = (name: Exclude<Tone, 'small'>) => {
  const colour = TONES[name].color;
  return styleMap({ ...CHIP, color: colour, boxShadow: `inset 0 0 0 1px ${colour}` });
};
