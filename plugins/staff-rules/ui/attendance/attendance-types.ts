// The attendance API's answers as the panels read them (server/attendance/attendance-schemas.ts).
import type { DayFacts } from '../../server/model.js';

export type { DayFacts };

export interface Person {
  id: number;
  code: string;
  name: string;
  department: string;
}

export interface ClockRecord {
  id: number;
  staffId: number;
  at: string;
  source: 'button' | 'import' | 'supervisor';
  originalAt: string | null;
  correctedAt: string | null;
  correctionReason: string | null;
  version: number;
}

export interface BoardRow {
  member: Person;
  facts: DayFacts;
  clocks: ClockRecord[];
}

export interface Flag {
  staffId: number;
  kind: string;
  count: number;
  threshold: number;
  dates: string[];
  reason: string;
}

export interface Leave {
  id: number;
  staffId: number;
  staffName?: string;
  staffCode?: string;
  kind: 'personal' | 'sick' | 'special';
  from: string;
  to: string;
  reason: string | null;
  state: 'pending' | 'approved' | 'refused';
  withoutNeed: boolean;
  decisionNote: string | null;
  version: number;
}

/** `HH:MM` of a shop-time instant, as the API writes them. */
export const hhmm = (iso: string | null | undefined): string => (iso ? iso.slice(11, 16) : '');
