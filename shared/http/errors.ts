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

/**
 * Turns what the domain throws into the HTTP errors `@middy/http-error-handler` answers: each invalid field
 * named, never a 500 for bad input. Anything else is a fault of ours, which the error handler logs and answers
 * 500 without details.
 */
export function domainErrors(): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    onError: async (request) => {
      const answer = answerOf(request.error);
      if (answer) request.error = createError(answer.status, JSON.stringify(answer.body));
    },
  };
}

/** Whether an error is a fault of ours rather than an answer to the request: the ones worth a log line. */
export const isFault = (error: unknown): boolean => {
  const status = (error as { statusCode?: number } | null)?.statusCode;
  return status === undefined || status >= 500;
};
