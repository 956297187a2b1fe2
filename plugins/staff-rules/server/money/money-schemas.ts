import { def, nullable, visibleText, type JsonSchema } from '@workbench/plugin-api';

const RULES = [
  'late', 'early-leave', 'absence', 'leave-without-need', 'off-task', 'complaint', 'cleaning', 'contact-leak', 'blame-shift',
  'cs-remark', 'label', 'wrong-pack', 'defect-missed', 'loss-saved', 'best-cs', 'refund-better', 'review-praise', 'trainer',
];
const TEXT2 = { type: 'object', properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } }, required: ['zh-CN', 'en'] };

export const MONTH: JsonSchema = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' };
export const MISTAKES = ['cs-remark', 'label', 'wrong-pack', 'defect-missed'];

/** Why an amount is what it is (server/model.ts `Explanation`). */
export const EXPLANATION: JsonSchema = {
  type: 'object',
  properties: {
    rule: { type: 'string', enum: RULES },
    kind: { type: 'string', enum: ['fine', 'penalty', 'reward'] },
    facts: { type: 'object' },
    thresholds: { type: 'object' },
    arithmetic: { type: 'string' },
    text: TEXT2,
    flag: nullable({ type: 'object', properties: { reason: { type: 'string' }, count: { type: 'integer' }, threshold: { type: 'integer' } }, required: ['reason', 'count', 'threshold'] }),
  },
  required: ['rule', 'kind', 'facts', 'thresholds', 'arithmetic', 'text', 'flag'],
};

export const STAFF_REF: JsonSchema = nullable({ type: 'object', properties: { id: def('id'), code: { type: 'string' }, name: { type: 'string' } }, required: ['id', 'code', 'name'] });

/** One booked amount with the person's name (`LedgerEntry` plus `staff`). */
export const AMOUNT: JsonSchema = {
  type: 'object',
  properties: {
    id: def('id'), staffId: def('id'), staff: STAFF_REF, month: MONTH, date: def('date'),
    kind: { type: 'string', enum: ['fine', 'penalty', 'reward'] }, rule: { type: 'string', enum: RULES }, ruleTitle: TEXT2,
    amountFen: def('price'), explanation: EXPLANATION,
    source: { type: 'string', enum: ['supervisor', 'attendance', 'after-sales', 'cs-scripts'] }, sourceRef: nullable({ type: 'string' }),
    recordedBy: nullable(def('id')), recordedAt: def('timestamp'),
    waived: nullable({ type: 'object', properties: { at: def('timestamp'), by: def('id'), reason: { type: 'string' } }, required: ['at', 'by', 'reason'] }),
  },
  required: ['id', 'staffId', 'staff', 'month', 'date', 'kind', 'rule', 'ruleTitle', 'amountFen', 'explanation', 'source', 'sourceRef', 'recordedBy', 'recordedAt', 'waived'],
};

/** A person named by staff id or by 工号. */
export const PERSON: JsonSchema = {
  oneOf: [
    { type: 'object', properties: { staffId: def('id') }, required: ['staffId'], additionalProperties: false },
    { type: 'object', properties: { code: visibleText(1, 20) }, required: ['code'], additionalProperties: false },
  ],
};

/** Payload of `after-sales.case.closed` (server/model.ts `AfterSalesCaseClosed`). */
export const CASE_CLOSED: JsonSchema & { $id: string } = {
  $id: 'https://workbench.local/schemas/staff-rules/after-sales-case-closed',
  type: 'object',
  properties: {
    caseId: visibleText(1, 64), orderNo: visibleText(1, 64),
    responsible: { type: 'array', items: PERSON, minItems: 1, maxItems: 20 },
    mistake: nullable({ type: 'string', enum: MISTAKES }), equipmentFault: { type: 'boolean', default: false },
    returnShippingFen: def('price'), closedAt: def('timestamp'),
  },
  required: ['caseId', 'orderNo', 'responsible', 'mistake', 'returnShippingFen', 'closedAt'],
};

/** Payload of `after-sales.review.praised`. */
export const REVIEW_PRAISED: JsonSchema & { $id: string } = {
  $id: 'https://workbench.local/schemas/staff-rules/after-sales-review-praised',
  type: 'object',
  properties: { reviewId: visibleText(1, 64), orderNo: visibleText(1, 64), staff: PERSON, praisedAt: def('timestamp') },
  required: ['reviewId', 'orderNo', 'staff', 'praisedAt'],
};

const RANKED: JsonSchema = nullable({
  type: 'object',
  properties: {
    code: visibleText(1, 20), salesFen: def('price'),
    conversionPercent: nullable({ type: 'number' }), replyRatePercent: nullable({ type: 'number' }), averageResponseSeconds: nullable({ type: 'number' }),
  },
  required: ['code', 'salesFen'],
});

/** Payload of `cs-scripts.month.ranked` (server/model.ts `CsMonthRanked`). */
export const MONTH_RANKED: JsonSchema & { $id: string } = {
  $id: 'https://workbench.local/schemas/staff-rules/cs-month-ranked',
  type: 'object',
  properties: { month: MONTH, first: RANKED, second: RANKED, closedAt: def('timestamp') },
  required: ['month', 'first', 'second', 'closedAt'],
};
