import type { Queryable, Transaction } from '@workbench/plugin-api';
import type { RunState, StepDraft } from './run-rules.js';

export type ProcedureSubject = 'order' | 'case' | 'either';

export interface ProcedureStep {
  id: number;
  position: number;
  title: string;
  hint: string;
}

/** A procedure as the shop keeps it: its steps in order. */
export interface Procedure {
  id: number;
  code: string;
  name: string;
  subject: ProcedureSubject;
  archived: boolean;
  steps: ProcedureStep[];
  version: number;
  updatedAt: string;
  updatedByName: string;
}

export interface RunStep {
  position: number;
  title: string;
  hint: string;
  note: string;
  doneAt: string | null;
  doneByName: string | null;
}

/** One run of a procedure: the steps as they were when it started, each with its note, who and when. */
export interface Run {
  id: number;
  procedureId: number;
  procedureName: string;
  subject: 'order' | 'case';
  subjectRef: string;
  orderNo: string | null;
  buyerNick: string | null;
  state: RunState;
  startedAt: string;
  startedByName: string;
  endedAt: string | null;
  endedByName: string | null;
  abandonReason: string | null;
  steps: RunStep[];
}

export interface RunFilter {
  orderNo?: string;
  subjectRef?: string;
  buyerNick?: string;
  state?: RunState;
  limit: number;
}

export interface Person {
  id: number | null;
  name: string;
}

export interface ProcedureReader {
  list(includeArchived: boolean): Promise<Procedure[]>;
  get(id: number): Promise<Procedure | undefined>;
  byCode(code: string): Promise<Procedure | undefined>;
  run(id: number): Promise<Run | undefined>;
  runs(filter: RunFilter): Promise<Run[]>;
}

export interface ProcedureStore extends ProcedureReader {
  add(p: { code: string; name: string; subject: ProcedureSubject; steps: StepDraft[]; by: Person; at: string }): Promise<number>;
  /** Replaces name, subject and the whole list of steps: added, removed, reordered or renamed. */
  update(id: number, p: { name: string; subject: ProcedureSubject; archived: boolean; steps: StepDraft[]; by: Person; at: string }): Promise<void>;
  startRun(r: { procedure: Procedure; subject: 'order' | 'case'; subjectRef: string; orderNo: string | null; buyerNick: string | null; by: Person; at: string }): Promise<number>;
  tick(runId: number, position: number, t: { note: string; by: Person; at: string }): Promise<void>;
  end(runId: number, e: { state: Exclude<RunState, 'running'>; reason: string | null; by: Person; at: string }): Promise<void>;
}

export function procedureStore(tx: Transaction): ProcedureStore;
export function procedureStore(q: Queryable): ProcedureReader;
export function procedureStore(q: Queryable): ProcedureReader {
  return new DbProcedureStore(q as Transaction);
}

interface ProcedureRow { id: number; code: string; name: string; subject: ProcedureSubject; archived: number; version: number; updated_at: string; updated_by_name: string }
interface RunRow {
  id: number; procedure_id: number; procedure_name: string; subject: 'order' | 'case'; subject_ref: string; order_no: string | null; buyer_nick: string | null;
  state: RunState; started_at: string; started_by_name: string; ended_at: string | null; ended_by_name: string | null; abandon_reason: string | null;
}

class DbProcedureStore implements ProcedureStore {
  constructor(private readonly tx: Transaction) {}

  private async withSteps(rows: ProcedureRow[]): Promise<Procedure[]> {
    const out: Procedure[] = [];
    for (const r of rows) {
      const steps = await this.tx.all<ProcedureStep>('SELECT id, position, title, hint FROM cs_scripts_procedure_steps WHERE procedure_id = ? ORDER BY position', [r.id]);
      out.push({ id: r.id, code: r.code, name: r.name, subject: r.subject, archived: r.archived === 1, steps, version: r.version, updatedAt: r.updated_at, updatedByName: r.updated_by_name });
    }
    return out;
  }

  async list(includeArchived: boolean): Promise<Procedure[]> {
    return this.withSteps(await this.tx.all<ProcedureRow>(`SELECT * FROM cs_scripts_procedures${includeArchived ? '' : ' WHERE archived = 0'} ORDER BY id`));
  }

  async get(id: number): Promise<Procedure | undefined> {
    return (await this.withSteps(await this.tx.all<ProcedureRow>('SELECT * FROM cs_scripts_procedures WHERE id = ?', [id])))[0];
  }

  async byCode(code: string): Promise<Procedure | undefined> {
    return (await this.withSteps(await this.tx.all<ProcedureRow>('SELECT * FROM cs_scripts_procedures WHERE code = ?', [code])))[0];
  }

  private async withRunSteps(rows: RunRow[]): Promise<Run[]> {
    const out: Run[] = [];
    for (const r of rows) {
      const steps = await this.tx.all<RunStep>(
        'SELECT position, title, hint, note, done_at AS doneAt, done_by_name AS doneByName FROM cs_scripts_run_steps WHERE run_id = ? ORDER BY position', [r.id]);
      out.push({
        id: r.id, procedureId: r.procedure_id, procedureName: r.procedure_name, subject: r.subject, subjectRef: r.subject_ref, orderNo: r.order_no, buyerNick: r.buyer_nick,
        state: r.state, startedAt: r.started_at, startedByName: r.started_by_name, endedAt: r.ended_at, endedByName: r.ended_by_name, abandonReason: r.abandon_reason, steps,
      });
    }
    return out;
  }

  async run(id: number): Promise<Run | undefined> {
    return (await this.withRunSteps(await this.tx.all<RunRow>('SELECT * FROM cs_scripts_runs WHERE id = ?', [id])))[0];
  }

  async runs(f: RunFilter): Promise<Run[]> {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (f.orderNo) { where.push('order_no = ?'); args.push(f.orderNo); }
    if (f.subjectRef) { where.push('subject_ref = ?'); args.push(f.subjectRef); }
    if (f.buyerNick) { where.push('buyer_nick = ?'); args.push(f.buyerNick); }
    if (f.state) { where.push('state = ?'); args.push(f.state); }
    const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    return this.withRunSteps(await this.tx.all<RunRow>(`SELECT * FROM cs_scripts_runs${clause} ORDER BY id DESC LIMIT ?`, [...args, f.limit]));
  }

  private async writeSteps(procedureId: number, steps: StepDraft[]): Promise<void> {
    await this.tx.run('DELETE FROM cs_scripts_procedure_steps WHERE procedure_id = ?', [procedureId]);
    for (const [i, s] of steps.entries()) {
      await this.tx.run('INSERT INTO cs_scripts_procedure_steps (procedure_id, position, title, hint) VALUES (?, ?, ?, ?)', [procedureId, i + 1, s.title.trim(), (s.hint ?? '').trim()]);
    }
  }

  async add(p: { code: string; name: string; subject: ProcedureSubject; steps: StepDraft[]; by: Person; at: string }): Promise<number> {
    const { lastId } = await this.tx.run('INSERT INTO cs_scripts_procedures (code, name, subject, updated_at, updated_by_name) VALUES (?, ?, ?, ?, ?)', [p.code, p.name, p.subject, p.at, p.by.name]);
    await this.writeSteps(lastId, p.steps);
    return lastId;
  }

  async update(id: number, p: { name: string; subject: ProcedureSubject; archived: boolean; steps: StepDraft[]; by: Person; at: string }): Promise<void> {
    await this.tx.run('UPDATE cs_scripts_procedures SET name = ?, subject = ?, archived = ?, version = version + 1, updated_at = ?, updated_by_name = ? WHERE id = ?',
      [p.name, p.subject, p.archived ? 1 : 0, p.at, p.by.name, id]);
    await this.writeSteps(id, p.steps);
  }

  async startRun(r: { procedure: Procedure; subject: 'order' | 'case'; subjectRef: string; orderNo: string | null; buyerNick: string | null; by: Person; at: string }): Promise<number> {
    const { lastId } = await this.tx.run(
      `INSERT INTO cs_scripts_runs (procedure_id, procedure_name, subject, subject_ref, order_no, buyer_nick, state, started_at, started_by, started_by_name)
       VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?, ?)`,
      [r.procedure.id, r.procedure.name, r.subject, r.subjectRef, r.orderNo, r.buyerNick, r.at, r.by.id, r.by.name]);
    // The run keeps its own copy of the steps: later edits of the procedure leave it as it started.
    for (const s of r.procedure.steps) {
      await this.tx.run('INSERT INTO cs_scripts_run_steps (run_id, position, title, hint) VALUES (?, ?, ?, ?)', [lastId, s.position, s.title, s.hint]);
    }
    return lastId;
  }

  async tick(runId: number, position: number, t: { note: string; by: Person; at: string }): Promise<void> {
    await this.tx.run('UPDATE cs_scripts_run_steps SET note = ?, done_at = ?, done_by = ?, done_by_name = ? WHERE run_id = ? AND position = ?',
      [t.note, t.at, t.by.id, t.by.name, runId, position]);
  }

  async end(runId: number, e: { state: Exclude<RunState, 'running'>; reason: string | null; by: Person; at: string }): Promise<void> {
    await this.tx.run('UPDATE cs_scripts_runs SET state = ?, abandon_reason = ?, ended_at = ?, ended_by_name = ? WHERE id = ?', [e.state, e.reason, e.at, e.by.name, runId]);
  }
}
