import type { PluginUiContext } from '@workbench/ui';
import './wb-procurement-suggestions.js';
import './wb-procurement-suppliers.js';
import './wb-procurement-orders.js';
import './wb-procurement-quotes.js';
import './wb-procurement-receiving.js';
import './wb-procurement-ledger.js';

/** Runs once per page, when one of procurement's views is first shown; the panels carry their own zh-CN and en text. */
export function activate(_wb: PluginUiContext): void {}
