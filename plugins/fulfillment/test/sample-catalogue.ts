// The catalogue the sample Taobao reports (fixtures/taobao) are written against: the 商家编码
// their item lines carry, so an import of them makes no stubs.
import { expect } from 'vitest';
import type { Client } from './api.js';

export async function createSampleCatalogue(owner: Client): Promise<void> {
  const made = await owner.post('/api/listings/products', {
    title: '加绒连帽卫衣 秋冬新款',
    itemCode: 'TB-HOODIE',
    skus: [
      { code: 'TB-HOODIE-BK-M', attributes: { 颜色: '黑色', 尺码: 'M' }, price: 9900, cost: 3500 },
      { code: 'TB-HOODIE-BK-L', attributes: { 颜色: '黑色', 尺码: 'L' }, price: 12800, cost: 3500 },
      { code: 'TB-JEANS-29', attributes: { 尺码: '29' }, price: 5980, cost: 2000 },
    ],
  });
  expect(made.status, made.text).toBe(201);
}
