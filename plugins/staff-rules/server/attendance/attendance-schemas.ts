// The shapes the attendance and leave routes send, for their response checks and the OpenAPI document.
import { def, nullable } from '@workbench/plugin-api';

const BAND = { type: 'string', enum: ['none', 'grace', 'late', 'over'] };

export const CORRECTION = {
  type: 'object',
  properties: { clockRowId: def('id'), originalAt: nullable(def('timestamp')), at: def('timestamp'), reason: { type: 'string' }, by: nullable(def('id')), correctedAt: def('timestamp') },
  required: ['clockRowId', 'originalAt', 'at', 'reason', 'by', 'correctedAt'],
};

export const DAY_FACTS = {
  type: 'object',
  properties: {
    staffId: def('id'),
    date: def('date'),
    status: { type: 'string', enum: ['on-time', 'late', 'early-leave', 'late-and-early', 'absent', 'leave', 'rest', 'open'] },
    shift: nullable({ type: 'object', properties: { startsAt: def('timestamp'), endsAt: def('timestamp') }, required: ['startsAt', 'endsAt'] }),
    clockIn: nullable(def('timestamp')),
    clockOut: nullable(def('timestamp')),
    lateMinutes: { type: 'integer', minimum: 0 },
    earlyMinutes: { type: 'integer', minimum: 0 },
    leave: nullable({
      type: 'object',
      properties: { id: def('id'), kind: { type: 'string' }, unpaid: { type: 'boolean' }, withoutNeed: { type: 'boolean' } },
      required: ['id', 'kind', 'unpaid', 'withoutNeed'],
    }),
    lateBand: BAND,
    lateFineable: { type: 'boolean' },
    earlyBand: BAND,
    earlyFineable: { type: 'boolean' },
    corrections: { type: 'array', items: CORRECTION },
  },
  required: ['staffId', 'date', 'status', 'shift', 'clockIn', 'clockOut', 'lateMinutes', 'earlyMinutes', 'leave', 'lateBand', 'lateFineable', 'earlyBand', 'earlyFineable', 'corrections'],
};

export const FLAG = {
  type: 'object',
  properties: {
    staffId: def('id'),
    month: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
    kind: { type: 'string', enum: ['lates', 'early-leaves', 'absences', 'leaves'] },
    count: { type: 'integer' },
    threshold: { type: 'integer' },
    dates: { type: 'array', items: def('date') },
    reason: { type: 'string' },
  },
  required: ['staffId', 'month', 'kind', 'count', 'threshold', 'dates', 'reason'],
};

export const CLOCK = {
  type: 'object',
  properties: {
    id: def('id'),
    staffId: def('id'),
    at: def('timestamp'),
    source: { type: 'string', enum: ['button', 'import', 'supervisor'] },
    createdAt: def('timestamp'),
    originalAt: nullable(def('timestamp')),
    correctedAt: nullable(def('timestamp')),
    correctedBy: nullable(def('id')),
    correctionReason: nullable({ type: 'string' }),
    version: def('version'),
  },
  required: ['id', 'staffId', 'at', 'source', 'originalAt', 'correctedAt', 'correctionReason', 'version'],
};

export const PERSON = {
  type: 'object',
  properties: { id: def('id'), code: { type: 'string' }, name: { type: 'string' }, department: { type: 'string' } },
  required: ['id', 'code', 'name', 'department'],
};

export const LEAVE = {
  type: 'object',
  properties: {
    id: def('id'),
    staffId: def('id'),
    staffName: { type: 'string' },
    staffCode: { type: 'string' },
    kind: { type: 'string', enum: ['personal', 'sick', 'special'] },
    from: def('date'),
    to: def('date'),
    reason: nullable({ type: 'string' }),
    state: { type: 'string', enum: ['pending', 'approved', 'refused'] },
    withoutNeed: { type: 'boolean' },
    decisionNote: nullable({ type: 'string' }),
    decidedBy: nullable(def('id')),
    decidedAt: nullable(def('timestamp')),
    requestedAt: def('timestamp'),
    version: def('version'),
  },
  required: ['id', 'staffId', 'kind', 'from', 'to', 'reason', 'state', 'withoutNeed', 'decisionNote', 'version'],
};

export const MONTH_QUERY = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' };
