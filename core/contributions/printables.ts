import { localize, type Locale } from '../i18n/localized-text.js';
import type { Disposable } from '../lifecycle/disposable.js';
import type { PrintRequest, PrintableDocument } from '../plugins/context.js';
import type { PluginManifest } from '../plugins/manifest.js';
import type { RouteTable } from './route-table.js';
import { escapeHtml, markupOf } from './safe-html.js';

export type PrintRenderer = (request: PrintRequest) => Promise<PrintableDocument> | PrintableDocument;

const PRINT_CSS = `
@page { size: A4; margin: 12mm; }
body { font: 12pt/1.5 "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #000; margin: 0; }
h1 { font-size: 16pt; margin: 0 0 8pt; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #444; padding: 3pt 5pt; text-align: left; vertical-align: top; }
th { background: #eee; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.page-break { break-after: page; }
@media screen { body { max-width: 210mm; margin: 16px auto; padding: 0 12px; } }
`;

/** Wraps a plugin's printable body into a complete page with print CSS and no scripts. */
export function printPage(doc: PrintableDocument, locale: Locale): string {
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title>
<style>${PRINT_CSS}</style></head>
<body>${markupOf(doc.body)}</body></html>`;
}

/** Printables declared in a manifest are served as `GET /api/<plugin>/printables/<id>?…` (HTML). */
export function registerPrintable(routes: RouteTable, manifest: PluginManifest, id: string, render: PrintRenderer, permissions: ReadonlySet<string>): Disposable {
  const declared = manifest.contributes.printables.find((p) => p.id === id);
  if (!declared) throw new Error(`printable "${id}" is not declared under contributes.printables in plugin.yaml`);
  return routes.add(
    manifest.id,
    `/api/${manifest.id}`,
    {
      method: 'get',
      path: `/printables/${id}`,
      permission: declared.permission,
      summary: declared.title,
      handler: async ({ query, actor, locale }) => {
        const strings = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)]));
        const doc = await render({ query: strings, actor: actor!, locale });
        return new Response(printPage({ ...doc, title: doc.title || localize(declared.title, locale) }, locale), {
          headers: { 'content-type': 'text/html; charset=utf-8' },
        });
      },
    },
    permissions,
  );
}
