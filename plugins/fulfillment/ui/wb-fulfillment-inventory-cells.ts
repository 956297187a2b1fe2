import { css } from 'lit';
import { controlStyles, styleMap, type ReactiveController, type ReactiveControllerHost } from '@workbench/ui';
import { fulfillmentStyles } from './styles.js';

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

/**
 * Whether a panel is narrower than `width` pixels (the side bar at its default 300 px), so a list
 * can start with its essential columns there; the rest stay one click away under 列. Each width
 * keeps its own column choice (`storageKey(…)`).
 */
export class PanelWidth implements ReactiveController {
  narrow = false;
  private readonly observer = new ResizeObserver((entries) => {
    const narrow = (entries[0]?.contentRect.width ?? this.width) < this.width;
    if (narrow !== this.narrow) {
      this.narrow = narrow;
      this.host.requestUpdate();
    }
  });

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly width = 480,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer.disconnect();
  }

  /** The table's storage key for the current width. */
  storageKey(base: string): string {
    return this.narrow ? `${base}-narrow` : base;
  }
}

/** The styles of a warehouse list panel: its data table fills the panel below the panel's toolbar. */
export const listPanelStyles = [
  controlStyles,
  fulfillmentStyles,
  css`
    :host { display: flex; flex-direction: column; height: 100%; gap: 4px; }
    wb-data-table { flex: 1; }
  `,
];
