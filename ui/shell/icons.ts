import { svg, type SVGTemplateResult } from 'lit';

/**
 * The icons a manifest may name for its views (`icon: orders`). Outline drawings on a 24×24 grid,
 * stroked with the current colour so they follow the theme. An unknown name falls back to the
 * view title's first character.
 */
const PATHS: Record<string, string> = {
  note: 'M6 3h9l4 4v14H6z M15 3v4h4 M9 11h7 M9 15h7',
  box: 'M3 7l9-4 9 4-9 4z M3 7v10l9 4 9-4V7 M12 11v10',
  tag: 'M3 12V3h9l9 9-9 9z M7.5 7.5h.01',
  cart: 'M3 4h2l2 11h11l2-8H6 M9 20h.01 M17 20h.01',
  truck: 'M2 6h11v10H2z M13 10h4l3 3v3h-7 M6 19a2 2 0 1 0 0-.01 M17 19a2 2 0 1 0 0-.01',
  return: 'M9 14L4 9l5-5 M4 9h11a5 5 0 0 1 0 10h-3',
  chat: 'M4 5h16v11H8l-4 4z',
  people: 'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6z M3 20a6 6 0 0 1 12 0 M17 11a3 3 0 1 0 0-6 M21 20a6 6 0 0 0-4-5.6',
  factory: 'M3 21V10l6 4V10l6 4V4h6v17z',
  chart: 'M4 20V4 M4 20h16 M8 16v-5 M12 16V8 M16 16v-3',
  home: 'M3 11l9-8 9 8 M5 9v12h14V9',
  gear: 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z',
  clipboard: 'M9 4h6v3H9z M9 5H5v16h14V5h-4 M8 11h8 M8 15h8',
  layers: 'M12 3l9 5-9 5-9-5z M3 13l9 5 9-5 M3 17l9 5 9-5',
  receipt: 'M5 3h14v18l-3-2-2 2-2-2-2 2-2-2-3 2z M8 8h8 M8 12h8 M8 16h5',
  close: 'M6 6l12 12 M18 6L6 18',
  verify: 'M4 4h16v16H4z M8 12l3 3 5-6',
  more: 'M6 9l6 6 6-6',
  clock: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z M12 7v5l3 2',
  calendar: 'M4 5h16v16H4z M4 10h16 M8 3v4 M16 3v4 M8 14h.01 M12 14h.01 M16 14h.01',
  calculator: 'M6 3h12v18H6z M9 7h6 M9 11h.01 M12 11h.01 M15 11h.01 M9 15h.01 M12 15h.01 M15 15h.01 M9 18h6',
};

export function icon(name: string | undefined, fallback = '?'): SVGTemplateResult {
  const d = name ? PATHS[name] : undefined;
  if (!d) {
    return svg`<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true"><text x="12" y="17" text-anchor="middle" font-size="14" fill="currentColor">${fallback.slice(0, 1)}</text></svg>`;
  }
  return svg`<svg viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d=${d}></path></svg>`;
}
