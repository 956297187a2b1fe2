import type { SafeHtml } from '../plugins/context.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

/**
 * Only values made by `html` count as safe: a look-alike object such as parsed JSON
 * `{"__html": "<script>…"}` is escaped like any other value.
 */
const made = new WeakSet<object>();

function isSafe(value: unknown): value is SafeHtml {
  return typeof value === 'object' && value !== null && made.has(value);
}

function render(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (isSafe(value)) return value.__html;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/**
 * Builds printable HTML; every interpolated value is escaped unless it is itself `html`, so a
 * product title like `<img onerror=…>` prints as text.
 *
 * @example
 * const rows = items.map((i) => html`<tr><td>${i.title}</td><td>${i.qty}</td></tr>`);
 * return { title: '拣货单', body: html`<table>${rows}</table>` };
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  const result = { __html: out };
  made.add(result);
  return result;
}

/**
 * The markup of a printable's body: as is when `html` made it, escaped as text when a plugin
 * handed over a look-alike object instead.
 */
export function markupOf(body: SafeHtml): string {
  return isSafe(body) ? body.__html : escapeHtml(String((body as { __html?: unknown }).__html ?? ''));
}
