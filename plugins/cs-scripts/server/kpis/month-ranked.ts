import { def, nullable, type JsonSchema } from '@workbench/plugin-api';

/** An agent placed in the month, with the figures that placed them. */
export interface RankedAgent {
  /** The 工号, as staff-rules' `byCode` reads it. */
  code: string;
  salesFen: number;
  conversionPercent: number | null;
  replyRatePercent: number | null;
  averageResponseSeconds: number | null;
}

/** Payload of `cs-scripts.month.ranked`: emitted once, when a month is closed here. */
export interface MonthRanked {
  month: string;
  first: RankedAgent | null;
  second: RankedAgent | null;
  closedAt: string;
}

const RANKED: JsonSchema = nullable({
  type: 'object',
  properties: {
    code: { type: 'string', minLength: 1, maxLength: 20 }, salesFen: { type: 'integer', minimum: 0 },
    conversionPercent: nullable({ type: 'number' }), replyRatePercent: nullable({ type: 'number' }), averageResponseSeconds: nullable({ type: 'number' }),
  },
  required: ['code', 'salesFen', 'conversionPercent', 'replyRatePercent', 'averageResponseSeconds'],
  additionalProperties: false,
});

export const MONTH_RANKED: JsonSchema & { $id: string } = {
  $id: 'https://workbench.local/schemas/cs-scripts/month-ranked',
  type: 'object',
  properties: { month: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }, first: RANKED, second: RANKED, closedAt: def('timestamp') },
  required: ['month', 'first', 'second', 'closedAt'],
  additionalProperties: false,
};
