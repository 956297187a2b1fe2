import type { Disposable } from '../lifecycle/disposable.js';
import type { TableRoute } from '../contributions/route-table.js';

/** Adds one of the core's own routes under `/api`. */
export type CoreRouteAdder = (route: TableRoute) => Disposable;
