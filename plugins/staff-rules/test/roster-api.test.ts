// Shift templates and the roster through the plugin's API, in this process (the test kit).
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, type TestHost } from '@workbench/plugin-api/testing';
import { addStaff, plan, templates } from './helpers.js';

let host: TestHost;

beforeAll(async () => {
  host = await startTestHost({ plugins: [resolve(import.meta.dirname, '..')], clock: '2026-11-11T09:00:00+08:00' });
});
afterAll(() => host?.close());

test('the shop\'s shifts are there from the start: 白班 with its break and three 晚班', async () => {
  const all = await templates(host.owner);
  expect(all['白班']).toMatchObject({ start: '08:30', end: '17:30', breakMinutes: 60, kind: 'day' });
  expect(all['晚班 15:30']).toMatchObject({ start: '15:30', end: '00:00', kind: 'night' });
  expect(all['晚班 16:00']).toMatchObject({ start: '16:00', end: '00:00', kind: 'night' });
  expect(all['晚班 17:30']).toMatchObject({ start: '17:30', end: '01:00', kind: 'night' });
  const added = await host.owner.post('/api/staff-rules/shift-templates', { name: '早班', start: '07:00', end: '15:00', kind: 'day' });
  expect(added.status, added.text).toBe(201);
  expect((await host.owner.post('/api/staff-rules/shift-templates', { name: ' 早班', start: '07:00', end: '15:00', kind: 'day' })).status).toBe(409);
});

test('a night shift across midnight belongs to the day it starts and ends the next day', async () => {
  const all = await templates(host.owner);
  const member = await addStaff(host.owner);
  const night = await plan(host.owner, member.id, '2026-11-11', all['晚班 17:30']!.id);
  expect(night).toMatchObject({ date: '2026-11-11', startsAt: '2026-11-11T17:30:00.000+08:00', endsAt: '2026-11-12T01:00:00.000+08:00', kind: 'night' });
  const toMidnight = await plan(host.owner, member.id, '2026-11-12', all['晚班 16:00']!.id);
  expect(toMidnight.endsAt).toBe('2026-11-13T00:00:00.000+08:00');
  const week = await host.owner.get(`/api/staff-rules/roster?from=2026-11-12&to=2026-11-12&staffId=${member.id}`);
  expect(week.body.items.map((s: { date: string }) => s.date)).toEqual(['2026-11-12']);
});

test('planning again replaces the day\'s shift; clearing makes it a day off', async () => {
  const all = await templates(host.owner);
  const member = await addStaff(host.owner);
  await plan(host.owner, member.id, '2026-11-16', all['白班']!.id);
  const replaced = await plan(host.owner, member.id, '2026-11-16', all['晚班 15:30']!.id);
  expect(replaced.templateName).toBe('晚班 15:30');
  expect((await host.owner.delete(`/api/staff-rules/roster/${member.id}/2026-11-16`)).body).toEqual({ cleared: true });
  expect((await host.owner.delete(`/api/staff-rules/roster/${member.id}/2026-11-16`)).body).toEqual({ cleared: false });
  expect((await host.owner.put(`/api/staff-rules/roster/${member.id}/2026-11-16`, { templateId: 9999 })).status).toBe(404);
  expect((await host.owner.put('/api/staff-rules/roster/9999/2026-11-16', { templateId: all['白班']!.id })).status).toBe(404);
  expect((await host.owner.put(`/api/staff-rules/roster/${member.id}/2026-02-30`, { templateId: all['白班']!.id })).status).toBe(400);
});

test('no shift before the hire date; a range runs forwards and at most 62 days', async () => {
  const all = await templates(host.owner);
  const member = await addStaff(host.owner, { hiredOn: '2026-11-20' });
  expect((await host.owner.put(`/api/staff-rules/roster/${member.id}/2026-11-19`, { templateId: all['白班']!.id })).status).toBe(409);
  expect((await host.owner.get('/api/staff-rules/roster?from=2026-11-10&to=2026-11-01')).status).toBe(400);
  expect((await host.owner.get('/api/staff-rules/roster?from=2026-01-01&to=2026-12-31')).status).toBe(400);
});

test('who is on now counts yesterday\'s night shift until it ends', async () => {
  const all = await templates(host.owner);
  const day = await addStaff(host.owner, { name: '白班的人' });
  const night = await addStaff(host.owner, { name: '夜猫子' });
  await plan(host.owner, night.id, '2026-11-24', all['晚班 17:30']!.id);
  await plan(host.owner, day.id, '2026-11-25', all['白班']!.id);
  host.clock.set('2026-11-25T00:30:00+08:00');
  expect((await host.owner.get('/api/staff-rules/roster/now')).body.items.map((s: { name: string }) => s.name)).toEqual(['夜猫子']);
  host.clock.set('2026-11-25T01:00:00+08:00');
  expect((await host.owner.get('/api/staff-rules/roster/now')).body.items).toEqual([]);
  host.clock.set('2026-11-25T09:00:00+08:00');
  expect((await host.owner.get('/api/staff-rules/roster/now')).body.items.map((s: { name: string }) => s.name)).toEqual(['白班的人']);
});

test('permissions: the roster is read with roster.read and planned with roster.manage', async () => {
  const reader = await host.staff('reader-roster', ['staff-rules.roster.read']);
  expect((await reader.get('/api/staff-rules/roster?from=2026-11-09&to=2026-11-15')).status).toBe(200);
  expect((await reader.get('/api/staff-rules/shift-templates')).status).toBe(200);
  expect((await reader.get('/api/staff-rules/roster/now')).status).toBe(200);
  expect((await reader.put('/api/staff-rules/roster/1/2026-11-16', { templateId: 1 })).status).toBe(403);
  expect((await reader.delete('/api/staff-rules/roster/1/2026-11-16')).status).toBe(403);
  expect((await reader.post('/api/staff-rules/shift-templates', { name: '夜', start: '20:00', end: '04:00', kind: 'night' })).status).toBe(403);
  const nobody = await host.staff('nobody-roster', ['staff-rules.staff.read']);
  expect((await nobody.get('/api/staff-rules/roster?from=2026-11-09&to=2026-11-15')).status).toBe(403);
});
