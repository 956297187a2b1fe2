import type { ApiClient, WorkbenchService } from '@workbench/ui';

let names: Promise<Map<string, string>> | undefined;

/**
 * The couriers' names by code (STO → 申通), read once per page from the settings' courier rows; an
 * order, a remark or a list shows the name, never the code. The list is the shipping station's
 * (`fulfillment.ship`); a reader without it, or a page that cannot reach the server, keeps the codes.
 */
export function courierNames(api: ApiClient, workbench: WorkbenchService): Promise<Map<string, string>> {
  if (!workbench.can('fulfillment.ship')) return Promise.resolve(new Map());
  names ??= api
    .get<{ items: { code: string; name: string }[] }>('/fulfillment/couriers')
    .then((r) => new Map(r.items.map((c) => [c.code, c.name])))
    .catch(() => {
      names = undefined;
      return new Map<string, string>();
    });
  return names;
}
