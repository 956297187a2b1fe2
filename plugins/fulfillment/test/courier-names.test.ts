// Couriers in words for everyone who reads orders: a 客服 without the shipping station sees 申通 /
// STO Express where an order carries STO, and nothing else of the courier rows (fees, regions).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { colleague, staffClient, startFulfillment, withSettings, type Client, type FulfillmentServer } from './api.js';

const F = '/api/fulfillment';
let fs: FulfillmentServer;
let owner: Client;
let service: Client;

beforeAll(async () => {
  fs = await startFulfillment({ inProcess: true });
  owner = fs.owner;
  service = await staffClient(fs.server, owner, 'kefu-names', ['customer-service']);
});
afterAll(() => fs?.server.dispose());

type Names = { items: { code: string; name: Record<string, string> }[] };

describe('courier names', () => {
  test('a 客服 reads every courier’s name in Chinese and English, and not the shipping station’s list', async () => {
    const reply = await service.get(`${F}/couriers/names`);
    expect(reply.status, reply.text).toBe(200);
    const { items } = reply.body as Names;
    expect(items).toContainEqual({ code: 'STO', name: { 'zh-CN': '申通', en: 'STO Express' } });
    expect(items).toContainEqual({ code: 'SF', name: { 'zh-CN': '顺丰', en: 'SF Express' } });
    expect(items.map((c) => c.code)).toEqual(['STO', 'ZTO', 'YTO', 'YD', 'JT', 'SF', 'JD', 'EMS', 'DBL']);
    // Codes and names only: what each costs and where it goes stay with the settings.
    for (const c of items) expect(Object.keys(c).sort()).toEqual(['code', 'name']);
    for (const c of items) expect(c.name.en, c.code).toMatch(/^[A-Za-z&' ]+$/);
    expect((await service.get(`${F}/couriers`)).status).toBe(403);
  });

  test('a reader with orders.read alone gets them; without it, 403', async () => {
    const reader = await colleague(fs.server, owner, 'names-reader', ['fulfillment.orders.read']);
    expect((await reader.get(`${F}/couriers/names`)).status).toBe(200);
    const stranger = await colleague(fs.server, owner, 'names-none', ['listings.products.read']);
    expect((await stranger.get(`${F}/couriers/names`)).status).toBe(403);
  });

  test('the English name follows the settings, and a courier without one keeps its Chinese name', async () => {
    const current = (await owner.get('/api/settings/fulfillment')).body.value as { couriers: Record<string, unknown>[] };
    const couriers = [
      ...current.couriers.map((c) => (c.code === 'STO' ? { ...c, nameEn: 'Shentong' } : c)),
      { code: 'ZJS', name: '宅急送', trackingPattern: '^ZJS\\d{10}$', firstFee: 1100, extraFeePerKg: 350 },
      { code: 'UC', name: '优速', nameEn: '', trackingPattern: '^UC\\d{10}$', firstFee: 900, extraFeePerKg: 300 },
    ];
    await withSettings(owner, { couriers }, async () => {
      const { items } = (await service.get(`${F}/couriers/names`)).body as Names;
      expect(items).toContainEqual({ code: 'STO', name: { 'zh-CN': '申通', en: 'Shentong' } });
      expect(items).toContainEqual({ code: 'ZJS', name: { 'zh-CN': '宅急送', en: '宅急送' } });
      expect(items).toContainEqual({ code: 'UC', name: { 'zh-CN': '优速', en: '优速' } });
    });
  });
});
