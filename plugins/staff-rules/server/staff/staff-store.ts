import { ConflictError, type Queryable, type Transaction } from '@workbench/plugin-api';
import type { Department, StaffMember } from '../model.js';
import { normaliseStaffCode } from './staff-code.js';

/** What a person is entered or changed with; the code is normalised by the store. */
export interface StaffInput {
  code: string;
  name: string;
  department: Department;
  position?: string | null;
  hiredOn?: string | null;
  phone?: string | null;
  accountId?: number | null;
  leftOn?: string | null;
}

export interface StaffFilter {
  department?: Department;
  /** Also those who have left (default: only people still with the shop). */
  includeLeft?: boolean;
  /** Part of the name or the 工号. */
  q?: string;
}

/** What may be read of the staff, in any read or transaction. */
export interface StaffReader {
  list(filter?: StaffFilter): Promise<StaffMember[]>;
  get(id: number): Promise<StaffMember | undefined>;
  /** By 工号, spelled any way the shop writes it (spaces, full-width digits). */
  byCode(code: string): Promise<StaffMember | undefined>;
  byAccount(accountId: number): Promise<StaffMember | undefined>;
  /** People who had not left on `date` (they left after it, or not at all). */
  activeOn(date: string): Promise<StaffMember[]>;
}

export interface StaffStore extends StaffReader {
  add(input: StaffInput, at: string): Promise<StaffMember>;
  update(id: number, patch: Partial<StaffInput>, at: string): Promise<StaffMember>;
}

const COLUMNS = `id, code, name, department, position, hired_on AS hiredOn, phone, account_id AS accountId, left_on AS leftOn`;

export function staffStore(tx: Transaction): StaffStore;
export function staffStore(q: Queryable): StaffReader;
export function staffStore(q: Queryable): StaffReader {
  return new DbStaffStore(q as Transaction);
}

class DbStaffStore implements StaffStore {
  constructor(private readonly tx: Transaction) {}

  list(filter: StaffFilter = {}): Promise<StaffMember[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.department) { where.push('department = ?'); params.push(filter.department); }
    if (!filter.includeLeft) where.push('left_on IS NULL');
    if (filter.q) {
      where.push("(name LIKE ? ESCAPE '\\' OR code = ?)");
      params.push(`%${filter.q.replace(/[%_\\]/g, '\\$&')}%`, normaliseStaffCode(filter.q));
    }
    return this.tx.all<StaffMember>(`SELECT ${COLUMNS} FROM staff_rules_staff ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY department, code`, params);
  }

  get(id: number): Promise<StaffMember | undefined> {
    return this.tx.get<StaffMember>(`SELECT ${COLUMNS} FROM staff_rules_staff WHERE id = ?`, [id]);
  }

  byCode(code: string): Promise<StaffMember | undefined> {
    return this.tx.get<StaffMember>(`SELECT ${COLUMNS} FROM staff_rules_staff WHERE code = ?`, [normaliseStaffCode(code)]);
  }

  byAccount(accountId: number): Promise<StaffMember | undefined> {
    return this.tx.get<StaffMember>(`SELECT ${COLUMNS} FROM staff_rules_staff WHERE account_id = ?`, [accountId]);
  }

  activeOn(date: string): Promise<StaffMember[]> {
    return this.tx.all<StaffMember>(`SELECT ${COLUMNS} FROM staff_rules_staff WHERE left_on IS NULL OR left_on > ? ORDER BY department, code`, [date]);
  }

  async add(input: StaffInput, at: string): Promise<StaffMember> {
    const code = normaliseStaffCode(input.code);
    await this.refuseTaken(code, input.accountId ?? null, 0);
    const { lastId } = await this.tx.run(
      `INSERT INTO staff_rules_staff (code, name, department, position, hired_on, phone, account_id, left_on, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [code, input.name.trim(), input.department, input.position?.trim() || null, input.hiredOn ?? null, input.phone?.trim() || null, input.accountId ?? null, input.leftOn ?? null, at, at],
    );
    return (await this.get(lastId))!;
  }

  async update(id: number, patch: Partial<StaffInput>, at: string): Promise<StaffMember> {
    const current = (await this.get(id))!;
    const next = { ...current, ...patch, code: normaliseStaffCode(patch.code ?? current.code) };
    await this.refuseTaken(next.code, next.accountId ?? null, id);
    await this.tx.run(
      `UPDATE staff_rules_staff SET code = ?, name = ?, department = ?, position = ?, hired_on = ?, phone = ?, account_id = ?, left_on = ?, updated_at = ? WHERE id = ?`,
      [next.code, next.name.trim(), next.department, next.position?.trim() || null, next.hiredOn ?? null, next.phone?.trim() || null, next.accountId ?? null, next.leftOn ?? null, at, id],
    );
    return (await this.get(id))!;
  }

  // A 工号 stays with the person even after they leave: fines and old remarks still name it.
  private async refuseTaken(code: string, accountId: number | null, self: number): Promise<void> {
    const holder = await this.tx.get<{ id: number; name: string }>('SELECT id, name FROM staff_rules_staff WHERE code = ? AND id <> ?', [code, self]);
    if (holder) {
      throw new ConflictError(
        { 'zh-CN': `工号 ${code} 已经是 ${holder.name} 的了，请换一个工号`, en: `Staff number ${code} already belongs to ${holder.name}; choose another` },
        { errors: [{ path: '/code', in: 'body', message: 'taken' }], details: { staffId: holder.id } },
      );
    }
    if (accountId === null) return;
    const linked = await this.tx.get<{ name: string }>('SELECT name FROM staff_rules_staff WHERE account_id = ? AND id <> ?', [accountId, self]);
    if (linked) {
      throw new ConflictError(
        { 'zh-CN': `这个账号已经关联到 ${linked.name}，一个账号只能关联一个人`, en: `This account is already linked to ${linked.name}; an account belongs to one person` },
        { errors: [{ path: '/accountId', in: 'body', message: 'taken' }] },
      );
    }
  }
}
