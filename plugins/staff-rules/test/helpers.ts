// Shared by staff-rules' API tests: a person and a planned shift through the HTTP API.
import { expect } from 'vitest';
import { resolve } from 'node:path';
import { startTestHost, type TestClient, type TestHost } from '@workbench/plugin-api/testing';
import type { Department, RosterEntry, ShiftTemplate, StaffMember } from '../server/model.js';

let counter = 0;

/** Adds a person (a fresh 工号 unless given) and answers the record. */
export async function addStaff(client: TestClient, fields: Partial<Omit<StaffMember, 'id'>> & { department?: Department } = {}): Promise<StaffMember> {
  counter += 1;
  const reply = await client.post('/api/staff-rules/staff', { code: `T${counter}`, name: `员工${counter}`, department: 'cs-presale', ...fields });
  expect(reply.status, reply.text).toBe(201);
  return reply.body as StaffMember;
}

/** The seeded templates by name: 白班, 晚班 15:30, 晚班 16:00, 晚班 17:30. */
export async function templates(client: TestClient): Promise<Record<string, ShiftTemplate>> {
  const reply = await client.get('/api/staff-rules/shift-templates');
  expect(reply.status, reply.text).toBe(200);
  return Object.fromEntries((reply.body.items as ShiftTemplate[]).map((t) => [t.name, t]));
}

/** Plans a shift and answers the entry. */
export async function plan(client: TestClient, staffId: number, date: string, templateId: number): Promise<RosterEntry> {
  const reply = await client.put(`/api/staff-rules/roster/${staffId}/${date}`, { templateId });
  expect(reply.status, reply.text).toBe(200);
  return reply.body as RosterEntry;
}

export interface ClockedPerson {
  host: TestHost;
  /** The person's own client (客服), linked to their staff record. */
  person: TestClient;
  staffId: number;
  /** Presses the person's clock button at `time` (shop time) on `date`, moving the test clock there. */
  press(date: string, time: string): Promise<void>;
}

/** A host on the test clock at 1 Nov 2026 07:00 with 小王 (工号 `code`), who clocks in through the API. */
export async function startWithClockedPerson(code: string): Promise<ClockedPerson> {
  const host = await startTestHost({ plugins: [resolve(import.meta.dirname, '..')], clock: '2026-11-01T07:00:00+08:00' });
  const person = await host.staff('xiaowang', ['customer-service']);
  const account = (await person.get('/api/auth/me')).body as { id: number };
  const staffId = (await addStaff(host.owner, { name: '小王', code, accountId: account.id })).id;
  return {
    host,
    person,
    staffId,
    async press(date, time) {
      await host.clock.set(`${date}T${time}:00+08:00`);
      const reply = await person.post('/api/staff-rules/attendance/clock');
      expect(reply.status, reply.text).toBe(201);
    },
  };
}
