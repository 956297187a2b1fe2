import JsBarcode from 'jsbarcode';
import { html, type SafeHtml } from '@workbench/plugin-api';

/**
 * Code 128 encodes the 128 ASCII characters; a courier's numbers are letters and digits. Anything
 * else (a full-width digit pasted from a chat, a Chinese character) cannot be scanned back.
 */
export const CODE128_TEXT = /^[\x20-\x7e]{1,40}$/;

/** The bars and spaces of `text` as Code 128 modules, `1` a bar and `0` a space (jsbarcode's encoding). */
export function code128Modules(text: string): string {
  if (!CODE128_TEXT.test(text)) throw new RangeError(`not Code 128 text: ${text}`);
  let valid = true;
  const target: { encodings?: { data: string }[] } = {};
  // A plain object is jsbarcode's renderer-free target: it receives the encodings, draws nothing.
  JsBarcode(target as unknown as SVGElement, text, { format: 'CODE128', valid: (ok: boolean) => (valid = ok) });
  const data = target.encodings?.map((e) => e.data).join('') ?? '';
  if (!valid || !data) throw new RangeError(`jsbarcode could not encode ${text}`);
  return data;
}

/**
 * The barcode as an inline SVG sized in millimetres, one rect per bar: printable pages carry no
 * scripts, so the bars are drawn on the server. `module` is a bar module's width in mm; quiet
 * zones of ten modules stand either side, as scanners expect.
 */
export function code128Svg(text: string, options: { heightMm: number; maxWidthMm: number }): SafeHtml {
  const modules = code128Modules(text);
  const total = modules.length + 20;
  const moduleMm = Math.min(0.5, options.maxWidthMm / total);
  const bars: SafeHtml[] = [];
  for (let at = 0; at < modules.length; ) {
    let end = at;
    while (end < modules.length && modules[end] === modules[at]) end++;
    if (modules[at] === '1') bars.push(html`<rect x="${at + 10}" y="0" width="${end - at}" height="1"></rect>`);
    at = end;
  }
  const width = (total * moduleMm).toFixed(2);
  return html`<svg class="barcode" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${total} 1" preserveAspectRatio="none" width="${width}mm" height="${options.heightMm}mm" role="img" aria-label="${text}" data-modules="${modules}" shape-rendering="crispEdges">${bars}</svg>`;
}
