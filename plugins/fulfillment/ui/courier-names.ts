import type { ApiClient, I18n, LocalizedText, WorkbenchService } from '@workbench/ui';

let names: Promise<Map<string, LocalizedText>> | undefined;

/**
 * The couriers' names by code (STO → 申通 / STO Express), read once per page; an order, a remark, a
 * list or a station shows the name in the reader's language, never the code. Anyone who reads
 * orders may read them; a page that cannot reach the server keeps the codes.
 */
export function courierNames(api: ApiClient, workbench: WorkbenchService): Promise<Map<string, LocalizedText>> {
  if (!workbench.can('fulfillment.orders.read')) return Promise.resolve(new Map());
  names ??= api
    .get<{ items: { code: string; name: LocalizedText }[] }>('/fulfillment/couriers/names')
    .then((r) => new Map(r.items.map((c) => [c.code, c.name])))
    .catch(() => {
      names = undefined;
      return new Map<string, LocalizedText>();
    });
  return names;
}

/** A courier in the reader's language; `fallback` (the server's name) until the names arrive. */
export function courierText(names: Map<string, LocalizedText>, i18n: I18n, code: string | null, fallback: string): string;
export function courierText(names: Map<string, LocalizedText>, i18n: I18n, code: string | null, fallback: string | null): string | null;
export function courierText(names: Map<string, LocalizedText>, i18n: I18n, code: string | null, fallback: string | null): string | null {
  return (code && i18n.text(names.get(code))) || fallback;
}
