// The `staff` service as another plugin sees it: through its published contract only.
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, type TestHost } from '@workbench/plugin-api/testing';
import { addStaff, plan, templates } from './helpers.js';

let host: TestHost;

beforeAll(async () => {
  host = await startTestHost({
    plugins: [resolve(import.meta.dirname, '..'), resolve(import.meta.dirname, 'fixtures', 'staff-consumer')],
    clock: '2026-11-11T09:00:00+08:00',
  });
});
afterAll(() => host?.close());

const ask = async (query: string, client = host.owner) => {
  const reply = await client.get(`/api/staff-consumer/ask?${query}`);
  expect(reply.status, reply.text).toBe(200);
  return reply.body;
};

test('finds a person by 工号 as CS write it, with the phone masked for a reader without the permission', async () => {
  const member = await addStaff(host.owner, { code: '07', name: '小七', phone: '13700001111' });
  expect((await ask(`code=${encodeURIComponent(' ０７ ')}`)).found).toMatchObject({ id: member.id, name: '小七', phone: '13700001111' });
  const clerk = await host.staff('consumer-clerk', ['staff-consumer.use']);
  expect((await ask('code=07', clerk)).found.phone).toBe('137****1111');
  expect((await ask('code=404')).found).toBeNull();
});

test('tells who was on shift at an instant, a night shift past midnight included, and a planned shift', async () => {
  const all = await templates(host.owner);
  const night = await addStaff(host.owner, { code: 'N1' });
  const day = await addStaff(host.owner, { code: 'D1' });
  await plan(host.owner, night.id, '2026-11-20', all['晚班 17:30']!.id);
  await plan(host.owner, day.id, '2026-11-21', all['白班']!.id);
  expect((await ask(`at=${encodeURIComponent('2026-11-21T00:45:00+08:00')}`)).on).toEqual([{ code: 'N1', shift: '晚班 17:30', date: '2026-11-20' }]);
  expect((await ask(`at=${encodeURIComponent('2026-11-21T02:00:00Z')}`)).on).toEqual([{ code: 'D1', shift: '白班', date: '2026-11-21' }]);
  expect((await ask(`id=${night.id}&date=2026-11-20`)).shift).toMatchObject({ templateName: '晚班 17:30', endsAt: '2026-11-21T01:00:00.000+08:00' });
  expect((await ask(`id=${night.id}&date=2026-11-21`)).shift).toBeNull();
});

test('lists the people, those who left on request', async () => {
  const gone = await addStaff(host.owner, { code: 'G1', name: '走了' });
  await host.owner.patch(`/api/staff-rules/staff/${gone.id}`, { leftOn: '2026-11-01' });
  expect((await ask('')).people).toContain('G1 走了');
});
