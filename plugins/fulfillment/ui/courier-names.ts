import type { ApiClient } from '@workbench/ui';

let names: Promise<Map<string, string>> | undefined;

/**
 * The couriers' names by code (STO → 申通), read once per page from the settings' courier rows; an
 * order, a remark or a list shows the name, never the code. A page that cannot read them (no
 * permission, the server away) keeps the codes.
 */
export function courierNames(api: ApiClient): Promise<Map<string, string>> {
  names ??= api
    .get<{ items: { code: string; name: string }[] }>('/fulfillment/couriers')
    .then((r) => new Map(r.items.map((c) => [c.code, c.name])))
    .catch(() => {
      names = undefined;
      return new Map<string, string>();
    });
  return names;
}
