import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startInProcess } from './helpers/in-process.js';
import type { Client, Reply } from './helpers/client.js';
import type { TestServer } from './helpers/server.js';
import type { TestHost } from '@workbench/plugin-api/testing';

// The built-in roles work on the first day: each plugin's manifest says which of its permissions
// each job gets, and the owner's own changes to a built-in role survive plugins coming and going.

let server: TestServer;
let owner: Client;
let host: TestHost;
const staff: Record<string, Client> = {};

beforeAll(async () => {
  ({ server, owner, host } = await startInProcess({ clock: 'system', plugins: [], enabled: ['listings', 'fulfillment'] }));
  for (const role of ['operations', 'customer-service', 'warehouse', 'purchasing', 'finance']) {
    staff[role] = (await host.staff(`u-${role}`, [role])) as Client;
  }
  staff.nobody = (await host.staff('u-nobody', [])) as Client;
});
afterAll(async () => {
  await server?.dispose();
});

const allowed = (r: Reply) => expect([401, 403], `${r.status} ${r.text}`).not.toContain(r.status);
const refused = (r: Reply) => expect(r.status, r.text).toBe(403);

async function permissions(client: Client): Promise<string[]> {
  return (await client.get('/api/auth/me')).body.permissions as string[];
}

describe('each built-in role can do its job and nothing else', () => {
  test('a person reads their own roles by name, without the right to list roles', async () => {
    const me = (await staff.warehouse!.get('/api/auth/me')).body as { roles: string[]; roleNames: Record<string, Record<string, string>> };
    expect(me.roles).toEqual(['warehouse']);
    expect(me.roleNames).toEqual({ warehouse: { 'zh-CN': '仓管', en: 'Warehouse' } });
    expect((await staff.warehouse!.get('/api/roles')).status).toBe(403);
  });
  test('仓管 waves, verifies, ships and keeps stock, but edits no product and reads no customer', async () => {
    const w = staff.warehouse!;
    expect((await w.get('/api/fulfillment/waves')).status).toBe(200);
    expect((await w.get('/api/fulfillment/stock')).status).toBe(200);
    expect((await w.get('/api/fulfillment/orders')).status).toBe(200);
    allowed(await w.post('/api/fulfillment/orders/999999/ship', { version: 1, trackingNo: 'x' }));
    allowed(await w.get('/api/fulfillment/verification/NO-SUCH'));
    allowed(await w.post('/api/fulfillment/inbound', { lines: [] }));
    refused(await w.post('/api/listings/products', { title: 'x' }));
    refused(await w.post('/api/fulfillment/orders/1/approve', { version: 1 }));
    refused(await w.get('/api/users'));
    expect(await permissions(w)).not.toContain('fulfillment.customer.read');
  });

  test('客服 reads and edits orders and sees customer details, but ships nothing and runs no wave', async () => {
    const cs = staff['customer-service']!;
    expect((await cs.get('/api/fulfillment/orders')).status).toBe(200);
    allowed(await cs.post('/api/fulfillment/orders', {}));
    allowed(await cs.post('/api/listings/price', {}));
    expect(await permissions(cs)).toContain('fulfillment.customer.read');
    refused(await cs.post('/api/fulfillment/orders/999999/ship', { version: 1, trackingNo: 'x' }));
    refused(await cs.get('/api/fulfillment/waves'));
    refused(await cs.post('/api/listings/products', { title: 'x' }));
  });

  test('运营 runs listings and promotions and reads orders, but touches no stock', async () => {
    const op = staff.operations!;
    allowed(await op.post('/api/listings/products', {}));
    expect((await op.get('/api/listings/promotions')).status).toBe(200);
    expect((await op.get('/api/fulfillment/orders')).status).toBe(200);
    refused(await op.post('/api/fulfillment/orders', {}));
    refused(await op.post('/api/fulfillment/inbound', { lines: [] }));
    refused(await op.post('/api/fulfillment/orders/999999/ship', { version: 1, trackingNo: 'x' }));
  });

  test('财务 reconciles courier statements and reads orders, and changes nothing else', async () => {
    const fi = staff.finance!;
    expect((await fi.get('/api/fulfillment/statements')).status).toBe(200);
    expect((await fi.get('/api/fulfillment/orders')).status).toBe(200);
    refused(await fi.post('/api/fulfillment/orders', {}));
    refused(await fi.post('/api/listings/products', {}));
  });

  test('采购 reads stock and products, but receives, moves or ships nothing', async () => {
    const pu = staff.purchasing!;
    expect((await pu.get('/api/fulfillment/stock')).status).toBe(200);
    expect((await pu.get('/api/listings/products')).status).toBe(200);
    refused(await pu.post('/api/fulfillment/inbound', { lines: [] }));
    refused(await pu.post('/api/listings/products', {}));
  });

  test('someone whose roles grant nothing learns whom to ask', async () => {
    const nobody = staff.nobody!;
    expect(await permissions(nobody)).toEqual([]);
    const owners = await nobody.get('/api/auth/owners');
    expect(owners.status).toBe(200);
    expect(owners.body.items).toEqual([{ displayName: '王店长' }]);
  });

  test('the roles list shows each built-in role’s defaults beside what it holds', async () => {
    const roles = (await owner.get('/api/roles')).body.items as { id: string; permissions: string[]; defaults: string[] }[];
    const warehouse = roles.find((r) => r.id === 'warehouse')!;
    expect(warehouse.defaults).toEqual(expect.arrayContaining(['fulfillment.waves.run', 'fulfillment.verify', 'fulfillment.ship', 'fulfillment.stock.read', 'fulfillment.stock.manage']));
    expect(warehouse.permissions).toEqual(warehouse.defaults);
  });
});

describe('defaults come and go with their plugin; the owner’s edits stay', () => {
  async function role(id: string): Promise<{ version: number; permissions: string[] }> {
    return ((await owner.get('/api/roles')).body.items as { id: string; version: number; permissions: string[] }[]).find((r) => r.id === id)!;
  }

  test('the owner takes one default away and adds a core permission; switching the plugin off and on keeps both', async () => {
    const before = await role('warehouse');
    const wanted = [...before.permissions.filter((p) => p !== 'fulfillment.stock.manage'), 'core.audit.read'];
    const edited = await owner.patch('/api/roles/warehouse', { version: before.version, permissions: wanted });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body.permissions).toEqual([...wanted].sort());
    refused(await staff.warehouse!.post('/api/fulfillment/inbound', { lines: [] }));
    expect((await staff.warehouse!.get('/api/audit')).status).toBe(200);

    const off = await owner.post('/api/plugins/fulfillment/disable', {});
    expect(off.status, off.text).toBe(200);
    const gone = await permissions(staff.warehouse!);
    expect(gone.filter((p) => p.startsWith('fulfillment.'))).toEqual([]);
    expect(gone).toEqual(expect.arrayContaining(['listings.products.read', 'core.audit.read']));

    // An edit while the plugin is off must not forget what was taken away from that plugin.
    const whileOff = await role('warehouse');
    expect((await owner.patch('/api/roles/warehouse', { version: whileOff.version, permissions: [...whileOff.permissions, 'core.settings.read'] })).status).toBe(200);

    const on = await owner.post('/api/plugins/fulfillment/enable', {});
    expect(on.status, on.text).toBe(200);
    const back = await permissions(staff.warehouse!);
    expect(back).toEqual(expect.arrayContaining(['fulfillment.waves.run', 'fulfillment.ship', 'core.audit.read', 'core.settings.read']));
    expect(back).not.toContain('fulfillment.stock.manage');
    expect((await staff.warehouse!.get('/api/fulfillment/waves')).status).toBe(200);
  });

  test('the owner role still cannot be edited, and a custom role holds only what it is given', async () => {
    const ownerRole = await role('owner');
    expect((await owner.patch('/api/roles/owner', { version: ownerRole.version, permissions: [] })).status).toBe(409);
    expect((await owner.post('/api/roles', { id: 'packer', name: { 'zh-CN': '打包' }, permissions: ['fulfillment.ship'] })).status).toBe(201);
    expect((await role('packer')).permissions).toEqual(['fulfillment.ship']);
  });
});
