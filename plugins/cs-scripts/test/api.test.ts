// The plugin's API, through a workbench in this process with just this plugin (the test kit).
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, type TestHost } from '@workbench/plugin-api/testing';

let host: TestHost;

beforeAll(async () => {
  host = await startTestHost({ plugins: [resolve(import.meta.dirname, '..')], clock: '2026-11-11T09:00:00+08:00' });
});
afterAll(() => host?.close());

test('a note is written in shop time and listed newest first', async () => {
  const first = await host.owner.post('/api/cs-scripts/notes', { text: '  明早补货：黑色 M 码  ' });
  expect(first.status, first.text).toBe(201);
  expect(first.body).toMatchObject({ text: '明早补货：黑色 M 码', createdAt: '2026-11-11T09:00:00.000+08:00' });

  await host.clock.advance('5m');
  await host.owner.post('/api/cs-scripts/notes', { text: '客户小王要开发票' });
  const list = await host.owner.get('/api/cs-scripts/notes');
  expect(list.status, list.text).toBe(200);
  expect(list.body.items.map((n: { text: string }) => n.text)).toEqual(['客户小王要开发票', '明早补货：黑色 M 码']);
  expect(list.body.items[0].createdAt).toBe('2026-11-11T09:05:00.000+08:00');
});

test('a blank note is refused in the reader\'s language, on its field', async () => {
  const zh = await host.owner.post('/api/cs-scripts/notes', { text: '   ' });
  expect(zh.status).toBe(400);
  expect(zh.body.detail).toBe('请写下备忘的内容');
  expect(zh.body.errors).toEqual([{ path: '/text', in: 'body', message: 'blank' }]);
  const en = await host.owner.post('/api/cs-scripts/notes', { text: '' }, { 'accept-language': 'en' });
  expect(en.body.detail).toBe('Write what the note says');
});

test('the longest note follows the setting', async () => {
  const long = '很'.repeat(30);
  expect((await host.owner.post('/api/cs-scripts/notes', { text: long })).status).toBe(201);
  const current = await host.owner.get('/api/settings/cs-scripts');
  const saved = await host.owner.put('/api/settings/cs-scripts', { value: { ...current.body.value, maxLength: 20 }, version: current.body.version });
  expect(saved.status, saved.text).toBe(200);
  const refused = await host.owner.post('/api/cs-scripts/notes', { text: long });
  expect(refused.status).toBe(400);
  expect(refused.body.detail).toBe('备忘太长了：最多 20 个字，现在 30 个字');
});

test('reading needs cs-scripts.notes.read and writing cs-scripts.notes.write', async () => {
  const reader = await host.staff('xiaoli', ['cs-scripts.notes.read']);
  expect((await reader.get('/api/cs-scripts/notes')).status).toBe(200);
  expect((await reader.post('/api/cs-scripts/notes', { text: '试试' })).status).toBe(403);
  expect((await host.anonymous().get('/api/cs-scripts/notes')).status).toBe(401);
});
