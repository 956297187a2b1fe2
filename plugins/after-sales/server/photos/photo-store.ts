// Every query on after_sales_case_photos. Lists never read the bytes; only `image` does.
import type { Queryable, Transaction } from '@workbench/plugin-api';
import type { PhotoType } from './photo-type.js';
import type { PhotoSubject } from './read-photo-upload.js';

export interface CasePhoto {
  id: number;
  caseId: number;
  subject: PhotoSubject;
  name: string;
  type: PhotoType;
  size: number;
  sha256: string;
  by: { id: number | null; name: string };
  at: string;
}

interface PhotoRow { id: number; case_id: number; subject: PhotoSubject; name: string; type: PhotoType; size: number; sha256: string; by_id: number | null; by_name: string; at: string }

const COLUMNS = 'id, case_id, subject, name, type, size, sha256, by_id, by_name, at';
const record = (r: PhotoRow): CasePhoto => ({ id: r.id, caseId: r.case_id, subject: r.subject, name: r.name, type: r.type, size: r.size, sha256: r.sha256, by: { id: r.by_id, name: r.by_name }, at: r.at });

export interface NewPhoto extends Omit<CasePhoto, 'id'> {
  data: Uint8Array;
}

export const photoStore = (q: Queryable) => ({
  async list(caseId: number): Promise<CasePhoto[]> {
    return (await q.all<PhotoRow>(`SELECT ${COLUMNS} FROM after_sales_case_photos WHERE case_id = ? ORDER BY id`, [caseId])).map(record);
  },
  async get(caseId: number, id: number): Promise<CasePhoto | undefined> {
    const row = await q.get<PhotoRow>(`SELECT ${COLUMNS} FROM after_sales_case_photos WHERE case_id = ? AND id = ?`, [caseId, id]);
    return row && record(row);
  },
  async image(caseId: number, id: number): Promise<{ type: PhotoType; name: string; data: Uint8Array } | undefined> {
    return q.get<{ type: PhotoType; name: string; data: Uint8Array }>('SELECT type, name, data FROM after_sales_case_photos WHERE case_id = ? AND id = ?', [caseId, id]);
  },
});

export async function addPhoto(tx: Transaction, p: NewPhoto): Promise<number> {
  const { lastId: done } = await tx.run(
    'INSERT INTO after_sales_case_photos (case_id, subject, name, type, size, sha256, data, by_id, by_name, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [p.caseId, p.subject, p.name, p.type, p.size, p.sha256, p.data, p.by.id, p.by.name, p.at],
  );
  return done;
}
