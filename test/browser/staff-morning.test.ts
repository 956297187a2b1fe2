import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPage, logIn, signedInPage, SCREENSHOTS, showView, type SignedInPage } from '../helpers/browser.js';
import { OWNER, type Client } from '../helpers/client.js';
import { startInProcess } from '../helpers/in-process.js';
import type { TestServer } from '../helpers/server.js';

// A supervisor's morning in Chromium, on the kit's clock at 09:10 on 2026-12-08: the board shows
// who came late, a leave request is approved with a note, and a clock time is corrected with its
// reason, which then shows beside the time; 老周 clocks in and sees his shifts of the two weeks.
const A = '/api/staff-rules';
let server: TestServer;
let api: Client;
let signed: SignedInPage;

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  ({ server, owner: api } = await startInProcess({ plugins: [], enabled: ['staff-rules'], listen: true, clock: '2026-12-08T09:10:00+08:00' }));
  const white = ((await api.get(`${A}/shift-templates`)).body.items as { id: number; name: string }[]).find((t) => t.name === '白班')!.id;
  const people: { id: number; code: string }[] = [];
  for (const [code, name] of [['1', '小林'], ['2', '阿珍'], ['3', '老周']] as const) {
    const added = await api.post(`${A}/staff`, { code, name, department: 'cs-presale' });
    expect(added.status, added.text).toBe(201);
    people.push(added.body);
    expect((await api.put(`${A}/roster/${added.body.id}/2026-12-08`, { templateId: white })).status).toBe(200);
  }
  // The time clock's file of the morning: 小林 on time, 阿珍 18 minutes late; 老周 not in yet.
  const form = new FormData();
  form.append('file', new Blob(['工号,时间\r\n1,2026-12-08 08:27\r\n2,2026-12-08 08:48\r\n'], { type: 'text/csv' }), '考勤.csv');
  const run = await api.post(`${A}/importers/time-clock`, form);
  expect(run.status, run.text).toBe(202);
  const events = await api.get(run.body.events, { accept: 'text/event-stream' });
  expect(events.text).toContain('"imported":2');
  // 老周 logs in as customer service, his account linked to him on the staff list.
  const account = await api.post('/api/users', { username: 'laozhou', displayName: '老周', password: 'staff-pass-123', roles: ['customer-service'] });
  expect(account.status, account.text).toBe(201);
  expect((await api.patch(`${A}/staff/${people[2]!.id}`, { accountId: account.body.id })).status).toBe(200);
  const night = ((await api.get(`${A}/shift-templates`)).body.items as { id: number; name: string }[]).find((t) => t.name === '晚班 17:30')!.id;
  expect((await api.put(`${A}/roster/${people[2]!.id}/2026-12-11`, { templateId: night })).status).toBe(200);
  const leave = await api.post(`${A}/leave`, { kind: 'personal', from: '2026-12-09', to: '2026-12-09', reason: '孩子开家长会', staffId: people[2]!.id });
  expect(leave.status, leave.text).toBe(201);
  signed = await signedInPage(server.url, OWNER, 10_000);
  await signed.page.setViewportSize({ width: 1440, height: 900 });
}, 60_000);

afterAll(async () => {
  await signed?.browser.close();
  await server?.dispose();
});

it('sees the late person, approves a leave in writing and corrects a clock time with its reason', async () => {
  const { page, watched } = signed;
  await showView(page, '考勤与请假');
  const board = page.locator('wb-staff-rules-attendance-board');
  const row = (code: string) => board.locator(`tr[data-staff="${code}"]`);
  await row('2').waitFor();
  expect(await row('1').locator('.badge').textContent()).toBe('正常');
  expect(await row('2').locator('.badge').textContent()).toBe('迟到 18 分');
  expect(await row('3').locator('.badge').textContent()).toBe('未到');
  await expect(board.locator('.counts').textContent()).resolves.toMatch(/已到 2.*迟到 1.*未到\/旷工 1.*请假 0/s);
  await page.screenshot({ path: join(SCREENSHOTS, 'staff-morning-board-1440.png') });

  // The leave waiting for a decision: refused without a note, approved with one.
  await page.locator('wb-staff-rules-attendance wb-tabs [role=tab]', { hasText: '请假审批' }).click();
  const request = page.locator('wb-staff-rules-leave-approvals article', { hasText: '老周' });
  await expect(request.textContent()).resolves.toContain('孩子开家长会');
  await request.locator('input[name=note]').fill('同意，记得交接');
  await request.locator('button', { hasText: '批准' }).click();
  await page.locator('wb-staff-rules-leave-approvals .hint', { hasText: '没有待审批的请假' }).waitFor();
  const decided = await api.get(`${A}/leave?state=approved`);
  expect(decided.body.items).toEqual([expect.objectContaining({ staffName: '老周', decisionNote: '同意，记得交接', withoutNeed: false })]);

  // 阿珍's clock was the time clock's fault: corrected with the reason, shown beside the new time.
  await page.locator('wb-staff-rules-attendance wb-tabs [role=tab]', { hasText: '今日考勤' }).click();
  await row('2').locator('button', { hasText: '更正' }).click();
  await board.locator('form.correct input[name=at]').fill('08:29');
  await board.locator('form.correct input[name=reason]').fill('考勤机排队，组长看到 8:29 到');
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: join(SCREENSHOTS, 'staff-morning-correct-1024.png') });
  await board.locator('form.correct button[type=submit]').click();
  await row('2').locator('.badge', { hasText: '正常' }).waitFor();
  expect((await row('2').locator('td.time').first().textContent())?.replace(/\s+/g, ' ').trim()).toBe('08:29 原 08:48：考勤机排队，组长看到 8:29 到 更正');
  await page.screenshot({ path: join(SCREENSHOTS, 'staff-morning-corrected-1024.png') });
  expect(watched.errors.slice(signed.errorsAtLogIn)).toEqual([]);
  expect(watched.foreign).toEqual([]);
}, 30_000);

it('老周 arrives and clocks in with the one button: the server\'s time, 40 minutes late', async () => {
  const watched = await openPage(signed.browser, server.url);
  const page = watched.page;
  page.setDefaultTimeout(10_000);
  await page.setViewportSize({ width: 1024, height: 700 });
  await logIn(page, 'laozhou', 'staff-pass-123', server.url);
  await showView(page, '打卡与我的考勤');
  const mine = page.locator('wb-staff-rules-my-attendance');
  await mine.locator('button.primary', { hasText: '上班打卡' }).click();
  await mine.locator('.clock .badge', { hasText: '迟到 40 分' }).waitFor();
  await expect(mine.locator('.clock [role=status]').textContent()).resolves.toMatch(/今天 08:30–17:30，09:10 到/);
  await mine.locator('button.primary', { hasText: '下班打卡' }).waitFor();
  await expect(mine.locator('li').first().textContent()).resolves.toBe('事假 2026-12-09：已批准（同意，记得交接）');
  // His shifts of this week and next: today's 白班, Friday's night shift ending the next day, days off.
  const shifts = mine.locator('wb-staff-rules-my-shifts');
  const friday = shifts.locator('tr[data-date="2026-12-11"]');
  await friday.waitFor();
  expect(await friday.locator('td').allTextContents()).toEqual(['周五 12-11', '晚班 17:30', '17:30–次日 01:00']);
  await expect(shifts.locator('tr.today').textContent()).resolves.toMatch(/白班\s*08:30–17:30/);
  await expect(shifts.locator('tr', { hasText: '休息' }).count()).resolves.toBe(12);
  await page.screenshot({ path: join(SCREENSHOTS, 'staff-morning-my-attendance-1024.png') });
  expect(watched.errors.filter((e) => !/401/.test(e))).toEqual([]);
}, 20_000);
