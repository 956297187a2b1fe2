import type { LocalizedText } from './i18n/localized-text.js';

/** One failing field of a request or a document, as problem+json lists it. */
export interface FieldProblem {
  /** JSON pointer to the field inside its part, e.g. `/price` or `/items/0/qty`. */
  path: string;
  /** Which part of the request: body, query, params; or a file name for documents. */
  in?: string;
  message: string;
}

const BRAND = Symbol.for('shop-workbench.error');

/**
 * The base of every error the workbench expects. Each kind maps to one HTTP status in one place
 * (`core/http/problem.ts`); the message is written for the person who will read it — a shop clerk
 * or a plugin author — and may be given in both languages.
 *
 * @example
 * throw new ConflictError({ 'zh-CN': '该订单已发货，不能再改地址', en: 'The order has shipped; its address can no longer change' });
 */
export abstract class WorkbenchError extends Error {
  abstract readonly status: number;
  abstract readonly kind: string;
  readonly text: LocalizedText;
  readonly errors: FieldProblem[];
  /** Extra members of the problem answer (RFC 9457 extensions), e.g. the plugins a refusal names. */
  readonly details?: Record<string, unknown>;

  constructor(text: LocalizedText, options: { errors?: FieldProblem[]; details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(typeof text === 'string' ? text : text.en ?? text['zh-CN'], { cause: options.cause });
    this.text = text;
    this.errors = options.errors ?? [];
    this.details = options.details;
    (this as unknown as Record<symbol, boolean>)[BRAND] = true;
  }

  override get name(): string {
    return this.constructor.name;
  }
}

/** True for errors of this family, even when thrown by a separately compiled plugin bundle. */
export function isWorkbenchError(error: unknown): error is WorkbenchError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
}

/** 400: the input is wrong; `errors` names the fields. */
export class InputError extends WorkbenchError {
  readonly status = 400;
  readonly kind = 'input';
}
/** 401: nobody is logged in. */
export class UnauthorizedError extends WorkbenchError {
  readonly status = 401;
  readonly kind = 'unauthorized';
}
/** 403: logged in, but not allowed. */
export class ForbiddenError extends WorkbenchError {
  readonly status = 403;
  readonly kind = 'forbidden';
}
/** 404: the thing does not exist (or is not visible to this person). */
export class NotFoundError extends WorkbenchError {
  readonly status = 404;
  readonly kind = 'not-found';
}
/** 409: the state does not allow it, or someone else changed it first. */
export class ConflictError extends WorkbenchError {
  readonly status = 409;
  readonly kind = 'conflict';
}
/** 413: the request body is larger than allowed. */
export class PayloadTooLargeError extends WorkbenchError {
  readonly status = 413;
  readonly kind = 'payload-too-large';
}
/** 429: too many attempts; `retryAfterSeconds` says when to try again. */
export class TooManyRequestsError extends WorkbenchError {
  readonly status = 429;
  readonly kind = 'too-many-requests';
  constructor(text: LocalizedText, readonly retryAfterSeconds: number) {
    super(text);
  }
}
/** 503: too much of this work is already under way; `retryAfterSeconds` says when to try again. */
export class BusyError extends WorkbenchError {
  readonly status = 503;
  readonly kind = 'unavailable';
  constructor(text: LocalizedText, readonly retryAfterSeconds: number) {
    super(text);
  }
}
/** 503: the part that would answer is not running (e.g. a failed plugin). */
export class UnavailableError extends WorkbenchError {
  readonly status = 503;
  readonly kind = 'unavailable';
}
