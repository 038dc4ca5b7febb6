import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors';

export type HttpEvent = APIGatewayProxyEventV2 & {
  requestContext: { authorizer?: { jwt?: { claims?: Record<string, unknown> } } };
};
export type HttpResult = APIGatewayProxyStructuredResultV2 & { statusCode: number; body: string };

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

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export const json = (statusCode: number, body: unknown): HttpResult => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', ...SECURITY_HEADERS },
  body: JSON.stringify(body),
});

export const html = (statusCode: number, body: string): HttpResult => ({
  statusCode,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    ...SECURITY_HEADERS,
  },
  body,
});

/** The time API Gateway received the request: the request's own "now", wherever it runs. */
export const requestTime = (event: HttpEvent): Date => new Date(event.requestContext.timeEpoch);

function rawBody(event: HttpEvent): string {
  if (!event.body) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

const contentType = (event: HttpEvent) => (event.headers?.['content-type'] ?? '').split(';')[0]?.trim();

export function jsonBody(event: HttpEvent): unknown {
  if (contentType(event) !== 'application/json')
    throw new BadRequestError('content-type', 'send the body as application/json');
  try {
    return JSON.parse(rawBody(event));
  } catch {
    throw new BadRequestError('body', 'the body is not valid JSON');
  }
}

export function textBody(event: HttpEvent, type: string): string {
  if (contentType(event) !== type) throw new BadRequestError('content-type', `send the body as ${type}`);
  return rawBody(event);
}

export function formBody(event: HttpEvent): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(rawBody(event)));
}

/**
 * Maps what the domain throws to HTTP answers: each invalid field named, never a 500 for bad input. Anything
 * else is a fault of ours: logged with its stack, answered 500 without details.
 */
export function httpErrors(): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    onError: async (request) => {
      const error = request.error;
      if (error instanceof ValidationError) {
        request.response = json(422, { error: 'invalid input', issues: error.issues });
      } else if (error instanceof BadRequestError) {
        request.response = json(400, {
          error: 'bad request',
          issues: [{ field: error.field, message: error.message }],
        });
      } else if (error instanceof NotFoundError) {
        request.response = json(404, { error: error.message });
      } else if (error instanceof ConflictError) {
        request.response = json(409, { error: error.message });
      } else if (error instanceof ForbiddenError) {
        request.response = json(403, { error: error.message });
      } else if ((error as { statusCode?: number } | null)?.statusCode === 404) {
        request.response = json(404, { error: 'no such route' });
      } else {
        console.error(
          JSON.stringify({ level: 'error', message: 'unhandled', error: String(error), stack: error?.stack }),
        );
        request.response = json(500, { error: 'internal error' });
      }
    },
  };
}

/**
 * The JWT authorizer (Cognito in AWS, the local runtime's token check on a laptop) has already refused requests
 * without a valid token with 401; this refuses valid users outside the secretariat group.
 */
export function requireGroup(group: string): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    before: async (request) => {
      const claim = request.event.requestContext.authorizer?.jwt?.claims?.['cognito:groups'];
      const groups = Array.isArray(claim)
        ? claim
        : String(claim ?? '')
            .replace(/^\[|\]$/g, '')
            .split(/[\s,]+/);
      if (!groups.includes(group)) throw new ForbiddenError(`this needs membership of the ${group} group`);
    },
  };
}

/** Public forms are small: anything larger is refused before it is read (413). */
export function maxBodySize(bytes: number): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    before: async (request) => {
      const { body, isBase64Encoded } = request.event;
      const size = body ? Buffer.byteLength(body, isBase64Encoded ? 'base64' : 'utf8') : 0;
      if (size > bytes) return json(413, { error: `the body is larger than ${bytes} bytes` });
    },
  };
}

export const log = (message: string, detail: Record<string, unknown> = {}): void =>
  console.log(JSON.stringify({ level: 'info', message, ...detail }));
