// Builders for a shop with orders, through the HTTP API of the real listings and fulfillment, for
// the tests of plugins that work on those orders (after-sales, procurement…). A plugin's tests
// reach another plugin's test code only through here (the import rules), so what they lean on
// is listed in one place.
export { approve, createSkus, enterOrder, pickedWave, runImport, startFulfillment, stockUp, type Client, type TestServer, type TestSku } from '../../plugins/fulfillment/test/api.js';
export { encodeReport, taobaoExport } from '../../plugins/fulfillment/test/fixtures/taobao-export.mjs';
export { withRefunds, type LineRefund } from '../../plugins/fulfillment/test/refund-cells.js';
