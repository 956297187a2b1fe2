// Fines, penalties, rewards, the fund and the month through the API, with a stand-in after-sales
// plugin emitting the events staff-rules listens to.
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { decodeCsv, readCsv } from '@workbench/plugin-api';
import { startTestHost, type TestClient, type TestHost } from '@workbench/plugin-api/testing';
import type { StaffMember } from '../server/model.js';
import { addStaff } from './helpers.js';

let host: TestHost;
let xiaoli: StaffMember;
let ahua: StaffMember;
let laowang: StaffMember;

beforeAll(async () => {
  host = await startTestHost({
    plugins: [resolve(import.meta.dirname, '..'), resolve(import.meta.dirname, 'fixtures/after-sales-fake')],
    clock: '2026-11-20T10:00:00+08:00',
  });
  xiaoli = await addStaff(host.owner, { code: '7', name: '李小丽', department: 'cs-presale' });
  ahua = await addStaff(host.owner, { code: '12', name: '王阿华', department: 'warehouse' });
  laowang = await addStaff(host.owner, { code: '15', name: '老王', department: 'warehouse' });
});
afterAll(() => host?.close());

const conduct = (client: TestClient, body: Record<string, unknown>) => client.post('/api/staff-rules/fines/conduct', { date: '2026-11-20', note: '买家说回复太慢', ...body });
const emit = (name: string, payload: unknown) => host.owner.post('/api/after-sales/emit', { name, payload });
async function settings(change: (v: Record<string, Record<string, unknown>>) => void): Promise<void> {
  const current = await host.owner.get('/api/settings/staff-rules');
  const value = structuredClone(current.body.value);
  change(value);
  const saved = await host.owner.put('/api/settings/staff-rules', { value, version: current.body.version });
  expect(saved.status, saved.text).toBe(200);
}

test('a supervisor records complaints: they double, the third flags the person, each says why', async () => {
  const supervisor = await host.staff('zhuguan', ['staff-rules.fines.record']);
  const amounts = [];
  for (let i = 0; i < 3; i++) {
    const r = await conduct(supervisor, { staffId: xiaoli.id, rule: 'complaint' });
    expect(r.status, r.text).toBe(201);
    amounts.push(r.body);
  }
  expect(amounts.map((a) => a.amountFen)).toEqual([3000, 6000, 12000]);
  expect(amounts[2]).toMatchObject({ staff: { code: '7', name: '李小丽' }, kind: 'fine', ruleTitle: { 'zh-CN': '顾客投诉' }, explanation: { flag: { reason: 'complaints', count: 3, threshold: 3 } } });
  expect(amounts[1].explanation.text['zh-CN']).toBe('2026-11-20 因服务被顾客投诉（买家说回复太慢），这是累计第 2 次：每次翻倍，30.00 元 × 2^1 = 60.00 元。');
});

test('the complaint fine, its doubling and its window are settings', async () => {
  await settings((v) => Object.assign(v.fines!, { complaintFen: 5000, complaintDoubling: false, complaintWindow: 'month' }));
  const r = await conduct(host.owner, { staffId: ahua.id, rule: 'complaint', date: '2026-10-30' });
  expect(r.body.amountFen).toBe(5000);
  const again = await conduct(host.owner, { staffId: ahua.id, rule: 'complaint' });
  expect(again.body).toMatchObject({ amountFen: 5000, explanation: { facts: { nth: 1 } } });
  await settings((v) => Object.assign(v.fines!, { complaintFen: 3000, complaintDoubling: true, complaintWindow: 'all' }));
});

test('a leaked contact is priced inside the range, in the reader\'s language when not', async () => {
  const none = await conduct(host.owner, { staffId: ahua.id, rule: 'contact-leak' });
  expect(none.status).toBe(400);
  expect(none.body.detail).toBe('泄露联系方式的罚款由主管按情节定，请填写 10.00 元–50.00 元 之间的金额');
  const over = await host.owner.post('/api/staff-rules/fines/conduct', { staffId: ahua.id, rule: 'contact-leak', date: '2026-11-20', note: '把手机号给了快递', amountFen: 8000 }, { 'accept-language': 'en' });
  expect(over.body.detail).toBe('A fine of 80.00 元 is outside 10.00 元–50.00 元');
  expect((await conduct(host.owner, { staffId: ahua.id, rule: 'contact-leak', amountFen: 2000 })).body.amountFen).toBe(2000);
  expect((await conduct(host.owner, { staffId: 999, rule: 'cleaning' })).status).toBe(404);
});

test('a case entered by hand: shares of the shipping split equally, free mistakes first, each case once', async () => {
  const body = { orderNo: '3390001', mistake: 'wrong-pack', returnShippingFen: 1001, date: '2026-11-20', responsible: [{ code: '12' }, { staffId: laowang.id }, { code: '７' }] };
  for (let i = 1; i <= 3; i++) {
    const free = await host.owner.post('/api/staff-rules/fines/cases', { ...body, caseId: `AS-${i}`, responsible: [{ staffId: ahua.id }] });
    expect(free.body.items[0], free.text).toMatchObject({ amountFen: 0, kind: 'penalty' });
  }
  const shared = await host.owner.post('/api/staff-rules/fines/cases', { ...body, caseId: 'AS-4' });
  expect(shared.status, shared.text).toBe(201);
  expect(shared.body.items.map((a: { staff: { code: string }; amountFen: number }) => [a.staff.code, a.amountFen])).toEqual([['12', 167], ['15', 0], ['7', 0]]);
  expect(shared.body.items[0].explanation.text['zh-CN']).toContain('（500.5 分四舍五入为 501 分），3 人平分，每人 167 分');
  expect(shared.body.items[1].explanation.text['zh-CN']).toContain('这是本月第 1 次失误，前 3 次不罚');
  const twice = await host.owner.post('/api/staff-rules/fines/cases', { ...body, caseId: 'AS-4' });
  expect(twice.status).toBe(400);
  expect(twice.body.detail).toBe('售后单 AS-4 已经计算过责任，不能重复');
  const unknown = await host.owner.post('/api/staff-rules/fines/cases', { ...body, caseId: 'AS-5', responsible: [{ code: '404' }] });
  expect(unknown.body).toMatchObject({ status: 400, detail: '售后单 AS-5 的责任人 工号 404 不在员工名单里' });
});

test('after-sales closing a case prices it; a label misprinted by faulty equipment costs nothing', async () => {
  const closed = { orderNo: '3390002', responsible: [{ code: '12' }], mistake: 'defect-missed', returnShippingFen: 2400, closedAt: '2026-11-20T11:00:00+08:00' };
  expect((await emit('case.closed', { ...closed, caseId: 'AS-10' })).status).toBe(204);
  expect((await emit('case.closed', { ...closed, caseId: 'AS-10' })).status).toBe(204); // delivered twice: priced once
  expect((await emit('case.closed', { ...closed, caseId: 'AS-11', mistake: 'label', equipmentFault: true })).status).toBe(204);
  expect((await emit('case.closed', { ...closed, caseId: 'AS-12', mistake: null })).status).toBe(204);
  expect((await emit('case.closed', { ...closed, caseId: 'AS-13', responsible: [{ code: '999' }] })).status).toBe(204);
  expect(host.logs().join('\n')).toContain('closed case names someone not on the staff list');
  const ledger = await host.owner.get(`/api/staff-rules/fines?staffId=${ahua.id}&kind=penalty`);
  const byCase = ledger.body.items.filter((a: { source: string }) => a.source === 'after-sales').map((a: { sourceRef: string; amountFen: number }) => [a.sourceRef, a.amountFen]);
  expect(byCase).toEqual([['AS-11', 0], ['AS-10', 240]]);
  const bad = await emit('case.closed', { ...closed, caseId: 'AS-14', returnShippingFen: -5 });
  expect(bad.status).toBe(400);
});

test('a review praising someone by 工号 rewards them once', async () => {
  const praised = { reviewId: 'R-1', orderNo: '3390003', staff: { code: '7' }, praisedAt: '2026-11-20T12:00:00+08:00' };
  await emit('review.praised', praised);
  await emit('review.praised', praised);
  const rewards = await host.owner.get(`/api/staff-rules/fines?staffId=${xiaoli.id}&kind=reward`);
  expect(rewards.body.items.map((a: { rule: string; amountFen: number }) => [a.rule, a.amountFen])).toEqual([['review-praise', 200]]);
});

test('rewards are entered with their facts; a refund reward needs a figure better than the industry', async () => {
  const r = (body: Record<string, unknown>) => host.owner.post('/api/staff-rules/fines/rewards', { staffId: xiaoli.id, date: '2026-11-20', ...body });
  expect((await r({ rule: 'loss-saved', savedFen: 123455, note: '拦下了错发的包裹' })).body.amountFen).toBe(12346);
  expect((await r({ rule: 'best-cs', place: 1 })).body.amountFen).toBe(5000);
  expect((await r({ rule: 'trainer', place: 3 })).body.amountFen).toBe(5000);
  const worse = await r({ rule: 'refund-better', measure: 'hours', shopHours: 60 });
  expect(worse.body.detail).toBe('本店 60 小时 没有优于行业的 48 小时，不发这项奖励');
  await settings((v) => Object.assign(v.rewards!, { industryRefundHours: 72 }));
  expect((await r({ rule: 'refund-better', measure: 'hours', shopHours: 60 })).body.amountFen).toBe(5000);
  expect((await r({ rule: 'best-cs' })).status).toBe(400);
});

test('the owner waives with a reason, audited; the fund counts only what was not waived', async () => {
  const before = (await host.owner.get('/api/staff-rules/fund')).body;
  const [first] = (await host.owner.get(`/api/staff-rules/fines?staffId=${xiaoli.id}&kind=fine`)).body.items.slice(-1);
  const supervisor = await host.staff('zhuguan2', ['staff-rules.fines.record', 'staff-rules.fines.read']);
  expect((await supervisor.post(`/api/staff-rules/fines/${first.id}/waive`, { reason: '买家撤回了投诉' })).status).toBe(403);
  const waived = await host.owner.post(`/api/staff-rules/fines/${first.id}/waive`, { reason: '买家撤回了投诉' });
  expect(waived.status, waived.text).toBe(200);
  expect(waived.body.waived).toMatchObject({ reason: '买家撤回了投诉', at: '2026-11-20T10:00:00.000+08:00' });
  expect((await host.owner.post(`/api/staff-rules/fines/${first.id}/waive`, { reason: '再来' })).status).toBe(400);
  const audit = await host.owner.get('/api/audit?q=waive');
  expect(audit.body.items.map((a: { outcome: string }) => a.outcome)).toContain('error');
  expect(audit.body.items.find((a: { outcome: string }) => a.outcome === 'ok')).toMatchObject({ plugin: 'staff-rules', action: 'waive amount', target: String(first.id), outcome: 'ok' });
  const after = (await host.owner.get('/api/staff-rules/fund')).body;
  expect(after.incomeFen).toBe(before.incomeFen - 3000);
});

test('the fund is open to every member of staff: balance, income by person and rule, spending with a receipt', async () => {
  const packer = await host.staff('dabao', ['warehouse']);
  const fund = await packer.get('/api/staff-rules/fund');
  expect(fund.status, fund.text).toBe(200);
  expect(fund.body.byPerson.map((p: { code: string; amountFen: number }) => [p.code, p.amountFen])).toEqual([['7', 18000], ['12', 12000]]);
  expect(fund.body.byRule.find((r: { rule: string }) => r.rule === 'complaint')).toMatchObject({ title: { 'zh-CN': '顾客投诉' }, amountFen: 28000, count: 4 });
  expect((await packer.post('/api/staff-rules/fund/spending', { date: '2026-11-20', amountFen: 100, note: '奶茶', receiptNo: 'F1' })).status).toBe(403);
  const finance = await host.staff('caiwu', ['finance']);
  const spent = await finance.post('/api/staff-rules/fund/spending', { date: '2026-11-20', amountFen: 8800, note: '团建聚餐', receiptNo: 'FP-2026-1120' });
  expect(spent.status, spent.text).toBe(201);
  const too = await finance.post('/api/staff-rules/fund/spending', { date: '2026-11-20', amountFen: 99_999_00, note: '聚餐', receiptNo: 'FP-2' });
  expect(too.status).toBe(409);
  expect(too.body.detail).toBe('基金余额只有 212.00 元，不够支出 99999.00 元');
  const now = (await packer.get('/api/staff-rules/fund')).body;
  expect(now).toMatchObject({ incomeFen: 30000, spentFen: 8800, balanceFen: 21200, spending: [{ note: '团建聚餐', receiptNo: 'FP-2026-1120', amountFen: 8800 }] });
});

test('a person sees only their own amounts, through the account linked to them', async () => {
  const me = await host.staff('xiaoli', ['customer-service']);
  const none = await me.get('/api/staff-rules/fines/mine');
  expect(none.body).toEqual({ staff: null, items: [] });
  const account = (await me.get('/api/auth/me')).body;
  expect((await host.owner.patch(`/api/staff-rules/staff/${xiaoli.id}`, { accountId: account.id ?? account.user.id })).status).toBe(200);
  const mine = await me.get('/api/staff-rules/fines/mine?month=2026-11');
  expect(mine.body.staff).toMatchObject({ code: '7' });
  expect(new Set(mine.body.items.map((a: { staffId: number }) => a.staffId))).toEqual(new Set([xiaoli.id]));
  expect(mine.body.items.some((a: { explanation: { text: { 'zh-CN': string } } }) => a.explanation.text['zh-CN'].includes('这是累计第 3 次'))).toBe(true);
  expect((await me.get('/api/staff-rules/fines')).status).toBe(403);
});

test('the month: summary, the deductions file, and the close that locks it', async () => {
  const month = await host.owner.get('/api/staff-rules/months/2026-11');
  const row = month.body.rows.find((r: { staff: { code: string } }) => r.staff.code === '7');
  expect(row).toMatchObject({ finesFen: 18000, penaltiesFen: 0, rewardsFen: 200 + 12346 + 5000 + 5000 + 5000, waivedFen: 3000, deductionFen: 18000 });
  expect(row.flags).toEqual([{ reason: 'complaints', count: 3, threshold: 3 }]);

  const bytes = (path: string) => host.request(path, { headers: { host: 'localhost', cookie: host.owner.cookie } });
  const csv = await bytes('/api/staff-rules/months/2026-11/deductions.csv?encoding=gbk');
  expect(csv.headers.get('content-type')).toBe('text/csv; charset=gbk');
  const { text, encoding } = decodeCsv(new Uint8Array(await csv.arrayBuffer()));
  expect(encoding).toBe('gbk');
  const cells = readCsv(text).records.map((r) => r.cells);
  expect(cells[0]!.slice(0, 3)).toEqual(['月份', '工号', '姓名']);
  expect(cells.find((c) => c[1] === '7')!.slice(8)).toEqual(['180.00', '0.00', '275.46', '180.00', '否']);
  const utf8 = await bytes('/api/staff-rules/months/2026-11/deductions.csv');
  expect([...new Uint8Array(await utf8.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

  expect((await host.owner.post('/api/staff-rules/months/2026-11/close')).body.detail).toBe('2026-11 月还没过完，不能结账');
  await host.clock.set('2026-12-01T09:00:00+08:00');
  const supervisor = await host.staff('zhuguan3', ['staff-rules.fines.record']);
  expect((await supervisor.post('/api/staff-rules/months/2026-11/close')).status).toBe(403);
  const closed = await host.owner.post('/api/staff-rules/months/2026-11/close');
  expect(closed.status, closed.text).toBe(200);
  const refused = await conduct(supervisor, { staffId: ahua.id, rule: 'cleaning', date: '2026-11-30' });
  expect(refused.status).toBe(409);
  expect(refused.body.detail).toBe('2026-11 月已由店长结账（2026-12-01），这个月的罚款、奖励不能再改');
  const waive = await host.owner.post(`/api/staff-rules/fines/${row ? (await host.owner.get('/api/staff-rules/fines?month=2026-11')).body.items[0].id : 0}/waive`, { reason: '晚了' });
  expect(waive.status).toBe(409);
  // A case after-sales closed late in November is booked in the first open month, not refused.
  await emit('case.closed', { caseId: 'AS-20', orderNo: '3390009', responsible: [{ code: '15' }], mistake: 'label', returnShippingFen: 1000, closedAt: '2026-11-30T23:00:00+08:00' });
  const late = (await host.owner.get(`/api/staff-rules/fines?staffId=${laowang.id}&month=2026-12`)).body.items;
  expect(late).toMatchObject([{ sourceRef: 'AS-20', date: '2026-11-30', month: '2026-12' }]);
  expect((await host.owner.get('/api/staff-rules/months/2026-11')).body.closed).toMatchObject({ closedAt: '2026-12-01T09:00:00.000+08:00' });
});

test('who may do what', async () => {
  const nobody = host.anonymous();
  for (const path of ['/api/staff-rules/fines', '/api/staff-rules/fines/mine', '/api/staff-rules/fund', '/api/staff-rules/months/2026-11']) {
    expect((await nobody.get(path)).status).toBe(401);
  }
  const cs = await host.staff('kefu', ['customer-service']);
  expect((await cs.get('/api/staff-rules/fund')).status).toBe(200);
  expect((await cs.get('/api/staff-rules/fines/mine')).status).toBe(200);
  expect((await cs.get('/api/staff-rules/months/2026-11')).status).toBe(403);
  expect((await cs.get('/api/staff-rules/months/2026-11/deductions.csv')).status).toBe(403);
  expect((await conduct(cs, { staffId: ahua.id, rule: 'cleaning' })).status).toBe(403);
  expect((await cs.post('/api/staff-rules/fines/rewards', { staffId: ahua.id, date: '2026-12-01', rule: 'best-cs', place: 1 })).status).toBe(403);
  expect((await cs.post('/api/staff-rules/fines/cases', { caseId: 'X', orderNo: '1', mistake: 'label', returnShippingFen: 1, date: '2026-12-01', responsible: [{ code: '7' }] })).status).toBe(403);
  expect((await cs.post('/api/staff-rules/months/2026-12/attendance')).status).toBe(403);
  const finance = await host.staff('caiwu2', ['finance']);
  expect((await finance.get('/api/staff-rules/months/2026-11')).status).toBe(200);
  expect((await finance.get('/api/staff-rules/months/2026-11/deductions.csv')).status).toBe(200);
  expect((await finance.post('/api/staff-rules/months/2026-10/close')).status).toBe(403);
});
