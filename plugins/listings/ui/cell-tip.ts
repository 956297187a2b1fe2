import { html } from 'lit';

/** A table cell's text with the whole of it as a tooltip, for cells cut off with an ellipsis. */
export function tip(text: string | null | undefined) {
  const value = text ?? '';
  return html`<span title=${value}>${value}</span>`;
}
