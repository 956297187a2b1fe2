import { describe, expect, it } from 'vitest';
import type { PluginContributions } from './contributions.js';
import { editorTab, printTab, tabForPath, tabPath } from './tab-routes.js';

const none = { commands: [], widgets: [], status: [], importers: [] };
const plugins: PluginContributions[] = [
  {
    id: 'fulfillment',
    name: { 'zh-CN': '订单履约', en: 'Fulfillment' },
    version: '1.0.0',
    ui: null,
    views: [
      { id: 'orders', title: { 'zh-CN': '订单', en: 'Orders' }, element: 'wb-fulfillment-orders', placement: 'editor' },
      { id: 'side', title: 'Side', element: 'wb-fulfillment-side', placement: 'sidebar' },
    ],
    editors: [{ id: 'order', title: { 'zh-CN': '订单', en: 'Order' }, element: 'wb-fulfillment-order-editor', opens: 'order' }],
    printables: [{ id: 'pick-list', title: '拣货单' }],
    ...none,
  },
];

describe('every tab has its own address', () => {
  it('goes both ways for pages, work lists with filters, records and print tabs', () => {
    for (const path of ['/', '/settings', '/fulfillment/orders?status=exception&flag=1', '/fulfillment/order/12', '/fulfillment/printables/pick-list?wave=3']) {
      const url = new URL(path, 'http://shop.local');
      const tab = tabForPath(url.pathname, url.search, plugins);
      expect(tab, path).toBeDefined();
      expect(tabPath(tab!, plugins)).toBe(path);
    }
  });

  it('names an order by the editor and record, with the editor’s title in each language until the order names itself', () => {
    expect(tabForPath('/fulfillment/order/12', '', plugins)).toMatchObject({ key: 'editor:order:12', opens: 'order', id: '12', title: { 'zh-CN': '订单 12', en: 'Order 12' } });
    expect(tabForPath('/fulfillment/order/T%2F1%20x', '', plugins)).toMatchObject({ id: 'T/1 x' });
    expect(tabPath({ key: 'editor:order:T/1 x', kind: 'editor', plugin: 'fulfillment', opens: 'order', id: 'T/1 x', title: 'x' }, plugins)).toBe('/fulfillment/order/T%2F1%20x');
  });

  it('a record or print tab opened from the workbench is the same tab its link opens', () => {
    expect(editorTab('fulfillment', plugins[0]!.editors[0]!, '12')).toEqual(tabForPath('/fulfillment/order/12', '', plugins));
    expect(printTab('fulfillment', 'pick-list', { wave: '3' }, '拣货单')).toEqual(tabForPath('/fulfillment/printables/pick-list', '?wave=3', plugins));
  });

  it('opens nothing for a plugin that is off, a side-bar view, an unknown page or a mangled path', () => {
    for (const path of ['/listings/products', '/fulfillment/side', '/nowhere', '/fulfillment/order/12/more', '/fulfillment/nothing/1', '/fulfillment/%E0%A4%A']) {
      expect(tabForPath(path, '', plugins), path).toBeUndefined();
    }
  });
});
