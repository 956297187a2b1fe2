// Attendance and leave through the plugin's API (the test kit): the clock button, corrections,
// leave and its decisions, the time clock import, the settings, and who may do what.
import iconv from 'iconv-lite';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestHost, type TestClient, type TestHost } from '@workbench/plugin-api/testing';
import type { DayFacts, StaffMember } from '../server/model.js';
import { addStaff, plan, templates } from './helpers.js';

const A = '/api/staff-rules';
let host: TestHost;
let white: number;

beforeAll(async () => {
  host = await startTestHost({ plugins: [resolve(import.meta.dirname, '..')], clock: '2026-12-01T07:00:00+08:00' });
  white = (await templates(host.owner))['白班']!.id;
});
afterAll(() => host?.close());

/** A person with a login of their own (role customer-service), planned on 白班 on `days`. */
async function colleague(username: string, days: string[]): Promise<{ client: TestClient; member: StaffMember }> {
  const client = await host.staff(username, ['customer-service']);
  const account = (await client.get('/api/auth/me')).body as { id: number };
  const member = await addStaff(host.owner, { name: username, accountId: account.id });
  for (const d of days) await plan(host.owner, member.id, d, white);
  return { client, member };
}

const monthOf = async (staffId: number, month = '2026-12', client = host.owner) => {
  const reply = await client.get(`${A}/attendance/month?month=${month}&staffId=${staffId}`);
  expect(reply.status, reply.text).toBe(200);
  return reply.body as { days: DayFacts[]; flags: { kind: string; count: number; threshold: number; reason: string }[] };
};
const dayOf = async (staffId: number, date: string) => (await monthOf(staffId, date.slice(0, 7))).days.find((d) => d.date === date)!;

/** Runs an import of a time-clock file as `client` and answers the importer's report. */
const importFile = (client: TestClient, bytes: Uint8Array, headers: Record<string, string> = {}) =>
  client.runImport(`${A}/importers/time-clock`, { name: '考勤机.csv', bytes }, headers);

describe('the clock button', () => {
  test('clocks the logged-in person at the server\'s time; a second press within a minute is refused', async () => {
    const { client, member } = await colleague('btn', ['2026-12-02']);
    await host.clock.set('2026-12-02T08:29:40+08:00');
    // Whatever the browser sends, the time is the server's.
    const first = await client.post(`${A}/attendance/clock`, { at: '2026-12-02T08:00:00+08:00' });
    expect(first.status, first.text).toBe(201);
    expect(first.body.clock).toMatchObject({ staffId: member.id, at: '2026-12-02T08:29:40.000+08:00', source: 'button' });
    expect(first.body.day).toMatchObject({ date: '2026-12-02', status: 'on-time', clockIn: '2026-12-02T08:29:40.000+08:00' });
    await host.clock.advance('30s');
    const again = await client.post(`${A}/attendance/clock`);
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe('刚刚（08:29）已经打过卡了');
    await host.clock.set('2026-12-02T17:10:00+08:00');
    const out = await client.post(`${A}/attendance/clock`, {}, { 'accept-language': 'en' });
    expect(out.body.day).toMatchObject({ status: 'early-leave', clockOut: '2026-12-02T17:10:00.000+08:00', earlyMinutes: 20, earlyFineable: true });
  });

  test('an account not linked to anyone on the staff list is told what to do', async () => {
    const stranger = await host.staff('stranger', ['customer-service']);
    const reply = await stranger.post(`${A}/attendance/clock`, {}, { 'accept-language': 'en' });
    expect(reply.status).toBe(409);
    expect(reply.body.detail).toBe('Your account is not linked to anyone on the staff list; ask the owner to link it there first');
  });
});

describe('corrections', () => {
  test('a supervisor corrects a clock time with a reason: the day is classified again, the old time and the reason shown beside it, the change audited', async () => {
    const { client, member } = await colleague('fix', ['2026-12-03']);
    await host.clock.set('2026-12-03T08:52:00+08:00');
    const clock = (await client.post(`${A}/attendance/clock`)).body.clock;
    expect((await dayOf(member.id, '2026-12-03'))).toMatchObject({ status: 'late', lateMinutes: 22, lateFineable: true });

    const noReason = await host.owner.post(`${A}/attendance/clocks/${clock.id}/correct`, { at: '08:28', reason: ' ', version: clock.version });
    expect(noReason.status).toBe(400);
    const fixed = await host.owner.post(`${A}/attendance/clocks/${clock.id}/correct`, { at: '08:28', reason: '考勤机坏了，店长看到她 8:28 到', version: clock.version });
    expect(fixed.status, fixed.text).toBe(200);
    expect(fixed.body).toMatchObject({ at: '2026-12-03T08:28:00.000+08:00', originalAt: '2026-12-03T08:52:00.000+08:00', correctionReason: '考勤机坏了，店长看到她 8:28 到', version: 2 });
    const day = await dayOf(member.id, '2026-12-03');
    expect(day).toMatchObject({ status: 'on-time', lateMinutes: 0, corrections: [{ clockRowId: clock.id, originalAt: '2026-12-03T08:52:00.000+08:00', reason: '考勤机坏了，店长看到她 8:28 到' }] });
    // A stale version is refused: someone else corrected it first.
    expect((await host.owner.post(`${A}/attendance/clocks/${clock.id}/correct`, { at: '08:29', reason: '再改', version: 1 })).status).toBe(409);

    const audit = await host.owner.get('/api/audit?plugin=staff-rules&q=correct');
    expect(audit.body.items.map((i: { action: string; target: string; outcome: string }) => [i.action, i.target, i.outcome])).toEqual([
      ['correct clock time', String(clock.id), 'error'],
      ['correct clock time', String(clock.id), 'ok'],
      ['correct clock time', String(clock.id), 'error'],
    ]);

    // The board shows the clock with what it said before and why it changed.
    await host.clock.set('2026-12-03T18:00:00+08:00');
    const board = await host.owner.get(`${A}/attendance/board`);
    const row = board.body.items.find((i: { member: { id: number } }) => i.member.id === member.id);
    expect(row.clocks).toEqual([expect.objectContaining({ id: clock.id, originalAt: '2026-12-03T08:52:00.000+08:00', correctionReason: '考勤机坏了，店长看到她 8:28 到' })]);
  });

  test('a forgotten clock is added by a supervisor with the reason', async () => {
    const { member } = await colleague('forgot', ['2026-12-04']);
    await host.clock.set('2026-12-04T19:00:00+08:00');
    expect((await dayOf(member.id, '2026-12-04')).status).toBe('absent');
    const added = await host.owner.post(`${A}/attendance/clocks`, { staffId: member.id, at: '2026-12-04 08:30', reason: '忘了打卡，组长作证' });
    expect(added.status, added.text).toBe(201);
    expect(added.body).toMatchObject({ source: 'supervisor', originalAt: null, correctionReason: '忘了打卡，组长作证' });
    expect(await dayOf(member.id, '2026-12-04')).toMatchObject({ status: 'on-time', corrections: [{ originalAt: null, reason: '忘了打卡，组长作证' }] });
    expect((await host.owner.post(`${A}/attendance/clocks`, { staffId: member.id, at: '昨天', reason: 'x' })).status).toBe(400);
  });
});

describe('leave', () => {
  test('only approved leave covers a day: pending or refused leave is absence; the decision is written', async () => {
    const { client, member } = await colleague('leaver', ['2026-12-08', '2026-12-09']);
    await host.clock.set('2026-12-07T10:00:00+08:00');
    const pending = (await client.post(`${A}/leave`, { kind: 'personal', from: '2026-12-08', to: '2026-12-08', reason: '搬家' })).body;
    const refused = (await client.post(`${A}/leave`, { kind: 'personal', from: '2026-12-09', to: '2026-12-09', reason: '逛街' })).body;
    expect((await client.post(`${A}/leave`, { kind: 'sick', from: '2026-12-09', to: '2026-12-10', reason: '发烧' })).status).toBe(409);
    const noNote = await host.owner.post(`${A}/leave/${refused.id}/decide`, { approve: false, note: '', version: refused.version });
    expect(noNote.status).toBe(400);
    const no = await host.owner.post(`${A}/leave/${refused.id}/decide`, { approve: false, note: '双十二前后不能请假', version: refused.version });
    expect(no.body).toMatchObject({ state: 'refused', decisionNote: '双十二前后不能请假' });
    expect((await host.owner.post(`${A}/leave/${refused.id}/decide`, { approve: true, note: '改主意', version: no.body.version })).status).toBe(409);
    await host.clock.set('2026-12-10T09:00:00+08:00');
    expect((await dayOf(member.id, '2026-12-08')).status).toBe('absent');
    expect((await dayOf(member.id, '2026-12-09')).status).toBe('absent');
    // Approved afterwards, marked as leave without real need: the day is leave and carries the mark.
    const yes = await host.owner.post(`${A}/leave/${pending.id}/decide`, { approve: true, note: '同意，但不算急事', withoutNeed: true, version: pending.version });
    expect(yes.body).toMatchObject({ state: 'approved', withoutNeed: true });
    expect(await dayOf(member.id, '2026-12-08')).toMatchObject({ status: 'leave', leave: { id: pending.id, withoutNeed: true, unpaid: false } });
  });

  test('the calendar shows who is off to everyone, the reason only to the person and supervisors; nobody decides their own leave', async () => {
    const a = await colleague('cal-a', []);
    const b = await colleague('cal-b', []);
    await host.clock.set('2026-12-10T09:00:00+08:00');
    const mine = (await a.client.post(`${A}/leave`, { kind: 'sick', from: '2026-12-15', to: '2026-12-16', reason: '住院检查' })).body;
    const calendar = (client: TestClient) => client.get(`${A}/leave?from=2026-12-01&to=2026-12-31&staffId=${a.member.id}`);
    expect((await calendar(b.client)).body.items).toEqual([expect.objectContaining({ id: mine.id, staffName: 'cal-a', from: '2026-12-15', to: '2026-12-16', reason: null })]);
    expect((await calendar(a.client)).body.items[0].reason).toBe('住院检查');
    expect((await calendar(host.owner)).body.items[0].reason).toBe('住院检查');
    // Someone else's leave needs a supervisor; so does deciding.
    expect((await b.client.post(`${A}/leave`, { kind: 'sick', from: '2026-12-20', to: '2026-12-20', reason: 'x', staffId: a.member.id })).status).toBe(403);
    expect((await b.client.post(`${A}/leave/${mine.id}/decide`, { approve: true, note: 'ok', version: 1 })).status).toBe(403);
    const boss = await host.staff('boss', ['staff-rules.leave.approve', 'staff-rules.leave.request']);
    const bossAccount = (await boss.get('/api/auth/me')).body as { id: number };
    const bossMember = await addStaff(host.owner, { name: '组长', accountId: bossAccount.id });
    const own = (await boss.post(`${A}/leave`, { kind: 'personal', from: '2026-12-21', to: '2026-12-21', reason: '家事' })).body;
    expect(own.staffId).toBe(bossMember.id);
    const self = await boss.post(`${A}/leave/${own.id}/decide`, { approve: true, note: '自己批', version: own.version }, { 'accept-language': 'en' });
    expect(self.status).toBe(403);
    expect(self.body.detail).toBe('You cannot decide your own leave; ask another supervisor');
    expect((await boss.post(`${A}/leave/${mine.id}/decide`, { approve: true, note: '批准', version: mine.version })).status).toBe(200);
  });
});

describe('the time clock import', () => {
  test('a GBK file is imported, again without doubling; one bad row and nothing is, each problem in the uploader\'s language', async () => {
    const { member } = await colleague('csv', ['2026-12-11']);
    const gbk = (text: string) => new Uint8Array(iconv.encode(text, 'gbk'));
    const good = gbk(['工号,打卡时间', `${member.code},2026-12-11 08:41`, `${member.code},2026/12/11 17:35`].join('\r\n'));
    expect((await importFile(host.owner, good)).result).toEqual({ imported: 2, skipped: 0, rejected: [] });
    expect((await importFile(host.owner, good)).result).toEqual({ imported: 0, skipped: 2, rejected: [] });
    await host.clock.set('2026-12-12T09:00:00+08:00');
    expect(await dayOf(member.id, '2026-12-11')).toMatchObject({ status: 'late', lateMinutes: 11, clockOut: '2026-12-11T17:35:00.000+08:00' });

    const bad = gbk(['工号,时间', `${member.code},2026-12-12 08:30`, 'X99,2026-12-12 08:30', `${member.code},下午`].join('\r\n'));
    const refused = await importFile(host.owner, bad, { 'accept-language': 'en' });
    expect(refused.result).toEqual({
      imported: 0,
      skipped: 0,
      rejected: [
        { row: 3, column: '工号', reason: 'No staff member has the number X99; add them to the staff list first' },
        { row: 4, column: '时间', reason: '“下午” is not a clock time; write it like 2026-11-03 08:30' },
      ],
    });
    expect((await host.owner.get(`${A}/attendance/board?date=2026-12-12`)).body.items.find((i: { member: { id: number } }) => i.member.id === member.id).clocks).toEqual([]);
  });

  test('a time clock with headers of its own asks which column is which, once', async () => {
    const { member } = await colleague('mapped', ['2026-12-13']);
    const file = new TextEncoder().encode(['人员,打卡', `${member.code},2026-12-13 08:30`].join('\n'));
    const asked = await importFile(host.owner, file);
    expect(asked.problem).toMatchObject({ kind: 'columns-unmapped' });
    const [question] = asked.problem.files;
    const saved = await host.owner.put(`${A}/importers/time-clock/mappings/${question.layout}`, { columns: { 工号: '人员', 时间: '打卡', 日期: null } });
    expect(saved.status, saved.text).toBe(200);
    expect((await importFile(host.owner, file)).result).toEqual({ imported: 1, skipped: 0, rejected: [] });
  });
});

describe('settings', () => {
  test('each attendance figure is a setting that changes the classification and the flags', async () => {
    const { member } = await colleague('figures', ['2026-12-14', '2026-12-15', '2026-12-16', '2026-12-17', '2026-12-18']);
    await host.clock.set('2026-12-19T09:00:00+08:00');
    // 14th: 4 minutes late; 15th: 10 late; 16th: absent; 17th–18th: two one-day leaves.
    const clocks = ['2026-12-14 08:34', '2026-12-14 17:30', '2026-12-15 08:40', '2026-12-15 17:30'].map((t) => `${member.code},${t}`);
    await importFile(host.owner, new TextEncoder().encode(['工号,时间', ...clocks].join('\n')));
    for (const d of ['2026-12-17', '2026-12-18']) {
      const leave = (await host.owner.post(`${A}/leave`, { kind: 'personal', from: d, to: d, reason: '事', staffId: member.id })).body;
      await host.owner.post(`${A}/leave/${leave.id}/decide`, { approve: true, note: '同意', version: leave.version });
    }
    const before = await monthOf(member.id);
    const d = (m: typeof before, date: string) => m.days.find((x) => x.date === date)!;
    expect([d(before, '2026-12-14').lateBand, d(before, '2026-12-15').lateBand, d(before, '2026-12-15').lateFineable]).toEqual(['grace', 'late', false]);
    expect(before.flags).toEqual([]);

    const current = await host.owner.get('/api/settings/staff-rules');
    expect(current.body.value).toMatchObject({ lateGraceMinutes: 5, lateFineOverMinutes: 15, resignLatesOver: 5, resignAbsenceDays: 3, resignLeavesOver: 3 });
    const saved = await host.owner.put('/api/settings/staff-rules', {
      value: { ...current.body.value, lateGraceMinutes: 3, lateFineOverMinutes: 8, resignLatesOver: 1, resignAbsenceDays: 1, resignLeavesOver: 1 },
      version: current.body.version,
    });
    expect(saved.status, saved.text).toBe(200);
    const after = await monthOf(member.id);
    expect([d(after, '2026-12-14').lateBand, d(after, '2026-12-15').lateBand, d(after, '2026-12-15').lateFineable]).toEqual(['late', 'over', true]);
    expect(after.flags.map((f) => [f.kind, f.count, f.threshold])).toEqual([['lates', 2, 1], ['absences', 1, 1], ['leaves', 2, 1]]);
    expect(after.flags[1]!.reason).toBe('2026-12 旷工 1 天（12-16），达到规定的 1 天：按店规可视为自动离职，由店长决定');
    const en = await host.owner.get(`${A}/attendance/month?month=2026-12&staffId=${member.id}`, { 'accept-language': 'en' });
    expect(en.body.flags[0].reason).toBe("2 lates in 2026-12 (12-14, 12-15), more than the 1 the rules allow: the shop's rules treat this as leaving (自动离职); the owner decides");
    await host.owner.put('/api/settings/staff-rules', { value: current.body.value, version: saved.body.version });
  });
});

describe('permissions', () => {
  test('each route asks for its permission', async () => {
    const routes: [string, string, string, unknown?][] = [
      ['post', `${A}/attendance/clock`, 'staff-rules.attendance.clock'],
      ['get', `${A}/attendance/me`, 'staff-rules.attendance.clock'],
      ['get', `${A}/attendance/month`, 'staff-rules.attendance.read'],
      ['get', `${A}/attendance/board`, 'staff-rules.attendance.read'],
      ['post', `${A}/attendance/clocks/1/correct`, 'staff-rules.attendance.correct', { at: '08:30', reason: 'x', version: 1 }],
      ['post', `${A}/attendance/clocks`, 'staff-rules.attendance.correct', { staffId: 1, at: '2026-12-01 08:30', reason: 'x' }],
      ['get', `${A}/leave`, 'staff-rules.leave.read'],
      ['post', `${A}/leave`, 'staff-rules.leave.request', { kind: 'sick', from: '2026-12-01', to: '2026-12-01', reason: 'x' }],
      ['post', `${A}/leave/1/decide`, 'staff-rules.leave.approve', { approve: true, note: 'x', version: 1 }],
      ['post', `${A}/importers/time-clock`, 'staff-rules.attendance.import', new FormData()],
    ];
    const nobody = await host.staff('nobody', ['staff-rules.staff.read']);
    for (const [method, path, permission, body] of routes) {
      const call = (c: TestClient) => (method === 'get' ? c.get(path) : c.post(path, body ?? {}));
      expect((await call(host.anonymous())).status, `${path} anonymous`).toBe(401);
      expect((await call(nobody)).status, `${path} without ${permission}`).toBe(403);
      const holder = await host.staff(`p${routes.findIndex((r) => r[1] === path && r[0] === method)}`, [permission]);
      expect((await call(holder)).status, `${path} with ${permission}`).not.toBe(403);
    }
  });

  test('every built-in staff role may clock, request leave and see who is off, but not read everyone\'s attendance', async () => {
    const cs = await host.staff('cs-role', ['warehouse']);
    expect((await cs.get(`${A}/leave`)).status).toBe(200);
    expect((await cs.get(`${A}/attendance/board`)).status).toBe(403);
  });
});
