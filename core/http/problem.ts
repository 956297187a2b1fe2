import { HTTPException } from 'hono/http-exception';
import { isWorkbenchError, type FieldProblem } from '../errors.js';
import { localize, type Locale, type LocalizedText } from '../i18n/localized-text.js';
import { constraintKind, type ConstraintKind } from '../db/sqlite.js';
import type { Logger } from '../log/logger.js';

/** The body of an `application/problem+json` response (RFC 9457). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldProblem[];
}

const TITLES: Record<number, LocalizedText> = {
  400: { 'zh-CN': '输入有误', en: 'Invalid input' },
  401: { 'zh-CN': '请先登录', en: 'Please log in' },
  403: { 'zh-CN': '没有权限', en: 'Not allowed' },
  404: { 'zh-CN': '找不到', en: 'Not found' },
  408: { 'zh-CN': '请求超时', en: 'Request timeout' },
  409: { 'zh-CN': '有冲突', en: 'Conflict' },
  413: { 'zh-CN': '内容太大', en: 'Too large' },
  429: { 'zh-CN': '尝试太频繁', en: 'Too many attempts' },
  431: { 'zh-CN': '请求头太长', en: 'Request headers too long' },
  500: { 'zh-CN': '服务器出错', en: 'Server error' },
  503: { 'zh-CN': '暂时不可用', en: 'Unavailable' },
};

const DETAILS: Record<number, LocalizedText> = {
  400: { 'zh-CN': '请求的内容无法读取', en: 'The request could not be read' },
  404: { 'zh-CN': '没有这个地址', en: 'There is nothing at this address' },
  409: { 'zh-CN': '已经有相同的记录了', en: 'A record with the same key already exists' },
  413: { 'zh-CN': '提交的内容超过了允许的大小', en: 'The request is larger than allowed' },
  500: {
    'zh-CN': '服务器处理时出错了。请稍后重试；如果一再出现，请把发生的时间告诉店长或管理员。',
    en: 'The server failed while handling this. Try again later; if it keeps happening, tell the administrator the time it happened.',
  },
};

/** What a clerk is told when the database itself refuses a change. */
const CONSTRAINTS: Record<ConstraintKind, { status: number; detail: LocalizedText }> = {
  unique: { status: 409, detail: DETAILS[409]! },
  'foreign-key': {
    status: 409,
    detail: {
      'zh-CN': '这条记录还被其他记录用着，或者它引用的记录不存在',
      en: 'Other records still use this one, or the record it refers to does not exist',
    },
  },
  'not-null': { status: 400, detail: { 'zh-CN': '缺少必填的内容', en: 'A required value is missing' } },
  check: { status: 400, detail: { 'zh-CN': '有一项内容不符合要求', en: 'A value is not allowed' } },
  other: { status: 409, detail: { 'zh-CN': '这个改动和现有记录冲突', en: 'This change conflicts with existing records' } },
};

function kindOf(status: number): string {
  return { 400: 'input', 401: 'unauthorized', 403: 'forbidden', 404: 'not-found', 409: 'conflict', 408: 'request-timeout', 413: 'payload-too-large', 429: 'too-many-requests', 431: 'headers-too-large', 503: 'unavailable' }[status] ?? 'server-error';
}

/** Builds a problem from a status and a message. */
export function problem(status: number, detail: LocalizedText | undefined, locale: Locale, extra: Partial<Problem> = {}): Problem {
  return {
    type: `https://workbench.local/problems/${kindOf(status)}`,
    title: localize(TITLES[status] ?? TITLES[500]!, locale),
    status,
    detail: localize(detail ?? DETAILS[status] ?? TITLES[status] ?? DETAILS[500]!, locale),
    ...extra,
  };
}

/**
 * The one place where errors become responses. Known errors keep their status and message;
 * anything else is logged with its stack and answered as a 500 that leaks nothing.
 */
export function problemFromError(error: unknown, locale: Locale, log: Logger, instance?: string): Problem {
  if (isWorkbenchError(error)) {
    return { ...error.details, ...problem(error.status, error.text, locale, { instance, ...(error.errors.length ? { errors: error.errors } : {}) }) };
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    if (status >= 500) log.error('request failed', { instance, error });
    return problem(status, undefined, locale, { instance });
  }
  if (error instanceof SyntaxError) {
    return problem(400, { 'zh-CN': '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' }, locale, { instance });
  }
  const constraint = constraintKind(error);
  if (constraint) {
    const { status, detail } = CONSTRAINTS[constraint];
    // Route schemas should have caught a missing or impossible value; the database is the last line.
    if (status === 400) log.warn('the database refused a value the route schema let through', { instance, error });
    return problem(status, detail, locale, { instance });
  }
  log.error('request failed', { instance, error });
  return problem(500, undefined, locale, { instance });
}

export function problemResponse(p: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(p), {
    status: p.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers },
  });
}
