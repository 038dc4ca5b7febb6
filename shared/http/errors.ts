import type { MiddlewareObj } from '@middy/core';
import { createError } from '@middy/util';
import { ConflictError, NotFoundError, ValidationError } from '#domain/errors';
import type { HttpEvent, HttpResult } from './event';

/** Malformed request (not JSON, wrong content type): 400, where a well-formed but invalid one gets 422. */
export class BadRequestError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'BadRequestError';
  }
}

export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** A console form sent without the session it was opened in (signed out since, or not from a console page). */
export class StaleFormError extends ForbiddenError {
  constructor() {
    super('this form is not from a console page of your session: reload the page');
    this.name = 'StaleFormError';
  }
}

/** The JSON answer of an error: what went wrong and, for input, each field with its reason. */
function answerOf(error: unknown): { status: number; body: Record<string, unknown> } | undefined {
  if (error instanceof ValidationError)
    return { status: 422, body: { error: 'invalid input', issues: error.issues } };
  if (error instanceof BadRequestError)
    return {
      status: 400,
      body: { error: 'bad request', issues: [{ field: error.field, message: error.message }] },
    };
  if (error instanceof NotFoundError) return { status: 404, body: { error: error.message } };
  if (error instanceof ConflictError) return { status: 409, body: { error: error.message } };
  if (error instanceof ForbiddenError) return { status: 403, body: { error: error.message } };
  // middy's own (the router's 404): already an HTTP error, answered in the same JSON shape.
  const status = (error as { statusCode?: number } | null)?.statusCode;
  if (status !== undefined && status < 500) return { status, body: { error: (error as Error).message } };
  return undefined;
}

/** Connection failures of a call to AWS (or its local stand-in) that the SDK's own retries did not get past. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN']);

/** Seconds a client is told to wait before sending again what a briefly unreachable store could not keep. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Whether a call failed for a while rather than for good: a store or SES unreachable, or throttling past the
 * SDK's retries (the SDK marks those `$retryable`). The same request sent again will do: what it did keep (a
 * registration stored before its email failed) a second sending finds, and goes on from.
 */
export function isTransient(error: unknown): boolean {
  const { $retryable, code } = (error ?? {}) as { $retryable?: unknown; code?: unknown };
  return $retryable !== undefined || (typeof code === 'string' && UNREACHABLE.has(code));
}

/**
 * Turns what the domain throws into the HTTP errors `@middy/http-error-handler` answers: each invalid field
 * named, never a 500 for bad input; a store briefly out of reach, 503 with `retry-after`, so that a client sends
 * it again. Anything else is a fault of ours, which the error handler logs and answers 500 without details.
 */
export function domainErrors(): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    onError: async (request) => {
      const answer = answerOf(request.error);
      if (answer) request.error = createError(answer.status, JSON.stringify(answer.body));
      else if (isTransient(request.error)) request.error = unavailable(request.error);
    },
  };
}

/** Logged as the fault it is (a 5xx), answered so that the client knows to send it again. */
function unavailable(cause: unknown) {
  const error = createError(
    503,
    JSON.stringify({ error: 'briefly unavailable: send the same request again in a few seconds' }),
    { expose: true, cause },
  );
  return Object.assign(error, { headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } });
}

/** Whether an error is a fault of ours rather than an answer to the request: the ones worth a log line. */
export const isFault = (error: unknown): boolean => {
  const status = (error as { statusCode?: number } | null)?.statusCode;
  return status === undefined || status >= 500;
};
